import { getDb } from "../../db/index.server";

/** The practices an organisation speaks for (a keten: its member practices). */
export async function listPracticesForOrg({ viewerOrgId }: { viewerOrgId: string }) {
  const db = await getDb();
  return db
    .selectFrom("practice")
    .select(["id", "name", "agb", "postcode", "region_id"])
    .where((eb) => eb.or([eb("organisation_id", "=", viewerOrgId), eb("keten_id", "=", viewerOrgId)]))
    .orderBy("name")
    .execute();
}

export async function getPracticeForOrg({ id, viewerOrgId }: { id: string; viewerOrgId: string }) {
  const db = await getDb();
  return db
    .selectFrom("practice")
    .selectAll()
    .where("id", "=", id)
    .where((eb) => eb.or([eb("organisation_id", "=", viewerOrgId), eb("keten_id", "=", viewerOrgId)]))
    .executeTakeFirst();
}
