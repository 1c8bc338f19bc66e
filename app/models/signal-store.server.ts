/**
 * The stored signals of every source a portfolio reads: an assessment's are recomputed inside the
 * transaction that saves its answers (never stale), an imported row's when it is imported. They are
 * columns (db/schema.ts SignalColumns), read with plain SQL by views over many practices.
 * The live pages still evaluate the engine themselves; these columns are for filtering and counting.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, SignalColumns } from "../../db/schema";
import { SIGNAL_COLUMN } from "../domain/portfolio";
import type { AnswerValue, Answers } from "../domain/answers";
import { SIGNAL_IDS } from "../domain/content/schema";
import { getQuestionnaire } from "../domain/content/load.server";
import { factsFromAnswers, signalFactsFromPractice } from "../domain/facts";
import type { SignalResults } from "../domain/signals";
import { evaluateSignals } from "../domain/signals";
import { refreshPortfoliosOfAssessment } from "./portfolio.server";

export { SIGNAL_COLUMN };

type Db = Kysely<Database> | Transaction<Database>;

/** The engine's results as the columns store them. */
export function signalColumns(results: SignalResults): SignalColumns {
  const figure = results["patients-per-fte"].figure;
  const columns = {
    patients_per_fte: figure && !figure.infinite ? figure.value : null,
    signal_count: SIGNAL_IDS.filter((id) => results[id].status === "signal").length,
  } as SignalColumns;
  for (const id of SIGNAL_IDS) columns[SIGNAL_COLUMN[id]] = results[id].status;
  return columns;
}

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
  await db
    .updateTable("assessment")
    .set({ ...signalColumns(results), signals_at: new Date().toISOString() })
    .where("id", "=", assessmentId)
    .execute();
  // The portfolios that show this assessment change in the same transaction.
  await refreshPortfoliosOfAssessment(db, assessmentId);
}

/** Assessments whose signals were never computed (made before the columns existed, or seeded directly) get them. */
export async function backfillAssessmentSignals(db: Kysely<Database>) {
  const missing = await db.selectFrom("assessment").select("id").where("signals_at", "is", null).execute();
  for (let i = 0; i < missing.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      for (const { id } of missing.slice(i, i + 500)) await refreshAssessmentSignals(trx, id);
    });
  }
  return missing.length;
}
