/**
 * The organisation's data export (issue 10, point 6): everything of its own, nothing of anyone else's
 * (an isolation-style check with other organisations' people, notes, assessments and audit events all
 * around it), never a secret, streamed in pages from one snapshot. Runs on a database file, so the
 * export reads through its own snapshot connection as in production.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "kws-export-"));
process.env.DATABASE_PATH = path.join(dir, "export.db");

const { getDb } = await import("../../db/index.server");
const { sql } = await import("kysely");
const { recordEvent } = await import("~/models/audit.server");
const { getAssessment, saveAnswers } = await import("~/models/assessment.server");
const { startExternalAssessment, startSelfAssessment } = await import("~/models/start.server");
const { EXPORT_FORMAT, exportOrganisation, exportOrganisationText } = await import("~/models/data-export.server");
const { addNote } = await import("~/models/notes.server");
const { hashPassword } = await import("~/models/password.server");
const { createRequest, grantShare, submitAssessment } = await import("~/models/sharing.server");
const { makeOrganisation, makePractice, makeViewer } = await import("../factories");
type Viewer = import("~/models/viewer.server").Viewer;

const MARK = { own: `Eigen-${randomUUID().slice(0, 8)}`, other: `Ander-${randomUUID().slice(0, 8)}`, insurer: `Verzekeraar-${randomUUID().slice(0, 8)}` };

let beheerder: Viewer;
let invuller: Viewer;
let otherBeheerder: Viewer;
let insurer: Viewer;
let practiceId: string;
let ownAssessment: string;
let passwordHash: string;

async function answer(viewer: Viewer, assessmentId: string, regio: string) {
  const assessment = (await getAssessment({ id: assessmentId, viewerOrgId: viewer.organisationId }))!;
  // A note of a statement: free text that stays an answer (the register facts are no longer answers, issue 13).
  await saveAnswers({ assessment, viewer, entries: [{ questionId: "vaste-huisarts", value: { choice: "weet-niet", note: regio }, seenRevision: 0 }] });
}

beforeAll(async () => {
  const db = await getDb();
  const own = await makeOrganisation(db, { kind: "praktijk", name: "Praktijk Export" });
  const other = await makeOrganisation(db, { kind: "praktijk", name: "Praktijk Elders" });
  const insurerOrg = await makeOrganisation(db, { kind: "zorgverzekeraar", name: "Verzekeraar Export" });
  practiceId = (await makePractice(db, { organisation_id: own.id, agb: "11111111", name: "Praktijk Export" })).id;
  const otherPractice = (await makePractice(db, { organisation_id: other.id, agb: "22222222", name: "Praktijk Elders" })).id;
  beheerder = await makeViewer(db, { organisation: own, role: "beheerder", email: "beheerder@export.example.com", name: "Bea Export" });
  invuller = await makeViewer(db, { organisation: own, role: "invuller", email: "invuller@export.example.com", name: "Ian Export" });
  otherBeheerder = await makeViewer(db, { organisation: other, role: "beheerder", email: "beheerder@elders.example.com", name: "Olga Elders" });
  insurer = await makeViewer(db, { organisation: insurerOrg, role: "beheerder", email: "beheerder@verzekeraar.example.com", name: "Vera Verzekeraar" });
  passwordHash = await hashPassword("Een-wachtwoord-dat-nooit-lekt-42");
  await db.updateTable("person").set({ password_hash: passwordHash }).execute();

  // Its own self-assessment, submitted and shared with the insurer; the insurer reads it.
  ownAssessment = (await startSelfAssessment({ practiceId, viewer: invuller }))!;
  await answer(invuller, ownAssessment, MARK.own);
  await submitAssessment((await getAssessment({ id: ownAssessment, viewerOrgId: own.id }))!, invuller);
  await grantShare((await getAssessment({ id: ownAssessment, viewerOrgId: own.id }))!, beheerder, insurerOrg.id);
  await recordEvent(db, { viewer: insurer, action: "assessment.viewed", subjectType: "assessment", subjectId: ownAssessment, assessmentId: ownAssessment, detail: { page: "report" } });

  // Around it: the insurer's own beoordeling of the practice and its note, another practice's everything.
  const beoordeling = (await startExternalAssessment({ practiceId, viewer: insurer }))!;
  await answer(insurer, beoordeling, MARK.insurer);
  await addNote(insurer, { type: "practice", key: practiceId }, { kind: "note", text: `Notitie ${MARK.insurer}`, onDate: "2026-12-01" });
  await createRequest(insurer, practiceId, "Verzoek om de zelfevaluatie");
  const otherAssessment = (await startSelfAssessment({ practiceId: otherPractice, viewer: otherBeheerder }))!;
  await answer(otherBeheerder, otherAssessment, MARK.other);
  await recordEvent(db, { viewer: otherBeheerder, action: "invitation.created", subjectType: "organisation", subjectId: other.id, detail: { email: "nieuw@elders.example.com" } });

  // Secrets that must never leave: sessions and tokens of everyone.
  const now = new Date().toISOString();
  for (const v of [beheerder, invuller, otherBeheerder]) {
    await db.insertInto("session").values({ id_hash: `sessie-${v.personId}`, person_id: v.personId, organisation_id: v.organisationId, created_at: now, last_seen_at: now, expires_at: "2099-01-01T00:00:00.000Z" }).execute();
  }
  await db
    .insertInto("token")
    .values({ token_hash: "tokenhash-export-geheim", purpose: "invitation", email: "nieuw@export.example.com", person_id: null, organisation_id: own.id, role: "lezer", created_by: beheerder.personId, created_at: now, expires_at: "2099-01-01T00:00:00.000Z", used_at: null })
    .execute();
  await addNote(beheerder, { type: "practice", key: practiceId }, { kind: "agreement", text: `Afspraak ${MARK.own}`, onDate: "2026-12-02", dueDate: "2027-01-01" });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the organisation's export", () => {
  test("has its own data and nothing of anyone else's", async () => {
    const text = await exportOrganisationText(beheerder);
    const doc = JSON.parse(text);
    expect(doc.format).toBe(EXPORT_FORMAT);
    expect(doc.organisation.name).toBe("Praktijk Export");
    expect(doc.people.map((p: { email: string }) => p.email).sort()).toEqual(["beheerder@export.example.com", "invuller@export.example.com"]);
    expect(doc.practices.map((p: { id: string }) => p.id)).toEqual([practiceId]);
    expect(doc.assessments.map((a: { id: string }) => a.id)).toEqual([ownAssessment]);
    expect(doc.assessments[0].answers).toContainEqual(expect.objectContaining({ questionId: "vaste-huisarts", value: { choice: "weet-niet", note: MARK.own }, updatedBy: invuller.personId }));
    expect(doc.conversationNotes.map((n: { text: string }) => n.text)).toEqual([`Afspraak ${MARK.own}`]);
    expect(doc.sharesGranted).toHaveLength(1);
    expect(doc.sharesGranted[0].sharedWith.name).toBe("Verzekeraar Export");
    expect(doc.requestsReceived).toHaveLength(1);
    expect(doc.requestsReceived[0].message).toBe("Verzoek om de zelfevaluatie");
    expect(doc.openInvitations).toEqual([expect.objectContaining({ email: "nieuw@export.example.com", role: "lezer" })]);
    // The insurer's view of its shared version is in its trail, naming the insurer, not the insurer's person.
    const view = doc.auditEvents.find((e: { action: string }) => e.action === "assessment.viewed");
    expect(view.actor).toEqual({ organisation: { id: insurer.organisationId, name: "Verzekeraar Export" }, personId: null });
    expect(doc.auditEvents.some((e: { action: string }) => e.action === "organisation.exported")).toBe(true);

    // Isolation: other organisations' people, content and events never appear; secrets never.
    for (const foreign of [MARK.other, MARK.insurer, "beheerder@elders.example.com", "beheerder@verzekeraar.example.com", "nieuw@elders.example.com", "Olga Elders", "Vera Verzekeraar", otherBeheerder.personId, insurer.personId, otherBeheerder.organisationId]) {
      expect(text, foreign).not.toContain(foreign);
    }
    for (const secret of [passwordHash, "$argon2", "tokenhash-export-geheim", "sessie-", "password", "token_hash", "id_hash"]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  test("the insurer's export has its beoordeling, note and request, not the practice's shared content", async () => {
    const doc = JSON.parse(await exportOrganisationText(insurer));
    expect(doc.assessments.map((a: { answers: Array<{ value: unknown }> }) => a.answers.map((x) => x.value)).flat()).toEqual([{ choice: "weet-niet", note: MARK.insurer }]);
    expect(doc.sharesReceived).toEqual([expect.objectContaining({ assessmentId: ownAssessment, sharedBy: expect.objectContaining({ name: "Praktijk Export" }) })]);
    expect(doc.requestsSent).toHaveLength(1);
    const text = JSON.stringify(doc);
    for (const foreign of [MARK.own, MARK.other, "beheerder@export.example.com", "invuller@export.example.com", "Ian Export"]) expect(text, foreign).not.toContain(foreign);
  });

  test("only a beheerder exports", async () => {
    await expect(exportOrganisation(invuller)).rejects.toBeInstanceOf(Response);
  });

  test("streams page by page from one snapshot: many rows, each once, nothing written meanwhile", async () => {
    const db = await getDb();
    // More audit events than several pages, many at the same moment (the page key is time and id).
    const at = new Date().toISOString();
    const rows = Array.from({ length: 1234 }, (_, i) => ({
      id: randomUUID(),
      at: i % 3 === 0 ? at : new Date(Date.now() + i).toISOString(),
      actor_person_id: beheerder.personId,
      actor_org_id: beheerder.organisationId,
      action: "test.bulk",
      subject_type: "test",
      subject_id: String(i),
      assessment_id: null,
      detail: null,
    }));
    for (let i = 0; i < rows.length; i += 200) await db.insertInto("audit_event").values(rows.slice(i, i + 200)).execute();

    const { stream } = await exportOrganisation(beheerder);
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let chunks = 0;
    const first = await reader.read();
    text += decoder.decode(first.value);
    // Written after the export began: not in it.
    await addNote(beheerder, { type: "practice", key: practiceId }, { kind: "note", text: "Na het begin van de export", onDate: "2026-12-03" });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value);
    }
    const doc = JSON.parse(text);
    const bulk = doc.auditEvents.filter((e: { action: string }) => e.action === "test.bulk");
    expect(bulk).toHaveLength(1234);
    expect(new Set(bulk.map((e: { id: string }) => e.id)).size).toBe(1234);
    expect(chunks).toBeGreaterThan(3);
    expect(text).not.toContain("Na het begin van de export");
    expect(await db.selectFrom("conversation_note").select("id").where("text", "=", "Na het begin van de export").execute()).toHaveLength(1);
  });

  test("a download broken off closes its snapshot: the WAL can be checkpointed whole again", async () => {
    const { stream } = await exportOrganisation(beheerder);
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const db = await getDb();
    await addNote(beheerder, { type: "practice", key: practiceId }, { kind: "note", text: "Na een afgebroken export", onDate: "2026-12-03" });
    const result = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    expect(result.rows[0]?.busy).toBe(0);
  });
});
