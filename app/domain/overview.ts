/**
 * The kernwaarden overview: per kernpunt a status from the statements that serve it. Facts that serve
 * a kernpunt are evidence beside it, not a status. The signals (a separate engine) come beside this.
 */
import type { Kernwaarde, LocalizedText, StatementQuestion } from "./content/schema";
import type { Questionnaire } from "./content/questionnaire";
import { isStatementValue, type Answers, type StatementValue } from "./answers";
import { evaluate } from "./conditions";
import { contextFor, isShown } from "./walk";

export const KERNPUNT_STATUSES = ["geborgd", "deels", "niet", "onbekend", "nvt"] as const;
export type KernpuntStatus = (typeof KERNPUNT_STATUSES)[number];

export interface StatementOutcome {
  question: StatementQuestion;
  status: KernpuntStatus;
  answer: StatementValue | null;
  shown: boolean;
  autoReason: LocalizedText | null;
}

export interface KernpuntOutcome {
  id: string;
  kernwaarde: Kernwaarde;
  status: KernpuntStatus;
  statements: StatementOutcome[];
}

/** The worst status wins; niet van toepassing only when every statement is. */
const SEVERITY: KernpuntStatus[] = ["niet", "deels", "onbekend", "geborgd"];

const FROM_CHOICE = { ja: "geborgd", deels: "deels", nee: "niet", "weet-niet": "onbekend" } as const;

export function kernpuntOverview(questionnaire: Questionnaire, answers: Answers): KernpuntOutcome[] {
  const ctx = contextFor(questionnaire, answers);
  const outcomes: KernpuntOutcome[] = [];
  for (const [id, kernpunt] of questionnaire.kernpuntById) {
    const statements = (questionnaire.questionsByKernpunt.get(id) ?? [])
      .filter((q): q is StatementQuestion => q.type === "statement")
      .map((question): StatementOutcome => {
        const shown = isShown(question, ctx);
        const value = answers[question.id];
        const answer = shown && isStatementValue(value) ? value : null;
        if (!shown) {
          const auto = question.autoStatus.find((a) => evaluate(a.when, ctx));
          return { question, shown, answer, status: auto?.status ?? question.whenHidden, autoReason: auto?.reason ?? null };
        }
        return { question, shown, answer, status: answer ? FROM_CHOICE[answer.choice] : "onbekend", autoReason: null };
      });
    const applicable = statements.filter((s) => s.status !== "nvt");
    const status: KernpuntStatus =
      statements.length === 0
        ? "onbekend"
        : applicable.length === 0
          ? "nvt"
          : SEVERITY.find((level) => applicable.some((s) => s.status === level))!;
    outcomes.push({ id, kernwaarde: kernpunt.kernwaarde, status, statements });
  }
  return outcomes;
}

/** Statements answered "weet niet": topics to clarify, never silently fine. */
export function openTopics(outcomes: KernpuntOutcome[]) {
  const seen = new Set<string>();
  const topics: StatementOutcome[] = [];
  for (const outcome of outcomes) {
    for (const s of outcome.statements) {
      if (s.answer?.choice === "weet-niet" && !seen.has(s.question.id)) {
        seen.add(s.question.id);
        topics.push(s);
      }
    }
  }
  return topics;
}
