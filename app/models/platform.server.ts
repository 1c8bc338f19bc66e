/**
 * The platform beheerder (application administrator): a person outside every organisation, made only
 * from the command line. It verifies, refuses and withdraws organisations with a recorded basis,
 * decides claims on practices in the register, and keeps the national data (models/regions.server.ts).
 * Every decision is in the audit trail and in the organisation's verification history; a withdrawal
 * takes effect at the organisation's next request, because every guard reads the status per request.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { getDb } from "../../db/index.server";
import type { OrganisationKind, VerificationStatus } from "../../db/schema";
import { DECISIONS_FROM, VERIFICATION_STATUSES, type Check, type Decision } from "../domain/trust";

export { CHECKS, DECISIONS_FROM, VERIFICATION_STATUSES, type Check, type Decision } from "../domain/trust";
import type { Lng } from "../i18n";
import { appLink, newToken, normaliseEmail, type Db } from "./account.server";
import { recordEvent, type AuditActor } from "./audit.server";
import { refreshPortfolio } from "./portfolio.server";
import { sendMail } from "./mail.server";
import { setPasswordMail, verificationMail } from "./security-mail.server";
import type { PlatformViewer, Viewer } from "./viewer.server";

/** How long the set-password link of a new platform beheerder works. */
export const SET_PASSWORD_HOURS = 24;

/** The platform's audit actor: a person, no organisation. */
export const platformActor = (admin: PlatformViewer): AuditActor => ({ personId: admin.personId, organisationId: null });

export type CreateAdminResult = { ok: true; created: boolean } | { ok: false; reason: "member" };

/**
 * `npm run admin:create`: a platform beheerder without a password, and a mail with a link to set one
 * (the existing mail path). An address that already is a platform beheerder gets a new link; an address
 * of someone in an organisation is refused (the platform beheerder is outside every organisation).
 */
export async function createPlatformAdmin(input: { email: string; name: string; lng: Lng }): Promise<CreateAdminResult> {
  const email = normaliseEmail(input.email);
  const db = await getDb();
  const now = new Date();
  const { token, hash } = newToken();
  const result = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("person").select(["id", "platform_admin"]).where("email", "=", email).executeTakeFirst();
    let personId = existing?.id;
    if (existing) {
      const member = await trx.selectFrom("membership").select("organisation_id").where("person_id", "=", existing.id).executeTakeFirst();
      if (member || existing.platform_admin !== 1) return { ok: false, reason: "member" } as const;
    } else {
      personId = randomUUID();
      await trx.insertInto("person").values({ id: personId, email, name: input.name, password_hash: null, created_at: now.toISOString(), platform_admin: 1 }).execute();
    }
    // Only the newest link works.
    await trx.updateTable("token").set({ used_at: now.toISOString() }).where("person_id", "=", personId!).where("purpose", "=", "password-reset").where("used_at", "is", null).execute();
    await trx
      .insertInto("token")
      .values({
        token_hash: hash,
        purpose: "password-reset",
        email,
        person_id: personId!,
        organisation_id: null,
        role: null,
        created_by: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SET_PASSWORD_HOURS * 3_600_000).toISOString(),
        used_at: null,
      })
      .execute();
    await recordEvent(trx, {
      viewer: null,
      action: existing ? "platform-admin.link-sent" : "platform-admin.created",
      subjectType: "platform-admin",
      subjectId: personId!,
      detail: { email, by: "command line" },
      at: now.toISOString(),
    });
    return { ok: true, created: !existing } as const;
  });
  if (!result.ok) return result;
  await sendMail(setPasswordMail({ lng: input.lng, to: email, name: input.name, link: appLink(`/reset-password?token=${token}`), hours: SET_PASSWORD_HOURS }));
  return result;
}

/* ------------------------------------------------------------------------------------------------
 * Organisations as the platform sees them
 * ---------------------------------------------------------------------------------------------- */

export const PLATFORM_PAGE_SIZE = 50;

/** The practices' AGB codes of an organisation, comma-separated (a praktijk has one). */
const agbsOf = sql<string | null>`(select group_concat(p.agb, ', ') from practice p where p.organisation_id = organisation.id)`;
/** When the organisation last asked to be verified (sign-up or a new request). */
const waitingSince = sql<string>`coalesce((select max(v.decided_at) from organisation_verification v where v.organisation_id = organisation.id and v.decision = 'requested'), organisation.created_at)`;
const openClaims = sql<number>`(select count(*) from practice_claim c where c.organisation_id = organisation.id and c.status = 'open')`;

export async function listOrganisations(input: { status?: VerificationStatus; kind?: OrganisationKind; q?: string; page?: number }) {
  const db = await getDb();
  let query = db.selectFrom("organisation");
  if (input.status) query = query.where("organisation.verification", "=", input.status);
  if (input.kind) query = query.where("organisation.kind", "=", input.kind);
  const q = input.q?.trim();
  if (q) {
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = q.replace(/[\s.-]/g, "");
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(organisation.name)`, "like", sql`${like} escape '\\'`),
        eb("organisation.kvk", "=", digits),
        eb("organisation.uzovi", "=", digits),
        eb.exists(eb.selectFrom("practice as p").select("p.id").whereRef("p.organisation_id", "=", "organisation.id").where("p.agb", "=", digits)),
        // An organisation that claims a practice is found by that practice's AGB too.
        eb.exists(
          eb
            .selectFrom("practice_claim as c")
            .innerJoin("practice as cp", "cp.id", "c.practice_id")
            .select("c.id")
            .whereRef("c.organisation_id", "=", "organisation.id")
            .where("cp.agb", "=", digits),
        ),
      ]),
    );
  }
  const page = Math.max(1, input.page ?? 1);
  const [rows, total] = await Promise.all([
    query
      .select(["organisation.id", "organisation.name", "organisation.kind", "organisation.verification", "organisation.created_at", "organisation.verified_at", "organisation.kvk", "organisation.uzovi"])
      .select([agbsOf.as("agbs"), waitingSince.as("waiting_since"), openClaims.as("open_claims")])
      .orderBy(input.status === "pending" ? sql`waiting_since` : sql`lower(organisation.name)`)
      .orderBy("organisation.id")
      .limit(PLATFORM_PAGE_SIZE)
      .offset((page - 1) * PLATFORM_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pages: Math.max(1, Math.ceil(Number(total.n) / PLATFORM_PAGE_SIZE)) };
}

/** The dashboard: how many organisations wait, per status. */
export async function countByStatus() {
  const db = await getDb();
  const rows = await db.selectFrom("organisation").select(["verification", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("verification").execute();
  return Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, Number(rows.find((r) => r.verification === s)?.n ?? 0)])) as Record<VerificationStatus, number>;
}

export interface Basis {
  checked: string[];
  note: string;
}

export const parseBasis = (json: string | null): Basis | null => {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as Partial<Basis>;
    return { checked: Array.isArray(value.checked) ? value.checked.map(String) : [], note: typeof value.note === "string" ? value.note : "" };
  } catch {
    return null;
  }
};

/** One organisation with everything the platform beheerder checks: identifiers, practices, claims, beheerders, history. */
export async function getOrganisationForPlatform(id: string) {
  const db = await getDb();
  const org = await db
    .selectFrom("organisation")
    .leftJoin("person as v", "v.id", "organisation.verified_by")
    .selectAll("organisation")
    .select("v.name as verified_by_name")
    .where("organisation.id", "=", id)
    .executeTakeFirst();
  if (!org) return undefined;
  const [practices, claims, beheerders, members, history] = await Promise.all([
    db.selectFrom("practice").select(["id", "name", "agb", "postcode"]).where("organisation_id", "=", id).orderBy("name").execute(),
    db
      .selectFrom("practice_claim as c")
      .innerJoin("practice as p", "p.id", "c.practice_id")
      .leftJoin("organisation as holder", "holder.id", "p.organisation_id")
      .select([
        "c.id",
        "c.status",
        "c.note",
        "c.created_at",
        "c.decided_at",
        "p.id as practice_id",
        "p.name as practice_name",
        "p.agb",
        "holder.id as holder_id",
        "holder.name as holder_name",
        "holder.verification as holder_verification",
      ])
      .where("c.organisation_id", "=", id)
      .orderBy("c.created_at", "desc")
      .execute(),
    db
      .selectFrom("membership")
      .innerJoin("person", "person.id", "membership.person_id")
      .select(["person.name", "person.email"])
      .where("membership.organisation_id", "=", id)
      .where("membership.role", "=", "beheerder")
      .orderBy("person.name")
      .execute(),
    db.selectFrom("membership").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", id).executeTakeFirstOrThrow(),
    db
      .selectFrom("organisation_verification as v")
      .leftJoin("person as p", "p.id", "v.decided_by")
      .select(["v.id", "v.decision", "v.checked", "v.note", "v.decided_at", "p.name as decided_by_name"])
      .where("v.organisation_id", "=", id)
      .orderBy("v.decided_at", "desc")
      .orderBy("v.id")
      .limit(100)
      .execute(),
  ]);
  return {
    ...org,
    basis: parseBasis(org.verification_basis),
    practices,
    claims,
    beheerders,
    memberCount: Number(members.n),
    history: history.map((h) => ({ ...h, checked: JSON.parse(h.checked) as string[] })),
  };
}


export type DecideResult = { ok: true } | { ok: false; reason: "not-found" | "state" | "claim-held" };

/**
 * Verifies, refuses or withdraws an organisation, with its basis (the identifiers checked and a note),
 * in one transaction with its history, its audit event and its claims: verifying approves the open
 * claim (when `approveClaim`) and gives the practice to the organisation, or refuses it; refusing or
 * withdrawing refuses the open claims. A claim on a practice that a verified organisation holds cannot
 * be approved. The organisation's beheerders get a mail.
 */
export async function decideVerification(input: {
  admin: PlatformViewer;
  organisationId: string;
  decision: Decision;
  checked: Check[];
  note: string;
  approveClaim: boolean;
  lng: Lng;
}): Promise<DecideResult> {
  const { admin, organisationId, decision } = input;
  const db = await getDb();
  const now = new Date().toISOString();
  const result = await db.transaction().execute(async (trx): Promise<DecideResult & { name?: string; moved?: string[] }> => {
    const org = await trx.selectFrom("organisation").select(["id", "name", "kind", "verification"]).where("id", "=", organisationId).executeTakeFirst();
    if (!org) return { ok: false, reason: "not-found" };
    if (!DECISIONS_FROM[org.verification].includes(decision)) return { ok: false, reason: "state" };
    const claims = await trx
      .selectFrom("practice_claim as c")
      .innerJoin("practice as p", "p.id", "c.practice_id")
      .leftJoin("organisation as holder", "holder.id", "p.organisation_id")
      .select(["c.id", "c.practice_id", "p.organisation_id as holder_id", "holder.verification as holder_verification"])
      .where("c.organisation_id", "=", organisationId)
      .where("c.status", "=", "open")
      .execute();
    const moved: string[] = [];
    for (const claim of claims) {
      const approve = decision === "verified" && input.approveClaim;
      if (approve && claim.holder_id !== null && claim.holder_verification === "verified") return { ok: false, reason: "claim-held" };
      await trx.updateTable("practice_claim").set({ status: approve ? "approved" : "refused", decided_at: now, decided_by: admin.personId, note: input.note }).where("id", "=", claim.id).execute();
      if (!approve) continue;
      await trx.updateTable("practice").set({ organisation_id: organisationId, updated_at: now }).where("id", "=", claim.practice_id).execute();
      // Other claims on the same practice cannot be approved any more.
      await trx
        .updateTable("practice_claim")
        .set({ status: "refused", decided_at: now, decided_by: admin.personId, note: "Een andere aanspraak op deze praktijk is goedgekeurd." })
        .where("practice_id", "=", claim.practice_id)
        .where("status", "=", "open")
        .execute();
      await recordEvent(trx, {
        viewer: platformActor(admin),
        at: now,
        action: "claim.approved",
        subjectType: "practice",
        subjectId: claim.practice_id,
        detail: { organisationId, from: claim.holder_id },
      });
      moved.push(claim.practice_id);
    }
    const basis = JSON.stringify({ checked: input.checked, note: input.note });
    await trx
      .updateTable("organisation")
      .set(
        decision === "verified"
          ? { verification: "verified", verified_at: now, verified_by: admin.personId, verification_basis: basis }
          : { verification: decision, verified_at: null, verified_by: null, verification_basis: basis },
      )
      .where("id", "=", organisationId)
      .execute();
    await trx
      .insertInto("organisation_verification")
      .values({ id: randomUUID(), organisation_id: organisationId, decision, checked: JSON.stringify(input.checked), note: input.note, decided_by: admin.personId, decided_at: now })
      .execute();
    await recordEvent(trx, {
      viewer: platformActor(admin),
      at: now,
      action: `organisation.${decision === "verified" ? "verified" : decision === "refused" ? "refused" : "verification-withdrawn"}`,
      subjectType: "organisation",
      subjectId: organisationId,
      detail: { checked: input.checked, note: input.note, from: org.verification, claims: claims.length },
    });
    // A practice that changed hands shows differently in every portfolio that has it.
    if (moved.length > 0) await refreshPortfoliosOfPractices(trx, moved);
    return { ok: true, name: org.name, moved };
  });
  if (!result.ok) return result;
  await mailBeheerders(organisationId, (to) => verificationMail({ lng: input.lng, to, organisation: result.name ?? "", decision, note: input.note }));
  return { ok: true };
}

/** Every portfolio that shows these practices (and their ketens'), rewritten. */
async function refreshPortfoliosOfPractices(trx: Db, practiceIds: string[]) {
  const owners = await trx
    .selectFrom("organisation")
    .select(["id", "kind"])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("portfolio_entry as e").select("e.practice_id").whereRef("e.organisation_id", "=", "organisation.id").where("e.practice_id", "in", practiceIds)),
        eb.exists(eb.selectFrom("practice as p").select("p.id").whereRef("p.keten_id", "=", "organisation.id").where("p.id", "in", practiceIds)),
      ]),
    )
    .execute();
  for (const owner of owners) await refreshPortfolio(trx, owner, practiceIds);
}

async function mailBeheerders(organisationId: string, mail: (to: string) => Parameters<typeof sendMail>[0]) {
  const db = await getDb();
  const beheerders = await db
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .select("person.email")
    .where("membership.organisation_id", "=", organisationId)
    .where("membership.role", "=", "beheerder")
    .execute();
  for (const { email } of beheerders) {
    try {
      await sendMail(mail(email));
    } catch (error) {
      // The decision stands; the mail is a courtesy. Never log the message itself.
      console.error("verification mail could not be sent:", error instanceof Error ? error.message : "unknown error");
    }
  }
}

/* ------------------------------------------------------------------------------------------------
 * The organisation's own side: its standing, and asking again after a refusal or withdrawal
 * ---------------------------------------------------------------------------------------------- */

/** What an organisation's people see of their verification: status, basis and its open claim. */
export async function getOwnVerification(viewer: Viewer) {
  const db = await getDb();
  const [org, claim, last] = await Promise.all([
    db.selectFrom("organisation").select(["verification", "verified_at", "verification_basis", "kvk", "uzovi"]).where("id", "=", viewer.organisationId).executeTakeFirstOrThrow(),
    db
      .selectFrom("practice_claim as c")
      .innerJoin("practice as p", "p.id", "c.practice_id")
      .select(["c.status", "p.agb", "p.name"])
      .where("c.organisation_id", "=", viewer.organisationId)
      .orderBy("c.created_at", "desc")
      .executeTakeFirst(),
    db
      .selectFrom("organisation_verification")
      .select(["decision", "note", "decided_at"])
      .where("organisation_id", "=", viewer.organisationId)
      .where("decision", "!=", "requested")
      .orderBy("decided_at", "desc")
      .executeTakeFirst(),
  ]);
  return { ...org, basis: parseBasis(org.verification_basis), claim: claim ?? null, lastDecision: last ?? null };
}

/** After a refusal or withdrawal, a beheerder asks again, with corrected identifiers and a note. */
export async function requestVerificationAgain(viewer: Viewer, input: { kvk: string | null; uzovi: string | null; note: string }) {
  if (viewer.role !== "beheerder") throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("organisation")
      .set({ verification: "pending", kvk: input.kvk, uzovi: viewer.organisationKind === "zorgverzekeraar" ? input.uzovi : null })
      .where("id", "=", viewer.organisationId)
      .where("verification", "in", ["refused", "withdrawn"])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto("organisation_verification")
      .values({ id: randomUUID(), organisation_id: viewer.organisationId, decision: "requested", checked: "[]", note: input.note, decided_by: viewer.personId, decided_at: now })
      .execute();
    await recordEvent(trx, { viewer, at: now, action: "organisation.verification-requested", subjectType: "organisation", subjectId: viewer.organisationId, detail: { kvk: input.kvk, uzovi: input.uzovi, note: input.note } });
    return true;
  });
}

/* ------------------------------------------------------------------------------------------------
 * The platform's own audit trail
 * ---------------------------------------------------------------------------------------------- */

/** What the platform beheerders did (and what was done to their accounts), newest first. */
export async function listPlatformAudit(page = 1) {
  const db = await getDb();
  const size = 100;
  const platformActor = (eb: any) =>
    eb.or([
      eb.exists(eb.selectFrom("person as a").select("a.id").whereRef("a.id", "=", "e.actor_person_id").where("a.platform_admin", "=", 1)),
      eb("e.subject_type", "=", "platform-admin"),
    ]);
  const [rows, total] = await Promise.all([
    db
      .selectFrom("audit_event as e")
      .leftJoin("person as p", "p.id", "e.actor_person_id")
      .leftJoin("organisation as o", (join) => join.onRef("o.id", "=", "e.subject_id").on("e.subject_type", "=", "organisation"))
      .select(["e.id", "e.at", "e.action", "e.subject_type", "e.subject_id", "e.detail", "p.name as actor", "o.name as organisation"])
      .where(platformActor)
      .orderBy("e.at", "desc")
      .orderBy("e.id")
      .limit(size)
      .offset((Math.max(1, page) - 1) * size)
      .execute(),
    db.selectFrom("audit_event as e").select((eb) => eb.fn.countAll<number>().as("n")).where(platformActor).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page: Math.max(1, page), pages: Math.max(1, Math.ceil(Number(total.n) / size)) };
}
