/**
 * Two versions of the same assessment line side by side (issue 13, "next year in five minutes"): which
 * answers changed since the previous version, and which signals. Pure: the model loads both versions.
 */
import type { Answers, AnswerValue } from "./answers";
import type { Questionnaire } from "./content/questionnaire";
import { SIGNAL_IDS, type SignalId } from "./signal-ids";
import type { SignalStatus } from "./signals";
import { sameAnswer } from "./prefill";

export type ChangeKind = "changed" | "added" | "removed";

export interface AnswerRow {
  questionId: string;
  sectionId: string;
  before: AnswerValue | null;
  after: AnswerValue | null;
  /** null: the same on both sides. */
  change: ChangeKind | null;
}

export interface SignalRow {
  id: SignalId;
  before: SignalStatus | null;
  after: SignalStatus | null;
  changed: boolean;
}

export interface VersionDiff {
  answers: AnswerRow[];
  signals: SignalRow[];
  /** Answers and signals that differ. */
  differences: number;
}

function changeOf(before: AnswerValue | null, after: AnswerValue | null): ChangeKind | null {
  if (sameAnswer(before, after)) return null;
  if (before === null) return "added";
  if (after === null) return "removed";
  return "changed";
}

/** Every question of the questionnaire, in its order, with both answers and what changed. */
export function diffAnswers(questionnaire: Questionnaire, before: Answers, after: Answers): AnswerRow[] {
  return questionnaire.sections.flatMap((section) =>
    section.questions.map((q) => {
      const b = before[q.id] ?? null;
      const a = after[q.id] ?? null;
      return { questionId: q.id, sectionId: section.id, before: b, after: a, change: changeOf(b, a) };
    }),
  );
}

/** Only the answers that changed, by question id: what the section page and the report mark. */
export function changedSince(questionnaire: Questionnaire, before: Answers, after: Answers): Map<string, AnswerRow> {
  return new Map(diffAnswers(questionnaire, before, after).filter((r) => r.change !== null).map((r) => [r.questionId, r]));
}

export type SignalStatuses = Partial<Record<SignalId, SignalStatus | null>>;

export function diffSignals(before: SignalStatuses, after: SignalStatuses): SignalRow[] {
  return SIGNAL_IDS.map((id) => {
    const b = before[id] ?? null;
    const a = after[id] ?? null;
    return { id, before: b, after: a, changed: b !== a };
  });
}

export function diffVersions(questionnaire: Questionnaire, before: { answers: Answers; signals: SignalStatuses }, after: { answers: Answers; signals: SignalStatuses }): VersionDiff {
  const answers = diffAnswers(questionnaire, before.answers, after.answers);
  const signals = diffSignals(before.signals, after.signals);
  return { answers, signals, differences: answers.filter((r) => r.change !== null).length + signals.filter((s) => s.changed).length };
}
