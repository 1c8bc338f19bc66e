/**
 * The stored signals of each assessment: recomputed inside the transaction that saves its answers, so
 * they are never stale, and read with plain SQL by views over many practices (portfolio, keten).
 * The live pages still evaluate the engine themselves; this table is for filtering and counting.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { AnswerValue, Answers } from "../domain/answers";
import { getQuestionnaire } from "../domain/content/load.server";
import { factsFromAnswers, signalFactsFromPractice } from "../domain/facts";
import { evaluateSignals } from "../domain/signals";

type Db = Kysely<Database> | Transaction<Database>;

export async function refreshAssessmentSignals(db: Db, assessmentId: string) {
  const assessment = await db.selectFrom("assessment").select("content_version").where("id", "=", assessmentId).executeTakeFirst();
  if (!assessment) return;
  const rows = await db.selectFrom("answer").select(["question_id", "value"]).where("assessment_id", "=", assessmentId).execute();
  const answers: Answers = {};
  for (const row of rows) {
    const value = JSON.parse(row.value) as AnswerValue | null;
    if (value !== null) answers[row.question_id] = value;
  }
  const results = evaluateSignals(signalFactsFromPractice(factsFromAnswers(answers)), getQuestionnaire(assessment.content_version).parameters);
  const now = new Date().toISOString();
  for (const result of Object.values(results)) {
    const figure = result.figure && !result.figure.infinite ? result.figure.value : null;
    await db
      .insertInto("assessment_signal")
      .values({ assessment_id: assessmentId, signal_id: result.id, status: result.status, figure, updated_at: now })
      .onConflict((oc) => oc.columns(["assessment_id", "signal_id"]).doUpdateSet({ status: result.status, figure, updated_at: now }))
      .execute();
  }
}

/** Assessments without stored signals (made before the table existed, or seeded directly) get them. */
export async function backfillAssessmentSignals(db: Kysely<Database>) {
  const missing = await db
    .selectFrom("assessment")
    .select("assessment.id")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("assessment_signal").select("assessment_signal.assessment_id").whereRef("assessment_signal.assessment_id", "=", "assessment.id"))))
    .execute();
  for (let i = 0; i < missing.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      for (const { id } of missing.slice(i, i + 500)) await refreshAssessmentSignals(trx, id);
    });
  }
  return missing.length;
}

/** Per signal, how many of the given assessments have each status: the counts a portfolio column shows. */
export async function countSignals(db: Db, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom("assessment_signal")
    .select(["signal_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("assessment_id", "in", assessmentIds)
    .groupBy(["signal_id", "status"])
    .execute();
}
