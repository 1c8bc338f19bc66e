/**
 * The assessment model on a real, migrated in-memory SQLite (a fresh one for this file): starting a
 * self-assessment, authorization in the query, and saving answers with revisions, conflicts and audit
 * events in one transaction.
 */
import { sql, type Kysely } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Database, Organisation, Practice } from "../../db/schema";
import type { AnswerValue } from "~/domain/answers";
import { FrozenAssessmentError, answerValues, getAnswers, getAssessment, listAssessmentsForOrg, saveAnswers } from "~/models/assessment.server";
import { startSelfAssessment } from "~/models/start.server";
import { getPracticeForOrg, listPracticesForOrg } from "~/models/practice.server";
import type { Viewer } from "~/models/viewer.server";
import { makeAnswers, makeHuisarts, makeOrganisation, makePractice, makeViewer } from "../factories";

let db: Kysely<Database>;
let orgA: Organisation;
let viewerA: Viewer;
let practiceA: Practice;
let viewerB: Viewer;
let practiceB: Practice;

beforeAll(async () => {
  db = await getDb();
  orgA = await makeOrganisation(db, { kind: "praktijk" });
  viewerA = await makeViewer(db, { organisation: orgA });
  practiceA = await makePractice(db, { organisation_id: orgA.id });
  const orgB = await makeOrganisation(db, { kind: "praktijk" });
  viewerB = await makeViewer(db, { organisation: orgB });
  practiceB = await makePractice(db, { organisation_id: orgB.id });
});

/** A fresh concept self-assessment of a new practice of organisation A. */
async function newAssessment() {
  const practice = await makePractice(db, { organisation_id: orgA.id });
  const id = await startSelfAssessment({ practiceId: practice.id, viewer: viewerA });
  const assessment = await getAssessment({ id: id!, viewerOrgId: orgA.id });
  if (!assessment) throw new Error("the new assessment is not visible to its own organisation");
  return assessment;
}

const auditFor = (assessmentId: string, action?: string) => {
  let query = db.selectFrom("audit_event").selectAll().where("assessment_id", "=", assessmentId);
  if (action) query = query.where("action", "=", action);
  return query.orderBy("at").orderBy("id").execute();
};
const personName = async (personId: string | null) =>
  (await db.selectFrom("person").select("name").where("id", "=", personId!).executeTakeFirstOrThrow()).name;
const answerRow = (assessmentId: string, questionId: string) =>
  db
    .selectFrom("answer")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .where("question_id", "=", questionId)
    .executeTakeFirst();

describe("startSelfAssessment", () => {
  test("starts a concept self-assessment pinned to content version 1", async () => {
    const practice = await makePractice(db, { organisation_id: orgA.id });
    const id = await startSelfAssessment({ practiceId: practice.id, viewer: viewerA });
    expect(id).toEqual(expect.any(String));
    const row = await db.selectFrom("assessment").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      practice_id: practice.id,
      author_org_id: orgA.id,
      perspective: "zelfevaluatie",
      content_version: 1,
      status: "concept",
      version_no: 1,
      previous_id: null,
      created_by: viewerA.personId,
      submitted_at: null,
    });
    const events = await auditFor(id!, "assessment.started");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_person_id: viewerA.personId, actor_org_id: orgA.id, subject_id: id });
  });

  test("returns the same id while a concept exists, and a new one once it is submitted", async () => {
    const practice = await makePractice(db, { organisation_id: orgA.id });
    const first = await startSelfAssessment({ practiceId: practice.id, viewer: viewerA });
    const again = await startSelfAssessment({ practiceId: practice.id, viewer: viewerA });
    expect(again).toBe(first);
    const count = await db
      .selectFrom("assessment")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("practice_id", "=", practice.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    await db.updateTable("assessment").set({ status: "ingediend" }).where("id", "=", first!).execute();
    const next = await startSelfAssessment({ practiceId: practice.id, viewer: viewerA });
    expect(next).not.toBe(first);
  });

  test("refuses (null) a practice of another organisation and writes nothing", async () => {
    const before = await db.selectFrom("assessment").select("id").where("practice_id", "=", practiceB.id).execute();
    await expect(startSelfAssessment({ practiceId: practiceB.id, viewer: viewerA })).resolves.toBeNull();
    await expect(startSelfAssessment({ practiceId: "does-not-exist", viewer: viewerA })).resolves.toBeNull();
    const after = await db.selectFrom("assessment").select("id").where("practice_id", "=", practiceB.id).execute();
    expect(after).toEqual(before);
  });

  test("a keten speaks for its member practices", async () => {
    const keten = await makeOrganisation(db, { kind: "keten" });
    const ketenViewer = await makeViewer(db, { organisation: keten, role: "beheerder" });
    const member = await makePractice(db, { organisation_id: null, keten_id: keten.id });
    expect(await getPracticeForOrg({ id: member.id, viewerOrgId: keten.id })).toMatchObject({ id: member.id });
    expect(await getPracticeForOrg({ id: member.id, viewerOrgId: orgA.id })).toBeUndefined();
    expect((await listPracticesForOrg({ viewerOrgId: keten.id })).map((p) => p.id)).toEqual([member.id]);

    const id = await startSelfAssessment({ practiceId: member.id, viewer: ketenViewer });
    expect(await getAssessment({ id: id!, viewerOrgId: keten.id })).toMatchObject({ author_org_id: keten.id });
  });
});

describe("getAssessment: authorization in the query", () => {
  test("the author organisation sees it with its practice", async () => {
    const id = await startSelfAssessment({ practiceId: practiceA.id, viewer: viewerA });
    const assessment = await getAssessment({ id: id!, viewerOrgId: orgA.id });
    expect(assessment).toMatchObject({ id, practice_name: practiceA.name, practice_agb: practiceA.agb });
  });

  test("another organisation's id matches nothing (undefined, not an error)", async () => {
    const id = await startSelfAssessment({ practiceId: practiceA.id, viewer: viewerA });
    await expect(getAssessment({ id: id!, viewerOrgId: viewerB.organisationId })).resolves.toBeUndefined();
    await expect(getAssessment({ id: "does-not-exist", viewerOrgId: orgA.id })).resolves.toBeUndefined();
    const listed = await listAssessmentsForOrg({ viewerOrgId: viewerB.organisationId });
    expect(listed.map((a) => a.id)).not.toContain(id);
    expect((await listAssessmentsForOrg({ viewerOrgId: orgA.id })).map((a) => a.id)).toContain(id);
  });
});

describe("saveAnswers", () => {
  test("stores typed JSON at revision 1 and records an audit event per change with from/to", async () => {
    const assessment = await newAssessment();
    const answers = makeAnswers();
    const entries = Object.entries(answers).map(([questionId, value]) => ({ questionId, value, seenRevision: 0 }));
    const result = await saveAnswers({ assessment, viewer: viewerA, entries });

    expect(result.conflicts).toEqual([]);
    expect(result.changed.sort()).toEqual(Object.keys(answers).sort());
    expect(Object.values(result.revisions).every((r) => r === 1)).toBe(true);

    const stored = await getAnswers(assessment.id);
    expect(answerValues(stored)).toStrictEqual(answers);
    expect(stored.get("agb-code")?.value).toBe("01234567");
    expect(stored.get("ingeschreven-patienten")?.value).toBe(5000);
    const raw = await answerRow(assessment.id, "huisartsen");
    expect(raw).toMatchObject({ revision: 1, updated_by: viewerA.personId, value: JSON.stringify(answers.huisartsen) });

    const events = await auditFor(assessment.id, "answer.changed");
    expect(events).toHaveLength(entries.length);
    const patients = events.find((e) => e.subject_id === "ingeschreven-patienten")!;
    expect(patients).toMatchObject({ actor_person_id: viewerA.personId, actor_org_id: orgA.id, subject_type: "answer" });
    expect(JSON.parse(patients.detail!)).toEqual({ revision: 1, from: null, to: 5000 });
  });

  test("a change increments the revision and audits from the old to the new value", async () => {
    const assessment = await newAssessment();
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "ingeschreven-patienten", value: 5000, seenRevision: 0 }] });
    const result = await saveAnswers({
      assessment,
      viewer: viewerA,
      entries: [{ questionId: "ingeschreven-patienten", value: 6300, seenRevision: 1 }],
    });
    expect(result).toMatchObject({ changed: ["ingeschreven-patienten"], revisions: { "ingeschreven-patienten": 2 }, conflicts: [] });
    expect(await answerRow(assessment.id, "ingeschreven-patienten")).toMatchObject({ revision: 2, value: "6300" });
    const details = (await auditFor(assessment.id, "answer.changed"))
      .map((e) => JSON.parse(e.detail!) as { revision: number })
      .sort((a, b) => a.revision - b.revision);
    expect(details).toEqual([
      { revision: 1, from: null, to: 5000 },
      { revision: 2, from: 5000, to: 6300 },
    ]);
  });

  test("an unchanged value makes no new revision and no audit event, whatever revision was seen", async () => {
    const assessment = await newAssessment();
    const list = [makeHuisarts()];
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "huisartsen", value: list, seenRevision: 0 }] });
    const eventsBefore = await auditFor(assessment.id);
    const rowBefore = await answerRow(assessment.id, "huisartsen");

    for (const seenRevision of [1, 0]) {
      const result = await saveAnswers({
        assessment,
        viewer: viewerB,
        entries: [{ questionId: "huisartsen", value: structuredClone(list), seenRevision }],
      });
      expect(result).toMatchObject({ changed: [], conflicts: [], revisions: { huisartsen: 1 } });
    }
    expect(await answerRow(assessment.id, "huisartsen")).toEqual(rowBefore);
    expect(await auditFor(assessment.id)).toEqual(eventsBefore);
  });

  test("a stale seenRevision with a different value is a conflict; the stored value is untouched", async () => {
    const assessment = await newAssessment();
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "praktijknaam", value: "De Linde", seenRevision: 0 }] });
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "praktijknaam", value: "De Linde BV", seenRevision: 1 }] });
    const auditBefore = await auditFor(assessment.id);

    // Someone who saw revision 1 (or nothing) writes over it.
    for (const seenRevision of [1, 0, 3]) {
      const result = await saveAnswers({
        assessment,
        viewer: viewerB,
        entries: [{ questionId: "praktijknaam", value: "Iets anders", seenRevision }],
      });
      expect(result.changed).toEqual([]);
      expect(result.conflicts).toEqual([{ questionId: "praktijknaam", theirs: "De Linde BV", revision: 2, by: expect.any(String), at: expect.any(String) }]);
      // The conflict's revision is not handed out as the question's base: only an explicit choice builds on it.
      expect(result.revisions).toEqual({});
    }
    expect(await answerRow(assessment.id, "praktijknaam")).toMatchObject({ value: JSON.stringify("De Linde BV"), revision: 2 });
    expect(await auditFor(assessment.id)).toEqual(auditBefore);
  });

  test("a conflict says who gave the other answer and when; keeping one's own is recorded as overruled", async () => {
    const assessment = await newAssessment();
    const first = await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "praktijknaam", value: "De Linde", seenRevision: 0 }] });
    const refused = await saveAnswers({ assessment, viewer: viewerB, entries: [{ questionId: "praktijknaam", value: "Linde B", seenRevision: 0 }] });
    const conflict = refused.conflicts[0]!;
    expect(conflict).toMatchObject({ theirs: "De Linde", revision: 1, at: first.savedAt });
    expect(conflict.by).toBe(await personName(viewerA.personId));

    // Keeping one's own answer saves on the other answer's revision, and the trail names it overruled.
    const kept = await saveAnswers({ assessment, viewer: viewerB, entries: [{ questionId: "praktijknaam", value: "Linde B", seenRevision: conflict.revision, overrule: true }] });
    expect(kept).toMatchObject({ changed: ["praktijknaam"], conflicts: [], revisions: { praktijknaam: 2 } });
    const [event] = await auditFor(assessment.id, "answer.conflict-overruled");
    expect(JSON.parse(event!.detail!)).toMatchObject({ revision: 2, from: "De Linde", to: "Linde B", overruled: { personId: viewerA.personId, revision: 1 } });

    // A keep based on a revision that has moved on again is a new conflict, not an overwrite.
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "praktijknaam", value: "De Linde 2", seenRevision: 2 }] });
    const again = await saveAnswers({ assessment, viewer: viewerB, entries: [{ questionId: "praktijknaam", value: "Linde B", seenRevision: 2, overrule: true }] });
    expect(again.conflicts).toMatchObject([{ theirs: "De Linde 2", revision: 3 }]);
    expect(await answerRow(assessment.id, "praktijknaam")).toMatchObject({ value: JSON.stringify("De Linde 2"), revision: 3 });
  });

  test("a save of several entries where one conflicts still saves the others", async () => {
    const assessment = await newAssessment();
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "regio", value: "Utrecht", seenRevision: 0 }] });
    const result = await saveAnswers({
      assessment,
      viewer: viewerA,
      entries: [
        { questionId: "praktijknaam", value: "De Linde", seenRevision: 0 },
        { questionId: "regio", value: "Amersfoort", seenRevision: 0 }, // stale: stored is revision 1
        { questionId: "ingeschreven-patienten", value: 4100, seenRevision: 0 },
      ],
    });
    expect(result.conflicts).toEqual([{ questionId: "regio", theirs: "Utrecht", revision: 1, by: expect.any(String), at: expect.any(String) }]);
    expect(result.revisions).toEqual({ praktijknaam: 1, "ingeschreven-patienten": 1 });
    expect(result.changed).toEqual(["praktijknaam", "ingeschreven-patienten"]);
    expect(answerValues(await getAnswers(assessment.id))).toEqual({
      regio: "Utrecht",
      praktijknaam: "De Linde",
      "ingeschreven-patienten": 4100,
    });
    const subjects = (await auditFor(assessment.id, "answer.changed")).map((e) => e.subject_id).sort();
    expect(subjects).toEqual(["ingeschreven-patienten", "praktijknaam", "regio"]);
  });

  test.each([
    { name: "the audit insert of the second entry fails", table: "audit_event", column: "subject_id" },
    { name: "the answer insert of the second entry fails", table: "answer", column: "question_id" },
  ])("nothing is half-written when $name", async ({ table, column }) => {
    const assessment = await newAssessment();
    const before = await db.selectFrom("assessment").select("updated_at").where("id", "=", assessment.id).executeTakeFirstOrThrow();
    // A trigger makes the database refuse one write half-way through the save.
    await sql
      .raw(
        `CREATE TRIGGER refuse_write BEFORE INSERT ON ${table} WHEN NEW.${column} = 'regio' ` +
          `BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
      )
      .execute(db);
    try {
      await expect(
        saveAnswers({
          assessment,
          viewer: viewerA,
          entries: [
            { questionId: "praktijknaam", value: "De Linde", seenRevision: 0 },
            { questionId: "regio", value: "Utrecht", seenRevision: 0 },
          ],
        }),
      ).rejects.toThrow(/refused by test/);
    } finally {
      await sql.raw("DROP TRIGGER refuse_write").execute(db);
    }
    expect(await getAnswers(assessment.id)).toEqual(new Map());
    expect(await auditFor(assessment.id, "answer.changed")).toEqual([]);
    expect(await db.selectFrom("assessment").select("updated_at").where("id", "=", assessment.id).executeTakeFirstOrThrow()).toEqual(before);

    // The same save goes through once the database accepts it.
    const retry = await saveAnswers({
      assessment,
      viewer: viewerA,
      entries: [
        { questionId: "praktijknaam", value: "De Linde", seenRevision: 0 },
        { questionId: "regio", value: "Utrecht", seenRevision: 0 },
      ],
    });
    expect(retry.changed).toEqual(["praktijknaam", "regio"]);
  });

  test("null clears the answer and audits the clearing", async () => {
    const assessment = await newAssessment();
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "regio", value: "Utrecht", seenRevision: 0 }] });
    const result = await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "regio", value: null, seenRevision: 1 }] });
    expect(result).toMatchObject({ changed: ["regio"], conflicts: [] });
    // The row stays as a tombstone, so its revision keeps counting; it is no answer.
    expect(await answerRow(assessment.id, "regio")).toMatchObject({ value: "null", revision: 2 });
    expect((await getAnswers(assessment.id)).get("regio")).toMatchObject({ value: null, revision: 2 });
    expect(answerValues(await getAnswers(assessment.id))).not.toHaveProperty("regio");
    const cleared = await auditFor(assessment.id, "answer.cleared");
    expect(cleared).toHaveLength(1);
    expect(JSON.parse(cleared[0]!.detail!)).toMatchObject({ from: "Utrecht", to: null });

    // Clearing what is not there changes nothing.
    const again = await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "kvk-nummer", value: null, seenRevision: 0 }] });
    expect(again.changed).toEqual([]);
    expect(await auditFor(assessment.id, "answer.cleared")).toHaveLength(1);
  });

  // BUG (app/models/assessment.server.ts, saveAnswers): a clear deletes the row but reports revision
  // stored + 1; the form keeps that revision (use-autosave merges result.revisions) and its next save
  // of the same question is refused as a conflict with its own clearing (stored revision is 0 again).
  test("after clearing, the same person can answer again with the revision the clear returned", async () => {
    const assessment = await newAssessment();
    await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "regio", value: "Utrecht", seenRevision: 0 }] });
    const cleared = await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "regio", value: null, seenRevision: 1 }] });
    const seenRevision = cleared.revisions.regio!;
    const result = await saveAnswers({ assessment, viewer: viewerA, entries: [{ questionId: "regio", value: "Amersfoort", seenRevision }] });
    expect(result.conflicts).toEqual([]);
    expect((await getAnswers(assessment.id)).get("regio")?.value).toBe("Amersfoort");
  });

  test("a submitted assessment cannot change (FrozenAssessmentError) and nothing is written", async () => {
    const concept = await newAssessment();
    await db.updateTable("assessment").set({ status: "ingediend", submitted_at: new Date().toISOString() }).where("id", "=", concept.id).execute();
    const submitted = await getAssessment({ id: concept.id, viewerOrgId: orgA.id });
    expect(submitted?.status).toBe("ingediend");
    const value: AnswerValue = "De Linde";
    await expect(
      saveAnswers({ assessment: submitted!, viewer: viewerA, entries: [{ questionId: "praktijknaam", value, seenRevision: 0 }] }),
    ).rejects.toBeInstanceOf(FrozenAssessmentError);
    expect(await getAnswers(concept.id)).toEqual(new Map());
    expect(await auditFor(concept.id, "answer.changed")).toEqual([]);
  });

  test("an empty save changes nothing", async () => {
    const assessment = await newAssessment();
    const result = await saveAnswers({ assessment, viewer: viewerA, entries: [] });
    expect(result).toMatchObject({ changed: [], conflicts: [], revisions: {} });
  });
});
