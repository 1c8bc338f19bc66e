/**
 * The practice register (issue 13): name, AGB, postcode and region of a practice (`practice`) and the
 * KvK-nummer of the organisation that speaks for it (`organisation.kvk`), in one place. A practice's
 * beheerder edits it on /organisation (a verified keten's beheerder for member practices without an
 * account of their own); the questionnaire shows it as given facts with where they come from.
 *
 * The platform must be able to trust an identifier it checked: a verified organisation that changes its
 * practice's AGB or its KvK-nummer goes back to awaiting verification (a request in its verification
 * history, an audit event), and the platform beheerder checks the new one.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import type { RegisterForm } from "~/domain/register-form";
import type { RegisterFacts } from "~/domain/register";
import { recordEvent } from "./audit.server";
import { isVerified, type Viewer } from "./viewer.server";

type Db = Kysely<Database> | Transaction<Database>;

/** The register of one practice as the questionnaire shows it (no authorization: the caller's). */
export async function getRegisterFacts(db: Db, practiceId: string): Promise<RegisterFacts> {
  const row = await db
    .selectFrom("practice as p")
    .leftJoin("organisation as o", "o.id", "p.organisation_id")
    .leftJoin("region as r", "r.id", "p.region_id")
    .leftJoin("person as by", "by.id", "p.register_changed_by")
    .select(["p.id", "p.name", "p.agb", "p.postcode", "o.kvk", "r.name as region", "p.register_changed_at", "by.name as changed_by"])
    .where("p.id", "=", practiceId)
    .executeTakeFirstOrThrow();
  return {
    practiceId: row.id,
    values: { name: row.name, agb: row.agb, kvk: row.kvk ?? null, postcode: row.postcode, region: row.region ?? null },
    changedAt: row.register_changed_at,
    changedBy: row.changed_by ?? null,
  };
}

/**
 * The practices whose register the viewer's organisation keeps: its own; for a verified keten also its
 * member practices without an account of their own (they have nobody else to keep it).
 */
function editable(viewer: Viewer) {
  return (eb: any) =>
    eb.or([
      eb("p.organisation_id", "=", viewer.organisationId),
      ...(isVerified(viewer) && viewer.organisationKind === "keten" ? [eb.and([eb("p.keten_id", "=", viewer.organisationId), eb("p.organisation_id", "is", null)])] : []),
    ]);
}

export async function listRegister(viewer: Viewer) {
  const db = await getDb();
  const rows = await db
    .selectFrom("practice as p")
    .leftJoin("organisation as o", "o.id", "p.organisation_id")
    .leftJoin("region as r", "r.id", "p.region_id")
    .leftJoin("person as by", "by.id", "p.register_changed_by")
    .select(["p.id", "p.name", "p.agb", "p.postcode", "p.region_id", "r.name as region_name", "o.kvk", "p.organisation_id", "p.register_changed_at", "by.name as changed_by"])
    .where(editable(viewer))
    .orderBy("p.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    agb: r.agb,
    postcode: r.postcode,
    regionId: r.region_id,
    regionName: r.region_name ?? null,
    /** The KvK-nummer belongs to the organisation that speaks for the practice: only its own is kept here. */
    kvk: r.organisation_id === viewer.organisationId ? (r.kvk ?? null) : null,
    hasKvk: r.organisation_id === viewer.organisationId,
    changedAt: r.register_changed_at,
    changedBy: r.changed_by ?? null,
  }));
}

export type RegisterUpdateResult =
  | { ok: true; changed: string[]; verificationReset: boolean }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; errors: Partial<Record<"agb" | "regionId", string>> };

const isUniqueViolation = (error: unknown) => error instanceof Error && /UNIQUE constraint failed: practice\.agb/.test(error.message);

/**
 * Changes a practice's register in one transaction: everything or nothing. An AGB held by another
 * practice is refused (the platform decides who holds it); a verified organisation whose AGB or KvK
 * changes goes back to awaiting verification. Every change is an audit event with what it was and is.
 */
export async function updateRegister(viewer: Viewer, input: RegisterForm): Promise<RegisterUpdateResult> {
  if (viewer.role !== "beheerder") throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  try {
    return await db.transaction().execute(async (trx): Promise<RegisterUpdateResult> => {
      const current = await trx
        .selectFrom("practice as p")
        .leftJoin("organisation as o", "o.id", "p.organisation_id")
        .select(["p.id", "p.name", "p.agb", "p.postcode", "p.region_id", "p.organisation_id", "o.kvk", "o.verification"])
        .where("p.id", "=", input.practiceId)
        .where(editable(viewer))
        .executeTakeFirst();
      if (!current) return { ok: false, reason: "not-found" };
      if (input.regionId !== null && !(await trx.selectFrom("region").select("id").where("id", "=", input.regionId).executeTakeFirst())) {
        return { ok: false, reason: "invalid", errors: { regionId: "register.errors.region" } };
      }
      if (input.agb !== current.agb) {
        const holder = await trx.selectFrom("practice").select("id").where("agb", "=", input.agb).where("id", "!=", current.id).executeTakeFirst();
        if (holder) return { ok: false, reason: "invalid", errors: { agb: "register.errors.agbTaken" } };
      }
      const ownOrganisation = current.organisation_id === viewer.organisationId;
      const before = { name: current.name, agb: current.agb, postcode: current.postcode, regionId: current.region_id, kvk: ownOrganisation ? current.kvk : null };
      const after = { name: input.name, agb: input.agb, postcode: input.postcode, regionId: input.regionId, kvk: ownOrganisation ? input.kvk : null };
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return { ok: true, changed, verificationReset: false };
      const now = new Date().toISOString();
      await trx
        .updateTable("practice")
        .set({ name: after.name, agb: after.agb, postcode: after.postcode, region_id: after.regionId, updated_at: now, register_changed_at: now, register_changed_by: viewer.personId })
        .where("id", "=", current.id)
        .execute();
      if (ownOrganisation && changed.includes("kvk")) await trx.updateTable("organisation").set({ kvk: after.kvk }).where("id", "=", viewer.organisationId).execute();
      await recordEvent(trx, {
        viewer,
        at: now,
        action: "practice.register-changed",
        subjectType: "practice",
        subjectId: current.id,
        detail: { changed, from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, after[k]])) },
      });
      // An identifier the platform checked is no longer the one it checked: it checks the new one.
      const identifierChanged = changed.includes("agb") || changed.includes("kvk");
      const verificationReset = ownOrganisation && identifierChanged && current.verification === "verified";
      if (verificationReset) {
        await trx.updateTable("organisation").set({ verification: "pending" }).where("id", "=", viewer.organisationId).where("verification", "=", "verified").execute();
        const note = changed
          .filter((k) => k === "agb" || k === "kvk")
          .map((k) => `${k.toUpperCase()}: ${before[k] ?? "–"} → ${after[k] ?? "–"}`)
          .join("; ");
        await trx
          .insertInto("organisation_verification")
          .values({ id: randomUUID(), organisation_id: viewer.organisationId, decision: "requested", checked: "[]", note, decided_by: viewer.personId, decided_at: now })
          .execute();
        await recordEvent(trx, {
          viewer,
          at: now,
          action: "organisation.verification-reset",
          subjectType: "organisation",
          subjectId: viewer.organisationId,
          detail: { reason: "register-identifier-changed", practiceId: current.id, changed: changed.filter((k) => k === "agb" || k === "kvk") },
        });
      }
      return { ok: true, changed, verificationReset };
    });
  } catch (error) {
    // Two practices claiming one AGB at the same moment: the unique index decides, the later one is told.
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", errors: { agb: "register.errors.agbTaken" } };
    throw error;
  }
}
