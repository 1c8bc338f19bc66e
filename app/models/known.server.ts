/**
 * Issue 13, "start from what is known" and "next year in five minutes":
 * - a supervisor's new assessment starts with the facts it may already see (the latest self-assessment
 *   version shared with it by a live grant, its own import), each answer stored with its origin;
 * - a prefilled answer is confirmed as it is (the person recorded), a section of a next version
 *   confirmed in one click ("Klopt nog"); both only on the revisions the person saw, never over a newer answer;
 * - the answers and signals that changed since the previous version, and two versions side by side.
 */
import type { Kysely, Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import type { AnswerConflict, AnswerValue, Answers } from "../domain/answers";
import type { Questionnaire } from "../domain/content/questionnaire";
import type { Section } from "../domain/content/schema";
import { answersFromImportedFacts, choosePrefill, parseOrigin, type AnswerOrigin, type ImportRef, type SelfAssessmentRef } from "../domain/prefill";
import { SIGNAL_COLUMN } from "../domain/portfolio";
import { SIGNAL_IDS } from "../domain/signal-ids";
import { diffVersions, type SignalStatuses } from "../domain/versions";
import { recordEvent } from "./audit.server";
import { importedSignalFacts, refreshAssessmentSignals } from "./signal-store.server";
import { isVerified, type Viewer } from "./viewer.server";
import { FrozenAssessmentError, getAssessment, type AssessmentWithPractice } from "./assessment.server";
import { registerAnswers, registerQuestions } from "~/domain/register";
import { getQuestionnaire } from "./content.server";
import { getRegisterFacts } from "./register.server";

type Db = Kysely<Database> | Transaction<Database>;

function answersOf(rows: Array<{ question_id: string; value: string }>): Answers {
  const out: Answers = {};
  for (const r of rows) {
    const value = JSON.parse(r.value) as AnswerValue | null;
    if (value !== null) out[r.question_id] = value;
  }
  return out;
}

/**
 * What the viewer's organisation may already see of a practice's facts: the latest submitted
 * self-assessment shared with it by a live grant (only while it is verified, as getAssessment decides),
 * and its own import. An unverified organisation gets nothing from others.
 */
export async function findPrefillSources(db: Db, viewer: Viewer, practiceId: string) {
  const sources: { self?: { ref: SelfAssessmentRef; answers: Answers }; imported?: { ref: ImportRef; answers: Answers } } = {};
  if (isVerified(viewer)) {
    const shared = await db
      .selectFrom("assessment as a")
      .innerJoin("practice as p", "p.id", "a.practice_id")
      .select(["a.id", "a.version_no", "a.submitted_at", "p.name"])
      .where("a.practice_id", "=", practiceId)
      .where("a.perspective", "=", "zelfevaluatie")
      .where("a.status", "=", "ingediend")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("share as s")
            .select("s.id")
            .whereRef("s.assessment_id", "=", "a.id")
            .where("s.organisation_id", "=", viewer.organisationId)
            .where("s.revoked_at", "is", null),
        ),
      )
      // Read per request like every grant: a withdrawn verification closes it.
      .where((eb) => eb.exists(eb.selectFrom("organisation as reader").select("reader.id").where("reader.id", "=", viewer.organisationId).where("reader.verification", "=", "verified")))
      .orderBy("a.version_no", "desc")
      .orderBy("a.submitted_at", "desc")
      .executeTakeFirst();
    if (shared && shared.submitted_at) {
      const rows = await db.selectFrom("answer").select(["question_id", "value"]).where("assessment_id", "=", shared.id).execute();
      sources.self = {
        ref: { source: "self-assessment", assessmentId: shared.id, versionNo: shared.version_no, practiceName: shared.name, submittedAt: shared.submitted_at },
        answers: answersOf(rows),
      };
    }
  }
  const imported = await db
    .selectFrom("imported_facts as i")
    .innerJoin("facts_import as f", "f.id", "i.import_id")
    .select(["i.facts", "i.keten_id", "i.keten_name", "i.imported_at", "i.import_id", "f.source_date"])
    .where("i.organisation_id", "=", viewer.organisationId)
    .where("i.practice_id", "=", practiceId)
    .executeTakeFirst();
  if (imported) {
    sources.imported = {
      ref: { source: "import", importId: imported.import_id, importedAt: imported.imported_at, sourceDate: imported.source_date },
      answers: answersFromImportedFacts(importedSignalFacts(imported)),
    };
  }
  return sources;
}

/**
 * Fills a new assessment with the facts the viewer may see, inside the transaction that created it:
 * real answers (revision 1, the starting person as their author) with their origin, then its signals.
 */
export async function prefillAssessment(trx: Transaction<Database>, input: { assessmentId: string; practiceId: string; viewer: Viewer; questionnaire: Questionnaire }) {
  const entries = choosePrefill(input.questionnaire, await findPrefillSources(trx, input.viewer, input.practiceId));
  if (entries.length === 0) return 0;
  const now = new Date().toISOString();
  await trx
    .insertInto("answer")
    .values(
      entries.map((e) => ({
        assessment_id: input.assessmentId,
        question_id: e.questionId,
        value: JSON.stringify(e.value),
        revision: 1,
        updated_at: now,
        updated_by: input.viewer.personId,
        origin: JSON.stringify(e.origin),
      })),
    )
    .execute();
  // The trail names the questions and their sources, never the values.
  await recordEvent(trx, {
    viewer: input.viewer,
    at: now,
    action: "assessment.prefilled",
    subjectType: "assessment",
    subjectId: input.assessmentId,
    assessmentId: input.assessmentId,
    detail: { questions: entries.map((e) => ({ questionId: e.questionId, source: e.origin.source, ...(e.origin.source === "self-assessment" ? { from: e.origin.assessmentId } : { from: e.origin.importId }) })) },
  });
  await refreshAssessmentSignals(trx, input.assessmentId);
  return entries.length;
}

export interface AnswerMeta {
  origin: AnswerOrigin | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

/** The origins and confirmations of an assessment's answers (only answers that have one). */
export async function getAnswerMeta(assessmentId: string): Promise<Map<string, AnswerMeta>> {
  const db = await getDb();
  const rows = await db
    .selectFrom("answer")
    .leftJoin("person", "person.id", "answer.confirmed_by")
    .select(["answer.question_id", "answer.origin", "answer.confirmed_at", "person.name as confirmed_by_name"])
    .where("answer.assessment_id", "=", assessmentId)
    .where((eb) => eb.or([eb("answer.origin", "is not", null), eb("answer.confirmed_at", "is not", null)]))
    .execute();
  return new Map(rows.map((r) => [r.question_id, { origin: parseOrigin(r.origin), confirmedAt: r.confirmed_at, confirmedBy: r.confirmed_by_name ?? null }]));
}

export interface SectionConfirmation {
  confirmedAt: string;
  confirmedBy: string | null;
}

export async function getSectionConfirmations(assessmentId: string): Promise<Map<string, SectionConfirmation>> {
  const db = await getDb();
  const rows = await db
    .selectFrom("section_confirmation")
    .leftJoin("person", "person.id", "section_confirmation.confirmed_by")
    .select(["section_confirmation.section_id", "section_confirmation.confirmed_at", "person.name"])
    .where("section_confirmation.assessment_id", "=", assessmentId)
    .execute();
  return new Map(rows.map((r) => [r.section_id, { confirmedAt: r.confirmed_at, confirmedBy: r.name ?? null }]));
}

export type ConfirmResult = { ok: true; confirmedAt: string } | { ok: false; conflicts: AnswerConflict[] };

/**
 * Confirms answers as they stand: a whole section ("Klopt nog", `sectionId` given) or one prefilled
 * answer. `revisions` are what the person saw; an answer changed since (another person's newer answer)
 * makes it a conflict and nothing is confirmed: the person sees the newer answer and decides. Values and
 * revisions never change; a confirmation records who and when.
 */
export async function confirmAnswers(input: {
  assessment: { id: string };
  viewer: Viewer;
  questionIds: readonly string[];
  revisions: Record<string, number>;
  sectionId?: string;
}): Promise<ConfirmResult> {
  const db = await getDb();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("assessment").select("status").where("id", "=", input.assessment.id).executeTakeFirst();
    if (row?.status !== "concept") {
      throw new FrozenAssessmentError("a submitted assessment cannot change");
    }
    const ids = [...input.questionIds];
    const stored =
      ids.length === 0
        ? []
        : await trx
            .selectFrom("answer")
            .leftJoin("person", "person.id", "answer.updated_by")
            .select(["answer.question_id", "answer.value", "answer.revision", "answer.updated_at", "person.name"])
            .where("answer.assessment_id", "=", input.assessment.id)
            .where("answer.question_id", "in", ids)
            .execute();
    const byId = new Map(stored.map((s) => [s.question_id, s]));
    const conflicts: AnswerConflict[] = [];
    for (const id of ids) {
      const seen = input.revisions[id];
      if (seen === undefined) continue;
      const s = byId.get(id);
      if ((s?.revision ?? 0) !== seen) {
        conflicts.push({ questionId: id, theirs: s ? (JSON.parse(s.value) as AnswerValue | null) : null, revision: s?.revision ?? 0, by: s?.name ?? null, at: s?.updated_at ?? null });
      }
    }
    if (conflicts.length > 0) return { ok: false, conflicts };
    if (ids.length > 0) {
      await trx
        .updateTable("answer")
        .set({ confirmed_by: input.viewer.personId, confirmed_at: now })
        .where("assessment_id", "=", input.assessment.id)
        .where("question_id", "in", ids)
        .where("origin", "is not", null)
        .execute();
    }
    if (input.sectionId) {
      await trx
        .insertInto("section_confirmation")
        .values({ assessment_id: input.assessment.id, section_id: input.sectionId, confirmed_by: input.viewer.personId, confirmed_at: now })
        .onConflict((oc) => oc.columns(["assessment_id", "section_id"]).doUpdateSet({ confirmed_by: input.viewer.personId, confirmed_at: now }))
        .execute();
    }
    await recordEvent(trx, {
      viewer: input.viewer,
      at: now,
      action: input.sectionId ? "section.confirmed" : "answer.confirmed",
      subjectType: input.sectionId ? "section" : "answer",
      subjectId: input.sectionId ?? ids[0] ?? "",
      assessmentId: input.assessment.id,
      detail: { revisions: Object.fromEntries(ids.map((id) => [id, byId.get(id)?.revision ?? 0])) },
    });
    await trx.updateTable("assessment").set({ updated_at: now }).where("id", "=", input.assessment.id).execute();
    return { ok: true, confirmedAt: now };
  });
}

/** The questions of a section (all of them: a hidden one is confirmed as it stands too). */
export const sectionQuestionIds = (section: Section) => section.questions.map((q) => q.id);

/** A version's answers and signal statuses, for a comparison. */
async function versionState(db: Db, assessmentId: string): Promise<{ answers: Answers; signals: SignalStatuses }> {
  const [rows, a] = await Promise.all([
    db.selectFrom("answer").select(["question_id", "value"]).where("assessment_id", "=", assessmentId).execute(),
    db.selectFrom("assessment").selectAll().where("id", "=", assessmentId).executeTakeFirstOrThrow(),
  ]);
  // A concept's register facts are the register's now (a submitted version keeps its snapshot), as its pages show them.
  const answers = answersOf(rows);
  if (a.status === "concept") {
    const questions = registerQuestions(getQuestionnaire(a.content_version).sections);
    Object.assign(answers, registerAnswers(questions, await getRegisterFacts(db, a.practice_id)));
  }
  return { answers, signals: Object.fromEntries(SIGNAL_IDS.map((id) => [id, a[SIGNAL_COLUMN[id]] ?? null])) as SignalStatuses };
}

/**
 * The latest earlier version of the same line (practice, author, perspective) the viewer may see, with
 * its answers and signals; null when none. Authorization by getAssessment, so a grantee of version 3
 * learns nothing of an unshared version 2: its "previous version" is the one shared before.
 */
export async function previousVisibleVersion(
  assessment: Pick<AssessmentWithPractice, "practice_id" | "author_org_id" | "perspective" | "version_no">,
  viewer: Viewer,
) {
  const db = await getDb();
  const earlier = await db
    .selectFrom("assessment")
    .select("id")
    .where("practice_id", "=", assessment.practice_id)
    .where("author_org_id", "=", assessment.author_org_id)
    .where("perspective", "=", assessment.perspective)
    .where("version_no", "<", assessment.version_no)
    .orderBy("version_no", "desc")
    .execute();
  for (const { id } of earlier) {
    const previous = await getAssessment({ id, viewerOrgId: viewer.organisationId, viewerRole: viewer.role });
    if (previous) return { assessment: previous, ...(await versionState(db, previous.id)) };
  }
  return null;
}

/** Two versions the viewer may both see, of the same line (practice, author, perspective), or null. */
export async function compareVersions(input: { id: string; withId: string; viewer: Viewer; questionnaire: Questionnaire }) {
  const load = (id: string) => getAssessment({ id, viewerOrgId: input.viewer.organisationId, viewerRole: input.viewer.role });
  const [a, b] = await Promise.all([load(input.id), load(input.withId)]);
  if (!a || !b || a.id === b.id) return null;
  if (a.practice_id !== b.practice_id || a.author_org_id !== b.author_org_id || a.perspective !== b.perspective) return null;
  // The earlier version on the left, whichever was asked first.
  const [older, newer] = a.version_no <= b.version_no ? [a, b] : [b, a];
  const db = await getDb();
  const [before, after] = await Promise.all([versionState(db, older.id), versionState(db, newer.id)]);
  return { older, newer, diff: diffVersions(input.questionnaire, before, after) };
}
