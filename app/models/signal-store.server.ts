/**
 * The stored signals of every source a portfolio reads: an assessment's are recomputed inside the
 * transaction that saves its answers (never stale), an imported row's when it is imported. They are
 * columns (db/schema.ts SignalColumns), read with plain SQL by views over many practices, beside the
 * results themselves as JSON with the rules version that computed them (issue 12).
 *
 * Which rules compute them: a concept follows the rules in force (parameters.yaml `rulesVersion`) and
 * is recomputed at start-up when they change; a submitted version and a confirmed import keep the
 * results of the version that computed them, never re-evaluated silently.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, SignalColumns, StoredSignalResults } from "../../db/schema";
import { SIGNAL_COLUMN } from "../domain/portfolio";
import type { AnswerValue, Answers } from "../domain/answers";
import { SIGNAL_IDS } from "../domain/content/schema";
import { getQuestionnaire } from "~/models/content.server";
import { factsFromAnswers, signalFactsFromPractice } from "../domain/facts";
import { evaluateSignals, isRulesVersion, normaliseFacts, type RulesVersion, type SignalFacts, type SignalFactsV1, type SignalResults, type StoredSignals } from "../domain/signals";
import { refreshPortfoliosOfAssessment } from "./portfolio.server";

export { SIGNAL_COLUMN };

type Db = Kysely<Database> | Transaction<Database>;

/** The engine's results as the columns store them. */
export function signalColumns(results: SignalResults): SignalColumns {
  const figure = results["patients-per-fte"].figure;
  const columns = {
    patients_per_fte: figure?.name === "patientsPerFte" && !figure.infinite ? figure.value : null,
    signal_count: SIGNAL_IDS.filter((id) => results[id].status === "signal").length,
  } as SignalColumns;
  for (const id of SIGNAL_IDS) columns[SIGNAL_COLUMN[id]] = results[id].status;
  return columns;
}

/** The columns and the results as computed, with the version that computed them. */
export function storedSignalColumns(results: SignalResults, version: RulesVersion): SignalColumns & StoredSignalResults {
  return { ...signalColumns(results), signals_rules_version: version, signal_results: JSON.stringify(results) };
}

/** The stored results of a row, or null when it has none (not yet computed, or stored before issue 12 and not yet filled in). */
export function readStoredSignals(row: Pick<StoredSignalResults, "signals_rules_version" | "signal_results">): StoredSignals | null {
  if (row.signal_results === null || !isRulesVersion(row.signals_rules_version)) return null;
  return { rulesVersion: row.signals_rules_version, results: JSON.parse(row.signal_results) as SignalResults };
}

/** The rules version in force for an assessment pinned to a content version. */
export const rulesInForce = (contentVersion: number): RulesVersion => getQuestionnaire(contentVersion).parameters.rulesVersion;

/** An assessment's answers and its practice's place in the keten register, as facts for the engine. */
export async function assessmentSignalFacts(db: Db, assessmentId: string) {
  const assessment = await db
    .selectFrom("assessment")
    .innerJoin("practice", "practice.id", "assessment.practice_id")
    .select(["assessment.content_version", "assessment.status", "practice.keten_id"])
    .where("assessment.id", "=", assessmentId)
    .executeTakeFirst();
  if (!assessment) return undefined;
  const rows = await db.selectFrom("answer").select(["question_id", "value"]).where("assessment_id", "=", assessmentId).execute();
  const answers: Answers = {};
  for (const row of rows) {
    const value = JSON.parse(row.value) as AnswerValue | null;
    if (value !== null) answers[row.question_id] = value;
  }
  const facts = signalFactsFromPractice(factsFromAnswers(answers), { ketenMember: assessment.keten_id !== null });
  return { ...assessment, facts };
}

/**
 * Recomputes an assessment's stored signals with the rules in force (or the given version, to fill in
 * the results of a row stored before they were kept), and the portfolios that show it.
 */
export async function refreshAssessmentSignals(db: Db, assessmentId: string, version?: RulesVersion) {
  const found = await assessmentSignalFacts(db, assessmentId);
  if (!found) return;
  const parameters = getQuestionnaire(found.content_version).parameters;
  const rules = version ?? parameters.rulesVersion;
  const results = evaluateSignals(found.facts, parameters, rules);
  await db
    .updateTable("assessment")
    .set({ ...storedSignalColumns(results, rules), signals_at: new Date().toISOString() })
    .where("id", "=", assessmentId)
    .execute();
  // The portfolios that show this assessment change in the same transaction.
  await refreshPortfoliosOfAssessment(db, assessmentId);
}

/** The facts of an imported row as the rules read them: an import stored by rules v1 lacks the later fields. */
export function importedSignalFacts(row: { facts: string; keten_id: string | null; keten_name: string | null }): SignalFacts {
  return normaliseFacts(JSON.parse(row.facts) as SignalFactsV1 & Partial<SignalFacts>, { ketenOrHolding: row.keten_id || row.keten_name ? "ja" : undefined });
}

/**
 * At start-up (and in the bench): every assessment gets stored signals as its status asks.
 * - never computed (made before the columns existed, or seeded directly): the rules in force;
 * - a concept computed by other rules than those in force: recomputed (concepts follow the rules);
 * - a submitted version stored before the results were kept: its results filled in by the version
 *   that computed its columns (v1's frozen engine gives exactly what it gave then), never the new one.
 * Confirmed imports stored before the results were kept get theirs the same way. Returns how many
 * assessments were computed.
 */
export async function backfillAssessmentSignals(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("assessment")
    .select(["id", "status", "content_version", "signals_at", "signals_rules_version", (eb) => eb("signal_results", "is", null).as("no_results")])
    .execute();
  const work: Array<{ id: string; version?: RulesVersion }> = [];
  for (const row of rows) {
    const inForce = rulesInForce(row.content_version);
    const stored = isRulesVersion(row.signals_rules_version) ? row.signals_rules_version : null;
    if (row.signals_at === null || stored === null) work.push({ id: row.id });
    else if (row.status === "concept" && (stored !== inForce || Boolean(row.no_results))) work.push({ id: row.id });
    else if (row.no_results) work.push({ id: row.id, version: stored });
  }
  for (let i = 0; i < work.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      for (const { id, version } of work.slice(i, i + 500)) await refreshAssessmentSignals(trx, id, version);
    });
  }
  await backfillImportedResults(db);
  return work.length;
}

/** Imported rows stored before their results were kept: the results of the version that computed them. */
async function backfillImportedResults(db: Kysely<Database>) {
  const { getCurrentQuestionnaire } = await import("~/models/content.server");
  const parameters = getCurrentQuestionnaire().parameters;
  for (;;) {
    const rows = await db
      .selectFrom("imported_facts")
      .select(["id", "facts", "keten_id", "keten_name", "signals_rules_version"])
      .where("signal_results", "is", null)
      .limit(500)
      .execute();
    if (rows.length === 0) return;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const version = isRulesVersion(row.signals_rules_version) ? row.signals_rules_version : parameters.rulesVersion;
        const results = evaluateSignals(importedSignalFacts(row), parameters, version);
        await trx.updateTable("imported_facts").set(storedSignalColumns(results, version)).where("id", "=", row.id).execute();
      }
    });
  }
}
