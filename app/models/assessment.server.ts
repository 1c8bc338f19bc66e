/**
 * Assessments and their answers. Every answer is stored as it is given, one row per question with a
 * revision; a save that saw an older revision than the stored one never overwrites it.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Kysely, Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Assessment, Database, Perspective } from "../../db/schema";
import type { AnswerConflict, AnswerValue, Answers } from "../domain/answers";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { recordEvent } from "./audit.server";
import { refreshAssessmentSignals } from "./signal-store.server";
import type { Viewer } from "./viewer.server";

/** The concept the organisation is writing about a practice from a perspective, if any. */
export function findConcept(db: Kysely<Database> | Transaction<Database>, practiceId: string, authorOrgId: string, perspective: Perspective) {
  return db
    .selectFrom("assessment")
    .select("id")
    .where("practice_id", "=", practiceId)
    .where("author_org_id", "=", authorOrgId)
    .where("perspective", "=", perspective)
    .where("status", "=", "concept")
    .executeTakeFirst();
}

/** A new concept version, audited. Version 1 is pinned to the current content; later ones keep theirs. */
export async function insertAssessment(
  trx: Transaction<Database>,
  input: { practiceId: string; viewer: Viewer; perspective: Perspective; versionNo?: number; previousId?: string; contentVersion?: number },
) {
  const now = new Date().toISOString();
  const id = randomUUID();
  await trx
    .insertInto("assessment")
    .values({
      id,
      practice_id: input.practiceId,
      author_org_id: input.viewer.organisationId,
      perspective: input.perspective,
      content_version: input.contentVersion ?? getCurrentQuestionnaire().version,
      status: "concept",
      version_no: input.versionNo ?? 1,
      previous_id: input.previousId ?? null,
      created_by: input.viewer.personId,
      created_at: now,
      updated_at: now,
      submitted_at: null,
    })
    .execute();
  await recordEvent(trx, {
    viewer: input.viewer,
    at: now,
    action: input.previousId ? "assessment.new-version" : "assessment.started",
    subjectType: "assessment",
    subjectId: id,
    assessmentId: id,
    detail: { perspective: input.perspective, from: input.previousId ?? null },
  });
  // Signals of what is there (nothing yet: unknown), and the portfolios that now show it.
  await refreshAssessmentSignals(trx, id);
  return id;
}

/** How the viewer's organisation came to see an assessment. Only the author may change it. */
export type Access = "author" | "shared" | "keten";

export type AssessmentWithPractice = Assessment & {
  practice_name: string;
  practice_agb: string | null;
  practice_org_id: string | null;
  /** The keten the practice belongs to in the register (the signal rules read it). */
  practice_keten_id: string | null;
  /** The standing of the organisation that speaks for the practice (null: none), for the "geverifieerd" mark. */
  practice_verification: string | null;
  access: Access;
};

/**
 * Authorization in the query: an assessment matches only for its author, an organisation holding a
 * live (unrevoked) grant, or the beheerder of the keten the practice belongs to (its self-assessments).
 * A grant and a keten count only while the reading organisation is verified (read here, per request:
 * a withdrawal closes them at once). Anything else matches nothing, so the route answers 404.
 */
export async function getAssessment({ id, viewerOrgId, viewerRole }: { id: string; viewerOrgId: string; viewerRole?: string }) {
  const db = await getDb();
  return db
    .selectFrom("assessment")
    .innerJoin("practice", "practice.id", "assessment.practice_id")
    .leftJoin("organisation as po", "po.id", "practice.organisation_id")
    .selectAll("assessment")
    .select(["practice.name as practice_name", "practice.agb as practice_agb", "practice.organisation_id as practice_org_id", "practice.keten_id as practice_keten_id", "po.verification as practice_verification"])
    .select((eb) => {
      const granted = eb.exists(
        eb
          .selectFrom("share")
          .select("share.id")
          .whereRef("share.assessment_id", "=", "assessment.id")
          .where("share.organisation_id", "=", viewerOrgId)
          .where("share.revoked_at", "is", null),
      );
      return eb
        .case()
        .when("assessment.author_org_id", "=", viewerOrgId)
        .then("author")
        .when(granted)
        .then("shared")
        .else("keten")
        .end()
        .as("access");
    })
    .where("assessment.id", "=", id)
    .where((eb) => {
      const readerVerified = eb.exists(eb.selectFrom("organisation as reader").select("reader.id").where("reader.id", "=", viewerOrgId).where("reader.verification", "=", "verified"));
      return eb.or([
        eb("assessment.author_org_id", "=", viewerOrgId),
        eb.and([
          readerVerified,
          eb.or([
            eb.exists(
              eb
                .selectFrom("share")
                .select("share.id")
                .whereRef("share.assessment_id", "=", "assessment.id")
                .where("share.organisation_id", "=", viewerOrgId)
                .where("share.revoked_at", "is", null),
            ),
            ...(viewerRole === "beheerder" ? [eb.and([eb("assessment.perspective", "=", "zelfevaluatie"), eb("practice.keten_id", "=", viewerOrgId)])] : []),
          ]),
        ]),
      ]);
    })
    .executeTakeFirst() as Promise<AssessmentWithPractice | undefined>;
}

export async function listAssessmentsForOrg({ viewerOrgId }: { viewerOrgId: string }) {
  const db = await getDb();
  return db
    .selectFrom("assessment")
    .innerJoin("practice", "practice.id", "assessment.practice_id")
    .select([
      "assessment.id",
      "assessment.practice_id",
      "assessment.perspective",
      "assessment.status",
      "assessment.version_no",
      "assessment.content_version",
      "assessment.updated_at",
      "practice.name as practice_name",
    ])
    .where("assessment.author_org_id", "=", viewerOrgId)
    .orderBy("assessment.updated_at", "desc")
    .limit(100)
    .execute();
}

/** The perspective an organisation writes from: a practice about itself, the others about a practice. */
export const PERSPECTIVE_OF_KIND: Record<Viewer["organisationKind"], Perspective> = {
  praktijk: "zelfevaluatie",
  keten: "zelfevaluatie",
  zorgverzekeraar: "beoordeling",
  toezichthouder: "toezicht",
  huisarts: "afweging",
};

/** Views by other organisations (a grant, the keten) go into the practice's audit trail. */
export async function recordView(assessment: AssessmentWithPractice, viewer: Viewer, page: string) {
  if (assessment.access === "author") return;
  const db = await getDb();
  await recordEvent(db, { viewer, action: "assessment.viewed", subjectType: "assessment", subjectId: assessment.id, assessmentId: assessment.id, detail: { page, access: assessment.access } });
}

export interface StoredAnswer {
  /** null: the answer was cleared; the row stays so its revision keeps counting. */
  value: AnswerValue | null;
  revision: number;
  updatedAt: string;
}

export async function getAnswers(assessmentId: string): Promise<Map<string, StoredAnswer>> {
  const db = await getDb();
  const rows = await db
    .selectFrom("answer")
    .select(["question_id", "value", "revision", "updated_at"])
    .where("assessment_id", "=", assessmentId)
    .execute();
  return new Map(
    rows.map((r) => [r.question_id, { value: JSON.parse(r.value) as AnswerValue | null, revision: r.revision, updatedAt: r.updated_at }]),
  );
}

export function answerValues(stored: Map<string, StoredAnswer>): Answers {
  return Object.fromEntries([...stored].filter(([, a]) => a.value !== null).map(([id, a]) => [id, a.value as AnswerValue]));
}

export interface SaveEntry {
  questionId: string;
  /** null clears the answer. */
  value: AnswerValue | null;
  /** The revision the person saw when they gave this answer (0: no answer yet). */
  seenRevision: number;
  /**
   * The person was shown another answer (at seenRevision) and chose to keep theirs: the save goes
   * ahead on that revision and the audit trail records the other answer as overruled.
   */
  overrule?: boolean;
}

/** A save refused because someone else changed the answer since the person saw it. */
export type Conflict = AnswerConflict;

export interface SaveResult {
  /** The stored revision of every entry that did not conflict (saved or unchanged). */
  revisions: Record<string, number>;
  changed: string[];
  conflicts: Conflict[];
  savedAt: string;
}

export class FrozenAssessmentError extends Error {}

/** Saves a set of answers in one transaction: all of them or none. */
export async function saveAnswers({
  assessment,
  viewer,
  entries,
}: {
  assessment: Pick<Assessment, "id" | "status">;
  viewer: Viewer;
  entries: SaveEntry[];
}): Promise<SaveResult> {
  const db = await getDb();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    // The status is read inside the transaction: a version submitted a moment ago is frozen now.
    const row = await trx.selectFrom("assessment").select("status").where("id", "=", assessment.id).executeTakeFirst();
    if (row?.status !== "concept") throw new FrozenAssessmentError("a submitted assessment cannot change");
    const ids = entries.map((e) => e.questionId);
    const current = new Map(
      ids.length === 0
        ? []
        : (
            await trx
              .selectFrom("answer")
              .leftJoin("person", "person.id", "answer.updated_by")
              .select(["answer.question_id", "answer.value", "answer.revision", "answer.updated_at", "answer.updated_by", "person.name as updated_by_name"])
              .where("answer.assessment_id", "=", assessment.id)
              .where("answer.question_id", "in", ids)
              .execute()
          ).map((r) => [r.question_id, { ...r, value: JSON.parse(r.value) as AnswerValue | null }]),
    );
    const result: SaveResult = { revisions: {}, changed: [], conflicts: [], savedAt: now };
    for (const entry of entries) {
      const stored = current.get(entry.questionId);
      const storedRevision = stored?.revision ?? 0;
      const same = isDeepStrictEqual(stored?.value ?? null, entry.value);
      if (same) {
        result.revisions[entry.questionId] = storedRevision;
        continue;
      }
      if (storedRevision !== entry.seenRevision) {
        // Not applied, and its revision is not handed out: only an explicit choice may build on it.
        result.conflicts.push({
          questionId: entry.questionId,
          theirs: stored?.value ?? null,
          revision: storedRevision,
          by: stored?.updated_by_name ?? null,
          at: stored?.updated_at ?? null,
        });
        continue;
      }
      const revision = storedRevision + 1;
      {
        // A cleared answer is stored as null, not deleted, so the next answer is not mistaken for a conflict.
        const value = JSON.stringify(entry.value);
        await trx
          .insertInto("answer")
          .values({ assessment_id: assessment.id, question_id: entry.questionId, value, revision, updated_at: now, updated_by: viewer.personId })
          // A changed answer is the person's own: its prefill origin and any confirmation go (issue 13).
          .onConflict((oc) =>
            oc.columns(["assessment_id", "question_id"]).doUpdateSet({ value, revision, updated_at: now, updated_by: viewer.personId, origin: null, confirmed_by: null, confirmed_at: null }),
          )
          .execute();
      }
      const overruled = entry.overrule && stored && stored.updated_by !== viewer.personId;
      await recordEvent(trx, {
        viewer,
        at: now,
        action: overruled ? "answer.conflict-overruled" : entry.value === null ? "answer.cleared" : "answer.changed",
        subjectType: "answer",
        subjectId: entry.questionId,
        assessmentId: assessment.id,
        detail: {
          revision,
          from: stored?.value ?? null,
          to: entry.value,
          ...(overruled ? { overruled: { personId: stored.updated_by, at: stored.updated_at, revision: storedRevision } } : {}),
        },
      });
      result.revisions[entry.questionId] = revision;
      result.changed.push(entry.questionId);
    }
    if (result.changed.length > 0) {
      await trx.updateTable("assessment").set({ updated_at: now }).where("id", "=", assessment.id).execute();
      // The stored signals change in the same transaction as the answers: never one without the other.
      await refreshAssessmentSignals(trx, assessment.id);
    }
    return result;
  });
}

/** The section of the answer saved last: where a person left off. */
export async function lastAnsweredQuestion(assessmentId: string) {
  const db = await getDb();
  const row = await db
    .selectFrom("answer")
    .select("question_id")
    .where("assessment_id", "=", assessmentId)
    .where("value", "!=", "null")
    .orderBy("updated_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.question_id ?? null;
}
