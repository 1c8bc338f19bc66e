import { getDb } from "../../db/index.server";

/**
 * The practices an organisation speaks for: its own, and for a keten (once verified) its member
 * practices. An unverified keten reads no member practice.
 */
export async function listPracticesForOrg({ viewerOrgId, includeMembers = true }: { viewerOrgId: string; includeMembers?: boolean }) {
  const db = await getDb();
  return db
    .selectFrom("practice")
    .leftJoin("organisation as po", "po.id", "practice.organisation_id")
    .select(["practice.id", "practice.name", "practice.agb", "practice.postcode", "practice.region_id", "practice.organisation_id", "po.verification as verification"])
    .where((eb) => eb.or([eb("practice.organisation_id", "=", viewerOrgId), ...(includeMembers ? [eb("practice.keten_id", "=", viewerOrgId)] : [])]))
    .orderBy("practice.name")
    .execute();
}

export async function getPracticeForOrg({ id, viewerOrgId, includeMembers = true }: { id: string; viewerOrgId: string; includeMembers?: boolean }) {
  const db = await getDb();
  return db
    .selectFrom("practice")
    .selectAll()
    .where("id", "=", id)
    .where((eb) => eb.or([eb("organisation_id", "=", viewerOrgId), ...(includeMembers ? [eb("keten_id", "=", viewerOrgId)] : [])]))
    .executeTakeFirst();
}
