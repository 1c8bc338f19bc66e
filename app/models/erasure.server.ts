/**
 * Erasure (AVG art. 17): a person erased, by themselves or by their organisation's beheerder, and an
 * organisation closed by its beheerder. What is decided here (docs/decisions.md, "Closing an organisation"):
 *
 * - A person's own data goes: the person row (name, e-mail, password hash) is deleted, and with it by
 *   ON DELETE CASCADE their memberships, sessions, reset and invitation links (and any table keyed by the
 *   person that cascades, such as second factors). Invitations and demo mail to their address go too.
 * - Records that name them as "who" (an answer's author, a share's grantor, …) keep the record and lose
 *   the name: the column becomes null (PERSON_REFERENCES lists every such column; a test checks the
 *   list against the schema's foreign keys, so a new column cannot be forgotten).
 * - The audit trail keeps every event; the person's id in it (as actor or subject) is replaced by a
 *   pseudonym (`erased:<random>`, one per erasure, stored nowhere else) and their e-mail address is cut
 *   out of event details. The trail still shows that one removed person did these things, not who.
 * - A person who also belongs to another organisation and is removed by one organisation's beheerder
 *   is erased from that organisation only: its records and its part of the trail lose the name, the
 *   membership and its sessions go; the other organisation keeps its member.
 * - Closing an organisation: its live shares are revoked (also those others granted to it), its open
 *   requests closed, what it wrote is deleted (assessments with answers and context, conversation notes,
 *   imported practice facts and their uploads, its portfolio rows, its invitations), its people erased
 *   (or, if they belong elsewhere too, removed from it), and the organisation row stays, marked closed,
 *   because other organisations' records name it. What others wrote about its practice (an insurer's
 *   beoordeling, imported facts, notes) is theirs and stays with them; the practice stays in the register
 *   without an organisation speaking for it (its AGB free for a new sign-up) unless nothing refers to it.
 * - Every erasure leaves its ids (never a name) in the `erasure` ledger; after a restore,
 *   reapplyErasures repeats the replaced database's erasures on the restored one (scripts/db-restore.ts).
 *
 * Guards: the routes confirm the person's current password (throttled like a sign-in) before calling
 * these functions; the functions themselves check role and membership.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database, OrganisationKind } from "../../db/schema";
import { recordEvent } from "./audit.server";
import { verifyPassword } from "./password.server";
import { refreshPortfolio } from "./portfolio.server";
import { guardedCheck } from "./rate-limit.server";
import type { Viewer } from "./viewer.server";

type Trx = Transaction<Database>;

/**
 * Every column that names a person without cascading when the person row is deleted, with how to tell
 * that a row belongs to one organisation (for erasing a person from one organisation only).
 */
export const PERSON_REFERENCES: ReadonlyArray<{ table: keyof Database; column: string; ofOrganisation: (org: string) => RawBuilder<unknown> }> = [
  { table: "answer", column: "updated_by", ofOrganisation: (org) => sql`assessment_id in (select id from assessment where author_org_id = ${org})` },
  { table: "answer", column: "confirmed_by", ofOrganisation: (org) => sql`assessment_id in (select id from assessment where author_org_id = ${org})` },
  { table: "section_confirmation", column: "confirmed_by", ofOrganisation: (org) => sql`assessment_id in (select id from assessment where author_org_id = ${org})` },
  { table: "signal_context", column: "updated_by", ofOrganisation: (org) => sql`assessment_id in (select id from assessment where author_org_id = ${org})` },
  { table: "assessment", column: "created_by", ofOrganisation: (org) => sql`author_org_id = ${org}` },
  { table: "token", column: "created_by", ofOrganisation: (org) => sql`organisation_id = ${org}` },
  { table: "share", column: "granted_by", ofOrganisation: (org) => sql`assessment_id in (select id from assessment where author_org_id = ${org})` },
  { table: "share", column: "revoked_by", ofOrganisation: (org) => sql`assessment_id in (select id from assessment where author_org_id = ${org})` },
  { table: "assessment_request", column: "created_by", ofOrganisation: (org) => sql`requester_org_id = ${org}` },
  { table: "assessment_request", column: "decided_by", ofOrganisation: (org) => sql`practice_id in (select id from practice where organisation_id = ${org})` },
  { table: "facts_import", column: "created_by", ofOrganisation: (org) => sql`organisation_id = ${org}` },
  { table: "conversation_note", column: "created_by", ofOrganisation: (org) => sql`organisation_id = ${org}` },
  { table: "conversation_note", column: "deleted_by", ofOrganisation: (org) => sql`organisation_id = ${org}` },
  { table: "own_criteria", column: "changed_by", ofOrganisation: (org) => sql`organisation_id = ${org}` },
  // The register of a practice (issue 13): changed by its own beheerder, or a keten's for a member without an account.
  { table: "practice", column: "register_changed_by", ofOrganisation: (org) => sql`(organisation_id = ${org} or keten_id = ${org})` },
  // The platform's own records (issue 11): written by the platform beheerder, of no organisation; a
  // request to be verified again is written by the organisation's beheerder.
  { table: "organisation", column: "verified_by", ofOrganisation: () => sql`0` },
  { table: "organisation_verification", column: "decided_by", ofOrganisation: (org) => sql`decision = 'requested' and organisation_id = ${org}` },
  { table: "practice_claim", column: "decided_by", ofOrganisation: () => sql`0` },
  { table: "criteria_publication", column: "published_by", ofOrganisation: () => sql`0` },
  { table: "region_import", column: "created_by", ofOrganisation: () => sql`0` },
];

/** Audit-event details whose values are the content of an assessment (answers, context texts). */
const CONTENT_ACTIONS = ["answer.changed", "answer.cleared", "signal-context.changed"];

/** An e-mail address as it stands in a JSON detail (an invitation names its invitee). */
const EMAIL_IN_JSON = /[^\s"@\\]+@[^\s"@\\]+/g;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The audit trail without the person: a pseudonym for their id (as actor or subject), their e-mail
 * address cut out of details. One pass over the trail (it has no index by person, and needs none elsewhere).
 */
async function pseudonymise(trx: Trx, person: { id: string; email: string }, org: string | null) {
  const pseudonym = `erased:${randomUUID()}`;
  const address = JSON.stringify(person.email).slice(1, -1);
  const mentions = likePattern(address);
  // Within one organisation: its events, and sign-ins to it (recorded before there is a session).
  const scope = org === null ? sql`1 = 1` : sql`(actor_org_id = ${org} or (actor_org_id is null and detail like ${likePattern(`"organisationId":"${org}"`)} escape '\\'))`;
  await sql`update audit_event set
      actor_person_id = case when actor_person_id = ${person.id} then ${pseudonym} else actor_person_id end,
      subject_id = case when subject_type = 'person' and subject_id = ${person.id} then ${pseudonym} else subject_id end,
      detail = case when detail like ${mentions} escape '\\' then replace(detail, ${address}, '[erased]') else detail end
    where (actor_person_id = ${person.id} or (subject_type = 'person' and subject_id = ${person.id}) or detail like ${mentions} escape '\\') and ${scope}`.execute(trx);
  return pseudonym;
}

/** Null the "who" of every record naming the person (of one organisation, or everywhere). */
async function forgetReferences(trx: Trx, personId: string, org: string | null) {
  for (const ref of PERSON_REFERENCES) {
    const scope = org === null ? sql`1 = 1` : ref.ofOrganisation(org);
    await sql`update ${sql.table(ref.table)} set ${sql.ref(ref.column)} = null where ${sql.ref(ref.column)} = ${personId} and ${scope}`.execute(trx);
  }
}

/** The ledger of erasures (ids only), so a restored backup can have them repeated (reapplyErasures). */
async function ledger(trx: Trx, kind: "person" | "membership" | "organisation", personId: string | null, organisationId: string | null, record: boolean) {
  if (!record) return;
  await trx.insertInto("erasure").values({ id: randomUUID(), kind, person_id: personId, organisation_id: organisationId, at: new Date().toISOString() }).execute();
}

/** The person gone entirely: references nulled, trail pseudonymised, the row and everything cascading from it deleted. */
async function erasePersonEverywhere(trx: Trx, person: { id: string; email: string }, record = true) {
  await ledger(trx, "person", person.id, null, record);
  await forgetReferences(trx, person.id, null);
  await pseudonymise(trx, person, null);
  // Invitations to the address that no account holds yet, and demo mail to it.
  await trx.deleteFrom("token").where("email", "=", person.email).execute();
  await trx.deleteFrom("outbox_message").where("recipient", "=", person.email).execute();
  await trx.deleteFrom("person").where("id", "=", person.id).execute();
}

/** The person removed from one organisation and its records; erased entirely when it was their only one. */
async function erasePersonFrom(trx: Trx, person: { id: string; email: string }, org: string, record = true): Promise<"everywhere" | "organisation"> {
  const others = await trx.selectFrom("membership").select("organisation_id").where("person_id", "=", person.id).where("organisation_id", "!=", org).execute();
  if (others.length === 0) {
    await erasePersonEverywhere(trx, person, record);
    return "everywhere";
  }
  await ledger(trx, "membership", person.id, org, record);
  await forgetReferences(trx, person.id, org);
  await pseudonymise(trx, person, org);
  await trx.deleteFrom("membership").where("person_id", "=", person.id).where("organisation_id", "=", org).execute();
  await trx.deleteFrom("session").where("person_id", "=", person.id).where("organisation_id", "=", org).execute();
  return "organisation";
}

/* ------------------------------------------------------------------------------------------------
 * Confirming who asks
 * ---------------------------------------------------------------------------------------------- */

export type PasswordCheck = "ok" | "wrong" | "missing" | "too-many";

/**
 * The viewer's current password, for a step that cannot be undone: a fresh proof of who asks, whatever
 * the session's age (ASVS V7: re-authentication before a sensitive change). Each try goes through the
 * sign-in throttle (counted before it is checked, per account and address), so this form is no way
 * around it.
 */
export async function confirmPassword(viewer: Viewer, password: string, address: string): Promise<PasswordCheck> {
  if (password.length === 0) return "missing";
  const db = await getDb();
  const row = await db.selectFrom("person").select("password_hash").where("id", "=", viewer.personId).executeTakeFirst();
  const checked = await guardedCheck(viewer.email, address, () => verifyPassword(row?.password_hash ?? null, password));
  if (checked.ok) return "ok";
  return checked.retryAfterSeconds > 0 ? "too-many" : "wrong";
}

/* ------------------------------------------------------------------------------------------------
 * A person
 * ---------------------------------------------------------------------------------------------- */

export interface ErasureBlocker {
  organisationId: string;
  organisationName: string;
  /** The last beheerder of an organisation with other members, or its only member. */
  reason: "last-beheerder" | "only-member";
}

/**
 * Why a person cannot erase themselves now: every organisation they are the last beheerder of (it would
 * be left without anyone to manage it; with no other member, closing it is the way).
 */
export async function selfErasureBlockers(personId: string, trx?: Trx): Promise<ErasureBlocker[]> {
  const db: Kysely<Database> | Trx = trx ?? (await getDb());
  const rows = await db
    .selectFrom("membership as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select((eb) => [
      "o.id",
      "o.name",
      eb.selectFrom("membership as b").select((b) => b.fn.countAll<number>().as("n")).whereRef("b.organisation_id", "=", "o.id").where("b.role", "=", "beheerder").as("beheerders"),
      eb.selectFrom("membership as a").select((a) => a.fn.countAll<number>().as("n")).whereRef("a.organisation_id", "=", "o.id").as("members"),
    ])
    .where("m.person_id", "=", personId)
    .where("m.role", "=", "beheerder")
    .orderBy("o.name")
    .execute();
  return rows
    .filter((r) => Number(r.beheerders) <= 1)
    .map((r) => ({ organisationId: r.id, organisationName: r.name, reason: Number(r.members) <= 1 ? "only-member" : "last-beheerder" }));
}

/** The organisations a person belongs to, for the confirmation page. */
export async function listOwnMemberships(personId: string) {
  const db = await getDb();
  return db
    .selectFrom("membership as m")
    .innerJoin("organisation as o", "o.id", "m.organisation_id")
    .select(["o.id", "o.name", "o.kind", "m.role"])
    .where("m.person_id", "=", personId)
    .orderBy("o.name")
    .execute();
}

export type SelfErasureResult = { ok: true } | { ok: false; blockers: ErasureBlocker[] };

/** A person erases themselves from everywhere; refused while an organisation would be left without a beheerder. */
export async function eraseSelf(viewer: Viewer): Promise<SelfErasureResult> {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    // Checked inside the erasing transaction, so a role change at the same moment cannot slip between.
    const blockers = await selfErasureBlockers(viewer.personId, trx);
    if (blockers.length > 0) return { ok: false, blockers } as const;
    const person = await trx.selectFrom("person").select(["id", "email"]).where("id", "=", viewer.personId).executeTakeFirst();
    if (!person) return { ok: true } as const;
    await recordEvent(trx, { viewer, action: "person.erased", subjectType: "person", subjectId: person.id, detail: { by: "self", scope: "everywhere" } });
    await erasePersonEverywhere(trx, person);
    return { ok: true } as const;
  });
}

export interface MemberToErase {
  personId: string;
  name: string;
  email: string;
  role: string;
  /** Whether the person belongs to another organisation too (then only this one's part is erased). */
  elsewhere: boolean;
}

/** A member of the viewer's organisation, for the beheerder's confirmation page; undefined when not a member (a 404). */
export async function getMemberToErase(viewer: Viewer, personId: string): Promise<MemberToErase | undefined> {
  const db = await getDb();
  const row = await db
    .selectFrom("membership as m")
    .innerJoin("person as p", "p.id", "m.person_id")
    .select((eb) => [
      "p.id",
      "p.name",
      "p.email",
      "m.role",
      eb.selectFrom("membership as o").select((o) => o.fn.countAll<number>().as("n")).whereRef("o.person_id", "=", "p.id").where("o.organisation_id", "!=", viewer.organisationId).as("elsewhere"),
    ])
    .where("m.organisation_id", "=", viewer.organisationId)
    .where("m.person_id", "=", personId)
    .executeTakeFirst();
  return row && { personId: row.id, name: row.name, email: row.email, role: row.role, elsewhere: Number(row.elsewhere) > 0 };
}

export type MemberErasureResult = { ok: true; scope: "everywhere" | "organisation" } | { ok: false; reason: "not-found" | "self" };

/** A beheerder erases a member of the organisation (never themselves: that is /account/erase). */
export async function eraseMember(viewer: Viewer, personId: string): Promise<MemberErasureResult> {
  if (viewer.role !== "beheerder") throw new Response("Forbidden", { status: 403 });
  if (personId === viewer.personId) return { ok: false, reason: "self" };
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("membership as m")
      .innerJoin("person as p", "p.id", "m.person_id")
      .select(["p.id", "p.email"])
      .where("m.organisation_id", "=", viewer.organisationId)
      .where("m.person_id", "=", personId)
      .executeTakeFirst();
    if (!person) return { ok: false, reason: "not-found" } as const;
    const elsewhere = await trx.selectFrom("membership").select("organisation_id").where("person_id", "=", personId).where("organisation_id", "!=", viewer.organisationId).executeTakeFirst();
    await recordEvent(trx, { viewer, action: "person.erased", subjectType: "person", subjectId: person.id, detail: { by: "beheerder", scope: elsewhere ? "organisation" : "everywhere" } });
    const scope = await erasePersonFrom(trx, person, viewer.organisationId);
    return { ok: true, scope } as const;
  });
}

/* ------------------------------------------------------------------------------------------------
 * An organisation
 * ---------------------------------------------------------------------------------------------- */

export interface ClosingSummary {
  members: number;
  assessments: number;
  liveShares: number;
  openRequests: number;
  notes: number;
  imports: number;
}

/** What closing would touch, shown on the confirmation page. */
export async function closingSummary(viewer: Viewer): Promise<ClosingSummary> {
  const db = await getDb();
  const org = viewer.organisationId;
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const [members, assessments, liveShares, openRequests, notes, imports] = await Promise.all([
    count(db.selectFrom("membership").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", org).executeTakeFirst()),
    count(db.selectFrom("assessment").select((eb) => eb.fn.countAll<number>().as("n")).where("author_org_id", "=", org).executeTakeFirst()),
    count(
      db
        .selectFrom("share as s")
        .innerJoin("assessment as a", "a.id", "s.assessment_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("s.revoked_at", "is", null)
        .where((eb) => eb.or([eb("a.author_org_id", "=", org), eb("s.organisation_id", "=", org)]))
        .executeTakeFirst(),
    ),
    count(
      db
        .selectFrom("assessment_request as r")
        .innerJoin("practice as p", "p.id", "r.practice_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("r.status", "=", "open")
        .where((eb) => eb.or([eb("r.requester_org_id", "=", org), eb("p.organisation_id", "=", org)]))
        .executeTakeFirst(),
    ),
    count(db.selectFrom("conversation_note").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", org).executeTakeFirst()),
    count(db.selectFrom("facts_import").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", org).where("kind", "=", "practices").executeTakeFirst()),
  ]);
  return { members, assessments, liveShares, openRequests, notes, imports };
}

export interface ClosedOrganisation {
  sharesRevoked: number;
  requestsClosed: number;
  assessmentsDeleted: number;
  notesDeleted: number;
  importsDeleted: number;
  peopleErased: number;
  membershipsEnded: number;
}

/** The confirmation the closing form asks for: the organisation's name, typed (spaces and case forgiven). */
export const sameName = (typed: string, name: string) => {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("nl");
  return norm(typed) === norm(name);
};

/**
 * Closes the viewer's organisation, in one transaction (see the top of this file for what that means).
 * Returns null when it was closed already (a second click). The caller ends the viewer's session cookie.
 */
export async function closeOrganisation(viewer: Viewer): Promise<ClosedOrganisation | null> {
  if (viewer.role !== "beheerder") throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom("organisation").select("closed_at").where("id", "=", viewer.organisationId).executeTakeFirst();
    if (!organisation || organisation.closed_at) return null;
    // The role as it is now, inside the transaction (not as the session found it a moment ago).
    const member = await trx.selectFrom("membership").select("role").where("person_id", "=", viewer.personId).where("organisation_id", "=", viewer.organisationId).executeTakeFirst();
    if (member?.role !== "beheerder") throw new Response("Forbidden", { status: 403 });
    return closeIn(trx, viewer.organisationId, viewer);
  });
}

/** Closing, by a beheerder (`actor`), or by a restore repeating it (null, and the ledger has it already). */
async function closeIn(trx: Trx, org: string, actor: Viewer | null, record = true): Promise<ClosedOrganisation | null> {
  const organisation = await trx.selectFrom("organisation").select(["id", "closed_at"]).where("id", "=", org).executeTakeFirst();
  if (!organisation || organisation.closed_at) return null;
  const now = new Date().toISOString();
  // The organisation's own events keep naming it as the actor, whoever closed it. Written in batches:
  // an insurer that closes may hold hundreds of grants.
  type Event = { action: string; subjectType: string; subjectId: string; assessmentId?: string | null; detail?: unknown };
  const events = async (list: Event[]) => {
    for (let i = 0; i < list.length; i += 200) {
      await trx
        .insertInto("audit_event")
        .values(
          list.slice(i, i + 200).map((e) => ({
            id: randomUUID(),
            at: now,
            actor_person_id: actor?.personId ?? null,
            actor_org_id: org,
            action: e.action,
            subject_type: e.subjectType,
            subject_id: e.subjectId,
            assessment_id: e.assessmentId ?? null,
            detail: e.detail === undefined ? null : JSON.stringify(e.detail),
          })),
        )
        .execute();
    }
  };
  await ledger(trx, "organisation", null, org, record);

  const own = await trx.selectFrom("assessment").select(["id", "practice_id", "perspective"]).where("author_org_id", "=", org).execute();
  const ownIds = own.map((a) => a.id);

  // Portfolios that show one of its assessments now: the grantees', and a keten's for its members' self-assessments.
  const refresh = new Map<string, { owner: { id: string; kind: OrganisationKind }; practices: Set<string> }>();
  const needsRefresh = (id: string, kind: OrganisationKind, practiceId: string) => {
    if (id === org) return;
    const entry = refresh.get(id) ?? { owner: { id, kind }, practices: new Set<string>() };
    entry.practices.add(practiceId);
    refresh.set(id, entry);
  };

  // 1. Every live grant of its assessments, and every live grant to it, revoked now.
  const live = await trx
    .selectFrom("share as s")
    .innerJoin("assessment as a", "a.id", "s.assessment_id")
    .innerJoin("organisation as o", "o.id", "s.organisation_id")
    .select(["s.id", "s.assessment_id", "s.organisation_id", "o.kind", "a.practice_id", "a.author_org_id"])
    .where("s.revoked_at", "is", null)
    .where((eb) => eb.or([eb("a.author_org_id", "=", org), eb("s.organisation_id", "=", org)]))
    .execute();
  for (let i = 0; i < live.length; i += 500) {
    await trx.updateTable("share").set({ revoked_at: now, revoked_by: null }).where("id", "in", live.slice(i, i + 500).map((x) => x.id)).execute();
  }
  await events(live.map((x) => ({ action: "assessment.revoked", subjectType: "share", subjectId: x.id, assessmentId: x.assessment_id, detail: { reason: "organisation-closed", organisationId: x.organisation_id } })));
  for (const share of live) needsRefresh(share.organisation_id, share.kind, share.practice_id);

  // 2. Open requests, sent and received, closed (declined, by nobody).
  const open = await trx
    .selectFrom("assessment_request as r")
    .innerJoin("practice as p", "p.id", "r.practice_id")
    .select("r.id")
    .where("r.status", "=", "open")
    .where((eb) => eb.or([eb("r.requester_org_id", "=", org), eb("p.organisation_id", "=", org)]))
    .execute();
  for (let i = 0; i < open.length; i += 500) {
    await trx.updateTable("assessment_request").set({ status: "declined", decided_at: now, decided_by: null }).where("id", "in", open.slice(i, i + 500).map((x) => x.id)).execute();
  }
  await events(open.map((x) => ({ action: "request.closed", subjectType: "assessment_request", subjectId: x.id, detail: { reason: "organisation-closed" } })));

  // 3. What it wrote goes. The audit trail keeps its events, without the answers' and texts' values.
  const ketens = await trx
    .selectFrom("assessment as a")
    .innerJoin("practice as p", "p.id", "a.practice_id")
    .select(["p.keten_id", "a.practice_id"])
    .where("a.author_org_id", "=", org)
    .where("a.perspective", "=", "zelfevaluatie")
    .where("p.keten_id", "is not", null)
    .execute();
  for (const k of ketens) if (k.keten_id) needsRefresh(k.keten_id, "keten", k.practice_id);
  for (let i = 0; i < ownIds.length; i += 500) {
    const ids = ownIds.slice(i, i + 500);
    await trx.updateTable("audit_event").set({ detail: null }).where("assessment_id", "in", ids).where("action", "in", CONTENT_ACTIONS).execute();
    // A request that led to a share of these versions keeps its decision, not the share that goes with them.
    await trx.updateTable("assessment_request").set({ share_id: null }).where("share_id", "in", (eb) => eb.selectFrom("share").select("id").where("assessment_id", "in", ids)).execute();
    await trx.updateTable("assessment").set({ previous_id: null }).where("id", "in", ids).execute();
  }
  for (let i = 0; i < ownIds.length; i += 500) await trx.deleteFrom("assessment").where("id", "in", ownIds.slice(i, i + 500)).execute();

  const notes = await trx.deleteFrom("conversation_note").where("organisation_id", "=", org).executeTakeFirst();
  const importedPractices = (await trx.selectFrom("imported_facts").select("practice_id").where("organisation_id", "=", org).execute()).map((r) => r.practice_id);
  await trx.deleteFrom("imported_facts").where("organisation_id", "=", org).execute();
  await trx.deleteFrom("portfolio_entry").where("organisation_id", "=", org).execute();
  // Practice uploads are its own; region uploads stay as the source of the national matrix figures they brought in.
  const imports = await trx.deleteFrom("facts_import").where("organisation_id", "=", org).where("kind", "=", "practices").executeTakeFirst();
  await trx.updateTable("facts_import").set({ status: "discarded", preview: null, decided_at: now }).where("organisation_id", "=", org).where("status", "=", "preview").execute();
  await trx.deleteFrom("token").where("organisation_id", "=", org).execute();

  // 4. Its people: erased, or removed from it when they belong to another organisation too.
  const members = await trx
    .selectFrom("membership as m")
    .innerJoin("person as p", "p.id", "m.person_id")
    .select(["p.id", "p.email"])
    .where("m.organisation_id", "=", org)
    .execute();
  const ownPractices = (await trx.selectFrom("practice").select("id").where("organisation_id", "=", org).execute()).map((p) => p.id);
  await events([
    {
      action: "organisation.closed",
      subjectType: "organisation",
      subjectId: org,
      detail: {
        sharesRevoked: live.length,
        requestsClosed: open.length,
        assessmentsDeleted: own.length,
        notesDeleted: Number(notes.numDeletedRows),
        importsDeleted: Number(imports.numDeletedRows),
        members: members.length,
      },
    },
  ]);
  let peopleErased = 0;
  for (const person of members) {
    if ((await erasePersonFrom(trx, person, org, record)) === "everywhere") peopleErased++;
  }
  // Addresses of people who never joined (its invitations' invitees) are cut out of its events too.
  const addressed = await trx.selectFrom("audit_event").select(["id", "detail"]).where("actor_org_id", "=", org).where("detail", "like", "%@%").execute();
  for (const row of addressed) {
    const scrubbed = row.detail?.replace(EMAIL_IN_JSON, "[erased]") ?? null;
    if (scrubbed !== row.detail) await trx.updateTable("audit_event").set({ detail: scrubbed }).where("id", "=", row.id).execute();
  }

  // 5. Its practices no longer speak for themselves; a practice nobody refers to any more leaves the register.
  await trx.updateTable("practice").set({ organisation_id: null, updated_at: now }).where("organisation_id", "=", org).execute();
  const candidates = [...new Set([...ownPractices, ...importedPractices])];
  for (let i = 0; i < candidates.length; i += 500) {
    await trx
      .deleteFrom("practice")
      .where("id", "in", candidates.slice(i, i + 500))
      .where("organisation_id", "is", null)
      // Uncorrelated lists, each read once per statement (imported_facts has no index by practice alone).
      .where("id", "not in", (eb) => eb.selectFrom("assessment").select("practice_id"))
      .where("id", "not in", (eb) => eb.selectFrom("imported_facts").select("practice_id"))
      .where("id", "not in", (eb) => eb.selectFrom("assessment_request").select("practice_id"))
      .where("id", "not in", (eb) => eb.selectFrom("portfolio_entry").select("practice_id"))
      .where("id", "not in", (eb) => eb.selectFrom("conversation_note").select("subject_key").where("subject_type", "=", "practice"))
      .execute();
  }

  for (const { owner, practices } of refresh.values()) await refreshPortfolio(trx, owner, [...practices]);
  await trx.updateTable("organisation").set({ closed_at: now }).where("id", "=", org).execute();

  return {
    sharesRevoked: live.length,
    requestsClosed: open.length,
    assessmentsDeleted: own.length,
    notesDeleted: Number(notes.numDeletedRows),
    importsDeleted: Number(imports.numDeletedRows),
    peopleErased,
    membershipsEnded: members.length,
  };
}

export interface ErasureEntry {
  id: string;
  kind: "person" | "membership" | "organisation";
  person_id: string | null;
  organisation_id: string | null;
  at: string;
}

/**
 * After a restore: the erasures the replaced database knew (its ledger) repeated on the restored one,
 * oldest first. What is already gone is skipped; every entry joins the restored ledger. Returns how many
 * had something left to erase.
 */
export async function reapplyErasures(entries: readonly ErasureEntry[]): Promise<number> {
  const db = await getDb();
  let applied = 0;
  for (const entry of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    await db.transaction().execute(async (trx) => {
      const known = await trx.selectFrom("erasure").select("id").where("id", "=", entry.id).executeTakeFirst();
      if (entry.kind === "organisation" && entry.organisation_id) {
        if (await closeIn(trx, entry.organisation_id, null, false)) applied++;
      } else if (entry.person_id) {
        const person = await trx.selectFrom("person").select(["id", "email"]).where("id", "=", entry.person_id).executeTakeFirst();
        const inOrg =
          entry.kind === "membership" && entry.organisation_id
            ? await trx.selectFrom("membership").select("person_id").where("person_id", "=", entry.person_id).where("organisation_id", "=", entry.organisation_id).executeTakeFirst()
            : undefined;
        if (person && entry.kind === "person") {
          await erasePersonEverywhere(trx, person, false);
          applied++;
        } else if (person && inOrg && entry.organisation_id) {
          await erasePersonFrom(trx, person, entry.organisation_id, false);
          applied++;
        }
      }
      // The original entry, with its own time: a restore of an even older backup repeats it too.
      if (!known) await trx.insertInto("erasure").values(entry).execute();
    });
  }
  return applied;
}
