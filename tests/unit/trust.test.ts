/**
 * Trust first (issue 11), on a real migrated SQLite with mail through the local SMTP server: the
 * migration that merges duplicate AGB codes, sign-up with identifiers and claims, the platform
 * beheerder's decisions (verify, refuse, withdraw, with claims), what an unverified organisation may
 * not do (share, request, look up, read shared work), requests limited, and the platform's audit trail.
 */
import { Migrator, sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb, openDatabase } from "../../db/index.server";
import { migrations } from "../../db/migrations";
import type { Database } from "../../db/schema";
import { signUp } from "~/models/account.server";
import { getAssessment } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { createPlatformAdmin, decideVerification, getOrganisationForPlatform, listOrganisations, listPlatformAudit, requestVerificationAgain } from "~/models/platform.server";
import { hasPortfolio } from "~/models/portfolio.server";
import { createRequest, findPracticeByAgb, grantShare, listShareTargets, REQUEST_MESSAGE_MAX, REQUESTS_PER_DAY, SharingError, submitAssessment } from "~/models/sharing.server";
import type { PlatformViewer, Viewer } from "~/models/viewer.server";
import { stopLocalSmtp } from "~/utils/local-smtp.server";
import { makeOrganisation, makePlatformAdmin, makePractice, makeViewer, randomAgb } from "../factories";

let db: Kysely<Database>;
let admin: PlatformViewer;
const PASSWORD = "Blauwe fiets onder de linde";

beforeAll(async () => {
  db = await getDb();
  admin = await makePlatformAdmin(db);
});
afterAll(async () => {
  await stopLocalSmtp();
});

const signUpInput = (over: Partial<Parameters<typeof signUp>[0]>): Parameters<typeof signUp>[0] => ({
  organisationName: "Praktijk Test",
  kind: "praktijk",
  agb: randomAgb(),
  kvk: null,
  uzovi: null,
  name: "Test Persoon",
  email: `p-${Math.random().toString(36).slice(2)}@example.com`,
  password: PASSWORD,
  ...over,
});

async function viewerOf(personId: string, organisationId: string): Promise<Viewer> {
  const { selectViewer } = await import("~/models/viewer.server");
  return selectViewer(db).where("person.id", "=", personId).where("organisation.id", "=", organisationId).executeTakeFirstOrThrow();
}

async function signedUp(over: Partial<Parameters<typeof signUp>[0]>) {
  const result = await signUp(signUpInput(over));
  if (!result.ok) throw new Error(`sign-up refused: ${result.reason}`);
  return { ...result, viewer: await viewerOf(result.personId, result.organisationId) };
}

const lastMailTo = (email: string) => db.selectFrom("outbox_message").selectAll().where("recipient", "=", email).orderBy("received_at", "desc").executeTakeFirst();

describe("the AGB migration", () => {
  test("duplicates are merged into the row with an account, foreign keys follow, two accounts become a claim; then the AGB is unique", async () => {
    const old = openDatabase(":memory:");
    const migrator = new Migrator({ db: old, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo("2026-12-01-07-regional-matrix");
    expect(before.error).toBeUndefined();
    const now = new Date().toISOString();
    const org = (id: string, kind = "praktijk") => sql`insert into organisation (id, kind, name, created_at) values (${id}, ${kind}, ${id}, ${now})`.execute(old);
    for (const id of ["org-a", "org-b"]) await org(id);
    await org("insurer", "zorgverzekeraar");
    const practice = (id: string, organisationId: string | null, agb: string, at: string, region: string | null = null) =>
      sql`insert into practice (id, organisation_id, keten_id, region_id, agb, name, postcode, created_at, updated_at)
          values (${id}, ${organisationId}, null, ${region}, ${agb}, ${id}, null, ${at}, ${at})`.execute(old);
    await sql`insert into region (id, code, name) values ('r1', 'R-1', 'Regio')`.execute(old);
    // 11111111: one with an account, two from imports (one older than the account's row, one with a region).
    await practice("import-old", null, "11111111", "2026-01-01T00:00:00Z");
    await practice("account", "org-a", "11111111", "2026-02-01T00:00:00Z");
    await practice("import-new", null, "11111111", "2026-03-01T00:00:00Z", "r1");
    // 22222222: two accounts.
    await practice("a-first", "org-a", "22222222", "2026-01-01T00:00:00Z");
    await practice("b-second", "org-b", "22222222", "2026-02-01T00:00:00Z");
    await sql`insert into assessment (id, practice_id, author_org_id, perspective, content_version, status, version_no, created_at, updated_at)
        values ('as-1', 'import-old', 'insurer', 'beoordeling', 1, 'concept', 1, ${now}, ${now})`.execute(old);
    await sql`insert into assessment_request (id, practice_id, requester_org_id, status, created_at) values
        ('rq-1', 'import-new', 'insurer', 'open', '2026-04-01T00:00:00Z'), ('rq-2', 'account', 'insurer', 'open', '2026-05-01T00:00:00Z')`.execute(old);
    await sql`insert into facts_import (id, organisation_id, status, file_name, source, source_date, row_count, error_count, created_at, kind)
        values ('imp-1', 'insurer', 'confirmed', 'f.csv', 's', '2026-01-01', 2, 0, ${now}, 'practices')`.execute(old);
    await sql`insert into imported_facts (id, organisation_id, practice_id, import_id, row_number, name, facts, imported_at) values
        ('if-old', 'insurer', 'import-old', 'imp-1', 2, 'x', '{}', '2026-01-01T00:00:00Z'),
        ('if-new', 'insurer', 'import-new', 'imp-1', 3, 'x', '{}', '2026-03-01T00:00:00Z')`.execute(old);
    await sql`insert into conversation_note (id, organisation_id, subject_type, subject_key, kind, text, on_date, created_at)
        values ('n-1', 'insurer', 'practice', 'import-new', 'note', 'notitie', '2026-01-01', ${now})`.execute(old);
    await sql`insert into portfolio_entry (organisation_id, practice_id, source, source_id, at, has_self, has_own, has_import, differs)
        values ('insurer', 'import-old', 'import', 'if-old', ${now}, 0, 0, 1, 0)`.execute(old);

    const after = await new Migrator({ db: old, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect(after.error).toBeUndefined();

    const rows = await old.selectFrom("practice").select(["id", "organisation_id", "agb", "region_id"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "a-first", organisation_id: "org-a", agb: "22222222", region_id: null },
      { id: "account", organisation_id: "org-a", agb: "11111111", region_id: "r1" },
      { id: "b-second", organisation_id: "org-b", agb: null, region_id: null },
    ]);
    expect(await old.selectFrom("assessment").select("practice_id").execute()).toEqual([{ practice_id: "account" }]);
    // One open request per requester and practice: the newer of the two merged ones stays open.
    expect(await old.selectFrom("assessment_request").select(["id", "practice_id", "status"]).orderBy("id").execute()).toEqual([
      { id: "rq-1", practice_id: "account", status: "declined" },
      { id: "rq-2", practice_id: "account", status: "open" },
    ]);
    expect(await old.selectFrom("imported_facts").select(["id", "practice_id"]).execute()).toEqual([{ id: "if-new", practice_id: "account" }]);
    expect(await old.selectFrom("conversation_note").select("subject_key").execute()).toEqual([{ subject_key: "account" }]);
    // Stored portfolio rows are gone, for the start-up to rebuild from the merged practices.
    expect(await old.selectFrom("portfolio_entry").select("practice_id").execute()).toEqual([]);
    expect(await old.selectFrom("practice_claim").select(["practice_id", "organisation_id", "status"]).execute()).toEqual([{ practice_id: "a-first", organisation_id: "org-b", status: "open" }]);
    const events = await old.selectFrom("audit_event").select("action").orderBy("action").execute();
    expect(events.map((e) => e.action)).toEqual(["practice.agb-conflict", "practice.merged", "practice.merged"]);
    // Every organisation that existed is unverified now.
    expect(new Set((await old.selectFrom("organisation").select("verification").execute()).map((o) => o.verification))).toEqual(new Set(["pending"]));
    // And the index holds: a second practice with a taken AGB is refused by the database itself.
    await expect(sql`insert into practice (id, agb, name, created_at, updated_at) values ('dup', '22222222', 'x', ${now}, ${now})`.execute(old)).rejects.toThrow(/UNIQUE/);
    await old.destroy();
  });
});

describe("sign-up with identifiers", () => {
  test("an AGB the register knows without an account is a claim: no second practice, nothing of it given yet", async () => {
    const known = await makePractice(db, { organisation_id: null });
    const { organisationId } = await signedUp({ agb: known.agb });
    expect(await db.selectFrom("practice").select("id").where("agb", "=", known.agb).execute()).toEqual([{ id: known.id }]);
    expect(await db.selectFrom("practice").select("id").where("organisation_id", "=", organisationId).execute()).toEqual([]);
    expect(await db.selectFrom("practice_claim").select(["practice_id", "status"]).where("organisation_id", "=", organisationId).execute()).toEqual([
      { practice_id: known.id, status: "open" },
    ]);
  });

  test("an AGB of a verified practice is refused; of an unverified one it is a claim the platform decides", async () => {
    const verifiedOrg = await makeOrganisation(db, { kind: "praktijk" });
    const held = await makePractice(db, { organisation_id: verifiedOrg.id });
    const before = (await db.selectFrom("organisation").select("id").execute()).length;
    expect(await signUp(signUpInput({ agb: held.agb }))).toEqual({ ok: false, reason: "agb-verified" });
    expect((await db.selectFrom("organisation").select("id").execute()).length).toBe(before);

    const squatter = await makeOrganisation(db, { kind: "praktijk", verification: "pending" });
    const squatted = await makePractice(db, { organisation_id: squatter.id });
    const real = await signedUp({ agb: squatted.agb });
    expect(real.claim).toBe(true);
  });

  test("the identifiers are stored as strings on the organisation; the organisation waits for verification", async () => {
    const { organisationId } = await signedUp({ kind: "zorgverzekeraar", agb: null, kvk: "01234567", uzovi: "0301" });
    expect(await db.selectFrom("organisation").select(["kvk", "uzovi", "verification"]).where("id", "=", organisationId).executeTakeFirst()).toEqual({
      kvk: "01234567",
      uzovi: "0301",
      verification: "pending",
    });
  });
});

describe("the platform beheerder decides", () => {
  test("verifying approves the claim: the practice is the organisation's; it is mailed, audited and in the history", async () => {
    const known = await makePractice(db, { organisation_id: null });
    const claimant = await signedUp({ agb: known.agb, email: "claimant@example.com", organisationName: "Praktijk Claim" });
    expect((await listOrganisations({ status: "pending", q: known.agb! })).rows.map((r) => r.id)).toEqual([claimant.organisationId]);
    expect(await decideVerification({ admin, organisationId: claimant.organisationId, decision: "verified", checked: ["agb", "kvk"], note: "AGB in Vektis", approveClaim: true, lng: "nl" })).toEqual({ ok: true });
    expect(await db.selectFrom("practice").select("organisation_id").where("id", "=", known.id).executeTakeFirst()).toEqual({ organisation_id: claimant.organisationId });
    const org = (await getOrganisationForPlatform(claimant.organisationId))!;
    expect(org).toMatchObject({ verification: "verified", verified_by: admin.personId, basis: { checked: ["agb", "kvk"], note: "AGB in Vektis" } });
    expect(org.claims.map((c) => c.status)).toEqual(["approved"]);
    expect(org.history.map((h) => h.decision)).toEqual(["verified", "requested"]);
    expect((await lastMailTo("claimant@example.com"))?.subject).toBe("Praktijk Claim is geverifieerd in Kernwaardenscan");
    const audit = await listPlatformAudit();
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(["organisation.verified", "claim.approved"]));
    // A decision that does not fit the status is refused.
    expect(await decideVerification({ admin, organisationId: claimant.organisationId, decision: "refused", checked: [], note: "x", approveClaim: false, lng: "nl" })).toEqual({ ok: false, reason: "state" });
  });

  test("a claim on a verified organisation's practice cannot be approved", async () => {
    const squatter = await makeOrganisation(db, { kind: "praktijk", verification: "pending" });
    const squatted = await makePractice(db, { organisation_id: squatter.id });
    const claimant = await signedUp({ agb: squatted.agb });
    await db.updateTable("organisation").set({ verification: "verified" }).where("id", "=", squatter.id).execute();
    expect(await decideVerification({ admin, organisationId: claimant.organisationId, decision: "verified", checked: ["agb"], note: "x", approveClaim: true, lng: "nl" })).toEqual({ ok: false, reason: "claim-held" });
    expect((await getOrganisationForPlatform(claimant.organisationId))!.verification).toBe("pending");
  });

  test("withdrawal takes effect at once: a live share and a keten's members are no longer read; asking again returns it to the queue", async () => {
    const practiceOrg = await makeOrganisation(db, { kind: "praktijk" });
    const author = await makeViewer(db, { organisation: practiceOrg, role: "beheerder" });
    const practice = await makePractice(db, { organisation_id: practiceOrg.id });
    const insurerOrg = await makeOrganisation(db, { kind: "zorgverzekeraar" });
    const insurer = await makeViewer(db, { organisation: insurerOrg, role: "beheerder" });
    const id = (await startSelfAssessment({ practiceId: practice.id, viewer: author }))!;
    await submitAssessment((await getAssessment({ id, viewerOrgId: practiceOrg.id }))!, author);
    await grantShare((await getAssessment({ id, viewerOrgId: practiceOrg.id }))!, author, insurerOrg.id);
    expect((await getAssessment({ id, viewerOrgId: insurerOrg.id }))?.access).toBe("shared");

    expect(await decideVerification({ admin, organisationId: insurerOrg.id, decision: "withdrawn", checked: [], note: "Geen verzekeraar", approveClaim: false, lng: "nl" })).toEqual({ ok: true });
    expect(await getAssessment({ id, viewerOrgId: insurerOrg.id })).toBeUndefined();
    const withdrawn = { ...insurer, verification: "withdrawn" as const };
    expect(hasPortfolio(withdrawn)).toBe(false);
    expect(await requestVerificationAgain(withdrawn, { kvk: "12345678", uzovi: "1234", note: "KvK verbeterd" })).toBe(true);
    expect((await getOrganisationForPlatform(insurerOrg.id))!).toMatchObject({ verification: "pending", kvk: "12345678", uzovi: "1234" });
    // Only once: a pending organisation has nothing to ask again.
    expect(await requestVerificationAgain(withdrawn, { kvk: null, uzovi: null, note: "nog eens" })).toBe(false);
  });

  test("a platform beheerder is made with a set-password link by mail; an address of someone in an organisation is refused", async () => {
    expect(await createPlatformAdmin({ email: "Beheer@Example.com", name: "Bea Beheer", lng: "nl" })).toEqual({ ok: true, created: true });
    const person = await db.selectFrom("person").select(["id", "platform_admin", "password_hash"]).where("email", "=", "beheer@example.com").executeTakeFirstOrThrow();
    expect(person).toMatchObject({ platform_admin: 1, password_hash: null });
    expect(await db.selectFrom("membership").select("organisation_id").where("person_id", "=", person.id).execute()).toEqual([]);
    const mail = (await lastMailTo("beheer@example.com"))!;
    expect(mail.body).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(mail.body).toContain("24 uur");
    // Again: a new link, the old one used up.
    expect(await createPlatformAdmin({ email: "beheer@example.com", name: "Bea Beheer", lng: "nl" })).toEqual({ ok: true, created: false });
    expect(await db.selectFrom("token").select("token_hash").where("person_id", "=", person.id).where("used_at", "is", null).execute()).toHaveLength(1);
    const member = await makeViewer(db, { email: "lid@example.com" });
    expect(await createPlatformAdmin({ email: member.email, name: "x", lng: "nl" })).toEqual({ ok: false, reason: "member" });
  });
});

describe("unverified organisations act on their own things only", () => {
  test("an unverified practice submits but cannot share; unverified organisations are no share target", async () => {
    const org = await makeOrganisation(db, { kind: "praktijk", verification: "pending" });
    const viewer = await makeViewer(db, { organisation: org, role: "beheerder" });
    const practice = await makePractice(db, { organisation_id: org.id });
    const id = (await startSelfAssessment({ practiceId: practice.id, viewer }))!;
    await submitAssessment((await getAssessment({ id, viewerOrgId: org.id }))!, viewer);
    const target = await makeOrganisation(db, { kind: "toezichthouder" });
    await expect(grantShare((await getAssessment({ id, viewerOrgId: org.id }))!, viewer, target.id)).rejects.toMatchObject({ code: "unverified" });
    const impostor = await makeOrganisation(db, { kind: "toezichthouder", name: "Inspectie Gezondheidszorg en Jeugd", verification: "pending" });
    const targets = (await listShareTargets(viewer)).map((t) => t.id);
    expect(targets).toContain(target.id);
    expect(targets).not.toContain(impostor.id);
  });

  test("an unverified insurer looks nothing up, starts nothing about a practice and sends no request", async () => {
    const insurer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar", verification: "pending" }), role: "beheerder" });
    const practice = await makePractice(db);
    expect(await findPracticeByAgb(insurer, practice.agb!)).toBeUndefined();
    expect(await startExternalAssessment({ practiceId: practice.id, viewer: insurer })).toBeNull();
    await expect(createRequest(insurer, practice.id, null)).rejects.toMatchObject({ code: "unverified" });
    expect(hasPortfolio(insurer)).toBe(false);
  });

  test("an unverified keten neither speaks for nor reads its member practices", async () => {
    const keten = await makeOrganisation(db, { kind: "keten", verification: "pending" });
    const viewer = await makeViewer(db, { organisation: keten, role: "beheerder" });
    const member = await makePractice(db, { organisation_id: null, keten_id: keten.id });
    expect(await startSelfAssessment({ practiceId: member.id, viewer })).toBeNull();
  });
});

describe("requests", () => {
  test("one open request per requester and practice, a daily limit, and an over-long message refused (not cut)", async () => {
    const insurer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }), role: "invuller" });
    const first = await makePractice(db);
    expect(await createRequest(insurer, first.id, "Graag")).toMatchObject({ ok: true });
    expect(await createRequest(insurer, first.id, "Nog eens")).toEqual({ ok: false, reason: "already-open" });
    await expect(createRequest(insurer, (await makePractice(db)).id, "x".repeat(REQUEST_MESSAGE_MAX + 1))).rejects.toBeInstanceOf(SharingError);
    expect(await createRequest(insurer, (await makePractice(db)).id, "x".repeat(REQUEST_MESSAGE_MAX))).toMatchObject({ ok: true });
    for (let i = 2; i < REQUESTS_PER_DAY; i++) expect(await createRequest(insurer, (await makePractice(db)).id, null)).toMatchObject({ ok: true });
    expect(await createRequest(insurer, (await makePractice(db)).id, null)).toEqual({ ok: false, reason: "daily-limit" });
    const sent = await db.selectFrom("assessment_request").select("message").where("requester_org_id", "=", insurer.organisationId).execute();
    expect(sent).toHaveLength(REQUESTS_PER_DAY);
    expect(sent.some((r) => r.message?.length === REQUEST_MESSAGE_MAX)).toBe(true);
  });
});
