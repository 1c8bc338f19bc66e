/**
 * Erasure and closing (issue 10, point 6): a person erased by a beheerder or by themselves, an
 * organisation closed; what goes, what stays with whom, and the audit trail kept without names.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Organisation } from "../../db/schema";
import { recordEvent } from "~/models/audit.server";
import { getAssessment, saveAnswers } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { closeOrganisation, closingSummary, confirmPassword, eraseMember, eraseSelf, PERSON_REFERENCES, reapplyErasures, sameName, selfErasureBlockers } from "~/models/erasure.server";
import { addNote } from "~/models/notes.server";
import { hashPassword } from "~/models/password.server";
import { computePortfolioEntries } from "~/models/portfolio.server";
import { createRequest, grantShare, submitAssessment } from "~/models/sharing.server";
import { saveSignalContext } from "~/models/signal-context.server";
import type { Viewer } from "~/models/viewer.server";
import { makeOrganisation, makePractice, makeViewer } from "../factories";

interface World {
  praktijk: Organisation;
  insurer: Organisation;
  keten: Organisation;
  practiceId: string;
  pb: Viewer; // De praktijk's beheerder
  pi: Viewer; // its invuller, also a lezer of the insurer
  piAtInsurer: Viewer;
  pl: Viewer; // its lezer
  ib: Viewer; // the insurer's beheerder
  kb: Viewer; // the keten's beheerder
  submitted: string;
  concept: string;
  beoordeling: string;
  shareId: string;
  requestId: string;
}

async function answer(viewer: Viewer, assessmentId: string, values: Record<string, unknown>) {
  const assessment = (await getAssessment({ id: assessmentId, viewerOrgId: viewer.organisationId }))!;
  const db = await getDb();
  const entries = [];
  for (const [questionId, value] of Object.entries(values)) {
    const row = await db.selectFrom("answer").select("revision").where("assessment_id", "=", assessmentId).where("question_id", "=", questionId).executeTakeFirst();
    entries.push({ questionId, value: value as never, seenRevision: row?.revision ?? 0 });
  }
  const result = await saveAnswers({ assessment, viewer, entries });
  expect(result.conflicts).toEqual([]);
}

async function session(viewer: Viewer) {
  const db = await getDb();
  const now = new Date();
  await db
    .insertInto("session")
    .values({ id_hash: randomUUID(), person_id: viewer.personId, organisation_id: viewer.organisationId, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + 3_600_000).toISOString() })
    .execute();
}

async function build(): Promise<World> {
  const db = await getDb();
  const tag = randomUUID().slice(0, 6);
  const keten = await makeOrganisation(db, { kind: "keten", name: `Keten ${tag}` });
  const praktijk = await makeOrganisation(db, { kind: "praktijk", name: `Praktijk Wisproef ${tag}` });
  const insurer = await makeOrganisation(db, { kind: "zorgverzekeraar", name: `Verzekeraar ${tag}` });
  const agb = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  const practiceId = (await makePractice(db, { organisation_id: praktijk.id, keten_id: keten.id, agb, name: praktijk.name })).id;
  const pb = await makeViewer(db, { organisation: praktijk, role: "beheerder", email: `pb-${tag}@example.com`, name: `Petra Beheer ${tag}` });
  const pi = await makeViewer(db, { organisation: praktijk, role: "invuller", email: `pi-${tag}@example.com`, name: `Ivo Invul ${tag}` });
  const pl = await makeViewer(db, { organisation: praktijk, role: "lezer", email: `pl-${tag}@example.com`, name: `Lotte Lees ${tag}` });
  const ib = await makeViewer(db, { organisation: insurer, role: "beheerder", email: `ib-${tag}@example.com` });
  const kb = await makeViewer(db, { organisation: keten, role: "beheerder", email: `kb-${tag}@example.com` });
  await db.insertInto("membership").values({ person_id: pi.personId, organisation_id: insurer.id, role: "lezer", created_at: new Date().toISOString() }).execute();
  const piAtInsurer: Viewer = { ...pi, organisationId: insurer.id, organisationKind: "zorgverzekeraar", organisationName: insurer.name, role: "lezer" };

  // Version 1 answered by the invuller, with a context text, submitted and shared with the insurer; version 2 started.
  const submitted = (await startSelfAssessment({ practiceId, viewer: pi }))!;
  await answer(pi, submitted, { regio: `Regio ${tag}`, "ingeschreven-patienten": 5000 });
  await saveSignalContext({ assessment: { id: submitted, status: "concept" }, viewer: pi, signalId: "patients-per-fte", text: `Toelichting ${tag}`, seenRevision: 0 });
  await submitAssessment((await getAssessment({ id: submitted, viewerOrgId: praktijk.id }))!, pi);
  const shareId = await grantShare((await getAssessment({ id: submitted, viewerOrgId: praktijk.id }))!, pb, insurer.id);
  const concept = (await startSelfAssessment({ practiceId, viewer: pi }))!;
  await answer(pi, concept, { regio: `Regio twee ${tag}` });

  // The insurer's own beoordeling (answered by its beheerder), a note about the practice, a request.
  const beoordeling = (await startExternalAssessment({ practiceId, viewer: ib }))!;
  await answer(ib, beoordeling, { regio: `Beoordeling ${tag}` });
  await addNote(ib, { type: "practice", key: practiceId }, { kind: "note", text: `Notitie verzekeraar ${tag}`, onDate: "2026-12-01" });
  const request = await createRequest(ib, practiceId, "Graag de nieuwe versie.");
  if (!request.ok) throw new Error(`the insurer's request was refused: ${request.reason}`);
  const requestId = request.id;

  // Sessions, an invitation to someone outside, a sign-in event and a reset mail, as the app writes them.
  for (const v of [pb, pi, pl, piAtInsurer, ib]) await session(v);
  const now = new Date().toISOString();
  await db
    .insertInto("token")
    .values({ token_hash: randomUUID(), purpose: "invitation", email: `nieuw-${tag}@example.com`, person_id: null, organisation_id: praktijk.id, role: "lezer", created_by: pb.personId, created_at: now, expires_at: new Date(Date.now() + 86_400_000).toISOString(), used_at: null })
    .execute();
  await recordEvent(db, { viewer: pb, action: "invitation.created", subjectType: "organisation", subjectId: praktijk.id, detail: { email: `nieuw-${tag}@example.com`, role: "lezer" } });
  await recordEvent(db, { viewer: null, action: "session.signed-in", subjectType: "person", subjectId: pl.personId, detail: { organisationId: praktijk.id } });
  await db.insertInto("outbox_message").values({ id: randomUUID(), received_at: now, recipient: pl.email, subject: "Wachtwoord", body: `Hallo ${pl.personName}` }).execute();
  return { praktijk, insurer, keten, practiceId, pb, pi, piAtInsurer, pl, ib, kb, submitted, concept, beoordeling, shareId, requestId };
}

let w: World;
beforeEach(async () => {
  w = await build();
});

const countWhere = async (table: "session" | "membership" | "token", column: "person_id" | "email", value: string) => {
  const db = await getDb();
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where(column as never, "=", value as never).executeTakeFirstOrThrow();
  return Number(row.n);
};

async function auditMentions(text: string) {
  const db = await getDb();
  const rows = await db
    .selectFrom("audit_event")
    .select("id")
    .where((eb) => eb.or([eb("actor_person_id", "=", text), eb("subject_id", "=", text), eb("detail", "like", `%${text}%`)]))
    .execute();
  return rows.length;
}

describe("a beheerder erases a member", () => {
  test("a member of this organisation only: the person, sessions and mail are gone, records keep the data without the name", async () => {
    const db = await getDb();
    // The lezer was invited once: the invitation's event names their address.
    await recordEvent(db, { viewer: w.pb, action: "invitation.created", subjectType: "organisation", subjectId: w.praktijk.id, detail: { email: w.pl.email, role: "lezer" } });
    const eventsBefore = await db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(await auditMentions(w.pl.personId)).toBeGreaterThan(0);
    expect(await auditMentions(w.pl.email)).toBe(1);
    expect(await eraseMember(w.pb, w.pl.personId)).toEqual({ ok: true, scope: "everywhere" });
    expect(await db.selectFrom("person").select("id").where("id", "=", w.pl.personId).executeTakeFirst()).toBeUndefined();
    expect(await countWhere("session", "person_id", w.pl.personId)).toBe(0);
    expect(await countWhere("membership", "person_id", w.pl.personId)).toBe(0);
    expect(await db.selectFrom("outbox_message").select("id").where("recipient", "=", w.pl.email).execute()).toEqual([]);
    // Nothing in the trail names them any more; the trail itself grew by the erasure event.
    expect(await auditMentions(w.pl.personId)).toBe(0);
    expect(await auditMentions(w.pl.email)).toBe(0);
    const invited = await db.selectFrom("audit_event").select("detail").where("action", "=", "invitation.created").where("detail", "like", "%[erased]%").execute();
    expect(invited.map((e) => JSON.parse(e.detail!))).toEqual([{ email: "[erased]", role: "lezer" }]);
    const eventsAfter = await db.selectFrom("audit_event").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(eventsAfter.n)).toBe(Number(eventsBefore.n) + 1);
    const erased = await db.selectFrom("audit_event").select(["actor_person_id", "subject_id", "detail"]).where("action", "=", "person.erased").where("actor_org_id", "=", w.praktijk.id).executeTakeFirstOrThrow();
    expect(erased.actor_person_id).toBe(w.pb.personId);
    expect(erased.subject_id).toMatch(/^erased:[0-9a-f-]{36}$/);
    const signIn = await db.selectFrom("audit_event").select("subject_id").where("action", "=", "session.signed-in").where("detail", "like", `%${w.praktijk.id}%`).executeTakeFirstOrThrow();
    expect(signIn.subject_id).toBe(erased.subject_id);
  });

  test("a member who belongs elsewhere too: removed from this organisation and its records only", async () => {
    const db = await getDb();
    // The invuller also answered in the insurer's beoordeling (as if they had been its invuller then).
    await answer(w.ib, w.beoordeling, { "ingeschreven-patienten": 4100 });
    await db.updateTable("answer").set({ updated_by: w.pi.personId }).where("assessment_id", "=", w.beoordeling).where("question_id", "=", "ingeschreven-patienten").execute();
    await recordEvent(db, { viewer: w.piAtInsurer, action: "assessment.viewed", subjectType: "assessment", subjectId: w.beoordeling, assessmentId: w.beoordeling });

    expect(await eraseMember(w.pb, w.pi.personId)).toEqual({ ok: true, scope: "organisation" });
    expect(await db.selectFrom("person").select("name").where("id", "=", w.pi.personId).executeTakeFirst()).toEqual({ name: w.pi.personName });
    expect(await db.selectFrom("membership").select("organisation_id").where("person_id", "=", w.pi.personId).execute()).toEqual([{ organisation_id: w.insurer.id }]);
    expect(await db.selectFrom("session").select("organisation_id").where("person_id", "=", w.pi.personId).execute()).toEqual([{ organisation_id: w.insurer.id }]);
    // The practice's answers lose the name; the insurer's keep it.
    const practiceAnswers = await db.selectFrom("answer").select("updated_by").where("assessment_id", "in", [w.submitted, w.concept]).execute();
    expect(practiceAnswers.length).toBeGreaterThan(0);
    expect(practiceAnswers.every((a) => a.updated_by === null)).toBe(true);
    expect((await db.selectFrom("answer").select("updated_by").where("assessment_id", "=", w.beoordeling).where("question_id", "=", "ingeschreven-patienten").executeTakeFirstOrThrow()).updated_by).toBe(w.pi.personId);
    // The practice's trail no longer names them; the insurer's still does.
    const practiceTrail = await db.selectFrom("audit_event").select("id").where("actor_org_id", "=", w.praktijk.id).where("actor_person_id", "=", w.pi.personId).execute();
    expect(practiceTrail).toEqual([]);
    const insurerTrail = await db.selectFrom("audit_event").select("id").where("actor_org_id", "=", w.insurer.id).where("actor_person_id", "=", w.pi.personId).execute();
    expect(insurerTrail.length).toBe(1);
  });

  test("someone of another organisation, or oneself, cannot be erased here", async () => {
    expect(await eraseMember(w.pb, w.ib.personId)).toEqual({ ok: false, reason: "not-found" });
    expect(await eraseMember(w.pb, w.pb.personId)).toEqual({ ok: false, reason: "self" });
    await expect(eraseMember(w.pi, w.pl.personId)).rejects.toBeInstanceOf(Response);
    const db = await getDb();
    expect(await db.selectFrom("person").select("id").where("id", "in", [w.ib.personId, w.pl.personId]).execute()).toHaveLength(2);
  });
});

describe("a person erases themselves", () => {
  test("refused while they are the last beheerder; allowed once another is", async () => {
    expect(await selfErasureBlockers(w.pb.personId)).toEqual([{ organisationId: w.praktijk.id, organisationName: w.praktijk.name, reason: "last-beheerder" }]);
    expect(await eraseSelf(w.pb)).toMatchObject({ ok: false });
    const db = await getDb();
    await db.updateTable("membership").set({ role: "beheerder" }).where("person_id", "=", w.pl.personId).where("organisation_id", "=", w.praktijk.id).execute();
    expect(await eraseSelf(w.pb)).toEqual({ ok: true });
    expect(await db.selectFrom("person").select("id").where("id", "=", w.pb.personId).executeTakeFirst()).toBeUndefined();
    // The invitation they sent stays the organisation's, without their name.
    const invitation = await db.selectFrom("token").select("created_by").where("organisation_id", "=", w.praktijk.id).executeTakeFirstOrThrow();
    expect(invitation.created_by).toBeNull();
    expect(await auditMentions(w.pb.personId)).toBe(0);
  });

  test("an only member is pointed at closing the organisation", async () => {
    const db = await getDb();
    const solo = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "huisarts" }), role: "beheerder" });
    expect(await selfErasureBlockers(solo.personId)).toMatchObject([{ reason: "only-member" }]);
  });

  test("erasing oneself takes every membership", async () => {
    const db = await getDb();
    expect(await eraseSelf(w.pi)).toEqual({ ok: true });
    expect(await countWhere("membership", "person_id", w.pi.personId)).toBe(0);
    expect(await countWhere("session", "person_id", w.pi.personId)).toBe(0);
    expect(await db.selectFrom("answer").select("updated_by").where("updated_by", "=", w.pi.personId).execute()).toEqual([]);
  });
});

describe("the current password confirms an erasure", () => {
  test("right, wrong, missing; wrong attempts count towards the sign-in limit", async () => {
    const db = await getDb();
    await db.updateTable("person").set({ password_hash: await hashPassword("Een-lang-genoeg-wachtwoord-1") }).where("id", "=", w.pl.personId).execute();
    expect(await confirmPassword(w.pl, "", "10.0.0.1")).toBe("missing");
    expect(await confirmPassword(w.pl, "Een-lang-genoeg-wachtwoord-1", "10.0.0.1")).toBe("ok");
    for (let i = 0; i < 5; i++) expect(await confirmPassword(w.pl, "fout", "10.0.0.1")).toBe("wrong");
    expect(await confirmPassword(w.pl, "Een-lang-genoeg-wachtwoord-1", "10.0.0.1")).toBe("too-many");
  });
});

describe("closing an organisation", () => {
  test("the name typed forgives case and spaces, nothing else", () => {
    expect(sameName("  huisartsenpraktijk   de linde ", "Huisartsenpraktijk De Linde")).toBe(true);
    expect(sameName("Huisartsenpraktijk De Lind", "Huisartsenpraktijk De Linde")).toBe(false);
  });

  test("a practice closes: shares revoked, requests closed, its own data deleted, people erased, the trail kept without names", async () => {
    const db = await getDb();
    expect(await closingSummary(w.pb)).toEqual({ members: 3, assessments: 2, liveShares: 1, openRequests: 1, notes: 0, imports: 0 });
    const trailBefore = await db.selectFrom("audit_event").select("id").where("assessment_id", "=", w.submitted).execute();
    expect((await computePortfolioEntries(db, { id: w.insurer.id, kind: "zorgverzekeraar" })).find((e) => e.practice_id === w.practiceId)?.source).toBe("self");

    const result = await closeOrganisation(w.pb);
    expect(result).toEqual({ sharesRevoked: 1, requestsClosed: 1, assessmentsDeleted: 2, notesDeleted: 0, importsDeleted: 0, peopleErased: 2, membershipsEnded: 3 });
    expect(await closeOrganisation(w.pb)).toBeNull();

    // Its own: gone. People only here: gone; the invuller stays the insurer's lezer.
    expect(await db.selectFrom("assessment").select("id").where("author_org_id", "=", w.praktijk.id).execute()).toEqual([]);
    expect(await db.selectFrom("answer").select("question_id").where("assessment_id", "in", [w.submitted, w.concept]).execute()).toEqual([]);
    expect(await db.selectFrom("person").select("id").where("id", "in", [w.pb.personId, w.pl.personId]).execute()).toEqual([]);
    expect(await db.selectFrom("membership").select("organisation_id").where("person_id", "=", w.pi.personId).execute()).toEqual([{ organisation_id: w.insurer.id }]);
    expect(await db.selectFrom("session").select("person_id").where("organisation_id", "=", w.praktijk.id).execute()).toEqual([]);
    expect(await db.selectFrom("token").select("email").where("organisation_id", "=", w.praktijk.id).execute()).toEqual([]);
    expect((await db.selectFrom("organisation").select("closed_at").where("id", "=", w.praktijk.id).executeTakeFirstOrThrow()).closed_at).not.toBeNull();

    // The insurer's: its beoordeling, its note, its request (closed) stay; the practice stays in the register, speaking for nobody.
    expect(await db.selectFrom("assessment").select("id").where("id", "=", w.beoordeling).execute()).toHaveLength(1);
    expect(await db.selectFrom("conversation_note").select("id").where("organisation_id", "=", w.insurer.id).execute()).toHaveLength(1);
    expect(await db.selectFrom("assessment_request").select(["status", "decided_by"]).where("id", "=", w.requestId).executeTakeFirstOrThrow()).toEqual({ status: "declined", decided_by: null });
    expect(await db.selectFrom("practice").select("organisation_id").where("id", "=", w.practiceId).executeTakeFirstOrThrow()).toEqual({ organisation_id: null });
    // The insurer's portfolio row now speaks from its own beoordeling, and is stored as the definition says.
    const stored = await db.selectFrom("portfolio_entry").select(["source", "has_self"]).where("organisation_id", "=", w.insurer.id).where("practice_id", "=", w.practiceId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ source: "own", has_self: 0 });
    const computed = (await computePortfolioEntries(db, { id: w.insurer.id, kind: "zorgverzekeraar" })).find((e) => e.practice_id === w.practiceId);
    expect(computed?.source).toBe("own");

    // The trail: every event kept, the answers' values and every name and address gone from it.
    const trailAfter = await db.selectFrom("audit_event").select(["id", "action", "detail", "actor_person_id"]).where("assessment_id", "=", w.submitted).execute();
    expect(trailAfter.length).toBeGreaterThanOrEqual(trailBefore.length);
    const changed = trailAfter.filter((e) => e.action === "answer.changed");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((e) => e.detail === null)).toBe(true);
    for (const v of [w.pb, w.pi, w.pl]) {
      const byOrg = await db.selectFrom("audit_event").select("id").where("actor_org_id", "=", w.praktijk.id).where("actor_person_id", "=", v.personId).execute();
      expect(byOrg, v.email).toEqual([]);
    }
    const mentions = await db.selectFrom("audit_event").select("detail").where("actor_org_id", "=", w.praktijk.id).where("detail", "like", "%@%").execute();
    expect(mentions).toEqual([]);
    const closed = await db.selectFrom("audit_event").select(["action", "actor_org_id"]).where("subject_id", "=", w.praktijk.id).where("action", "=", "organisation.closed").execute();
    expect(closed).toEqual([{ action: "organisation.closed", actor_org_id: w.praktijk.id }]);
    const revoked = await db.selectFrom("share").select(["revoked_at", "revoked_by"]).where("id", "=", w.shareId).executeTakeFirst();
    // The share went with the assessment; its revocation is in the trail of that assessment.
    expect(revoked).toBeUndefined();
    expect(trailAfter.some((e) => e.action === "assessment.revoked")).toBe(true);
  });

  test("an insurer closes: its beoordeling, note and imported facts go; the practice's self-assessment and its share record stay", async () => {
    const db = await getDb();
    // Two practices it knows only from its spreadsheet; a toezichthouder imported the second too.
    const toezicht = await makeOrganisation(db, { kind: "toezichthouder" });
    const onlyImported = await makePractice(db, { organisation_id: null, agb: "55500001", name: "Alleen ingelezen" });
    const sharedImport = await makePractice(db, { organisation_id: null, agb: "55500002", name: "Ook bij de toezichthouder" });
    const now = new Date().toISOString();
    const upload = (org: string) => ({ id: randomUUID(), organisation_id: org, kind: "practices" as const, status: "confirmed" as const, file_name: "p.csv", source: "test", source_date: "2026-11-01", row_count: 1, error_count: 0, preview: null, created_by: null, created_at: now, decided_at: now });
    const fact = (org: string, importId: string, practiceId: string) => ({
      id: randomUUID(), organisation_id: org, practice_id: practiceId, import_id: importId, row_number: 2, name: "x", keten_id: null, keten_name: null, region_id: null, facts: "{}", imported_at: now,
      sig_owner_not_gp: null, sig_patients_per_fte: null, sig_no_gp_present: null, sig_unclear_organisation: null, sig_regional_cooperation: null, patients_per_fte: null, signal_count: null,
    });
    const insurerUpload = upload(w.insurer.id);
    const toezichtUpload = upload(toezicht.id);
    await db.insertInto("facts_import").values([insurerUpload, toezichtUpload]).execute();
    await db
      .insertInto("imported_facts")
      .values([fact(w.insurer.id, insurerUpload.id, onlyImported.id), fact(w.insurer.id, insurerUpload.id, sharedImport.id), fact(toezicht.id, toezichtUpload.id, sharedImport.id)])
      .execute();

    const result = await closeOrganisation(w.ib);
    expect(await db.selectFrom("practice").select("name").where("id", "in", [onlyImported.id, sharedImport.id]).execute()).toEqual([{ name: "Ook bij de toezichthouder" }]);
    expect(await db.selectFrom("facts_import").select("organisation_id").where("id", "in", [insurerUpload.id, toezichtUpload.id]).execute()).toEqual([{ organisation_id: toezicht.id }]);
    expect(result).toMatchObject({ sharesRevoked: 1, requestsClosed: 1, assessmentsDeleted: 1, notesDeleted: 1, importsDeleted: 1, peopleErased: 1, membershipsEnded: 2 });
    expect(await db.selectFrom("assessment").select("id").where("id", "=", w.beoordeling).execute()).toEqual([]);
    expect(await db.selectFrom("assessment").select("id").where("id", "in", [w.submitted, w.concept]).execute()).toHaveLength(2);
    // The practice's grant to it is revoked, not deleted: it is the practice's record.
    const share = await db.selectFrom("share").select(["revoked_at", "revoked_by"]).where("id", "=", w.shareId).executeTakeFirstOrThrow();
    expect(share.revoked_at).not.toBeNull();
    expect(share.revoked_by).toBeNull();
    // The invuller who is also the practice's stays, removed from the insurer only.
    expect(await db.selectFrom("membership").select("organisation_id").where("person_id", "=", w.pi.personId).execute()).toEqual([{ organisation_id: w.praktijk.id }]);
    expect(await db.selectFrom("portfolio_entry").select("practice_id").where("organisation_id", "=", w.insurer.id).execute()).toEqual([]);
    // A closed organisation is nobody to share with.
    const { listShareTargets } = await import("~/models/sharing.server");
    expect((await listShareTargets(w.pb)).map((t) => t.id)).not.toContain(w.insurer.id);
  });

  test("only its beheerder closes it", async () => {
    await expect(closeOrganisation(w.pi)).rejects.toBeInstanceOf(Response);
    const db = await getDb();
    expect((await db.selectFrom("organisation").select("closed_at").where("id", "=", w.praktijk.id).executeTakeFirstOrThrow()).closed_at).toBeNull();
  });
});

describe("a restore never brings an erased person back", () => {
  test("every erasure is in the ledger by ids only, and repeating the ledger on a restored copy erases again", async () => {
    const db = await getDb();
    const before = await db.selectFrom("erasure").select("id").execute();
    await eraseMember(w.pb, w.pl.personId);
    await eraseMember(w.pb, w.pi.personId);
    await closeOrganisation(w.ib);
    const entries = await db.selectFrom("erasure").selectAll().where("id", "not in", before.length ? before.map((e) => e.id) : [""]).execute();
    expect(entries.map((e) => [e.kind, e.person_id, e.organisation_id]).sort()).toEqual(
      [
        ["membership", w.pi.personId, w.praktijk.id],
        ["organisation", null, w.insurer.id],
        ["person", w.ib.personId, null],
        ["person", w.pl.personId, null],
        // The invuller was removed from the practice before; closing the insurer took their last membership.
        ["person", w.pi.personId, null],
      ].sort(),
    );

    // A backup from before: the people, the memberships and the open insurer are back.
    const now = new Date().toISOString();
    for (const v of [w.pl, w.pi, w.ib]) {
      await db.insertInto("person").values({ id: v.personId, email: v.email, name: v.personName, password_hash: null, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
    }
    await db
      .insertInto("membership")
      .values([
        { person_id: w.pl.personId, organisation_id: w.praktijk.id, role: "lezer", created_at: now },
        { person_id: w.pi.personId, organisation_id: w.praktijk.id, role: "invuller", created_at: now },
        { person_id: w.pi.personId, organisation_id: w.insurer.id, role: "lezer", created_at: now },
        { person_id: w.ib.personId, organisation_id: w.insurer.id, role: "beheerder", created_at: now },
      ])
      .execute();
    await db.updateTable("organisation").set({ closed_at: null }).where("id", "=", w.insurer.id).execute();

    expect(await reapplyErasures(entries)).toBeGreaterThanOrEqual(3);
    expect(await db.selectFrom("person").select("id").where("id", "in", [w.pl.personId, w.pi.personId, w.ib.personId]).execute()).toEqual([]);
    expect((await db.selectFrom("organisation").select("closed_at").where("id", "=", w.insurer.id).executeTakeFirstOrThrow()).closed_at).not.toBeNull();
    expect(await db.selectFrom("membership").select("person_id").where("organisation_id", "=", w.praktijk.id).execute()).toEqual([{ person_id: w.pb.personId }]);
    // Nothing doubled in the ledger, and a second run finds nothing left to do.
    const after = await db.selectFrom("erasure").select("id").execute();
    expect(after.length).toBe(before.length + entries.length);
    expect(await reapplyErasures(entries)).toBe(0);
  });
});

describe("no column naming a person is forgotten", () => {
  test("every foreign key to person either cascades or is listed in PERSON_REFERENCES", async () => {
    const db = await getDb();
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    const missing: string[] = [];
    for (const { name } of tables.rows) {
      const keys = await sql<{ table: string; from: string; on_delete: string }>`select * from pragma_foreign_key_list(${name})`.execute(db);
      for (const key of keys.rows) {
        if (key.table !== "person" || key.on_delete.toUpperCase() === "CASCADE") continue;
        if (!PERSON_REFERENCES.some((r) => r.table === name && r.column === key.from)) missing.push(`${name}.${key.from}`);
      }
    }
    expect(missing).toEqual([]);
    // And the list names nothing that is not there.
    for (const ref of PERSON_REFERENCES) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${ref.table})`.execute(db);
      expect(columns.rows.map((c) => c.name), `${ref.table}.${ref.column}`).toContain(ref.column);
    }
  });
});
