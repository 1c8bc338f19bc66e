/**
 * A practice's self-assessment beside an organisation's own assessment of it, question by question
 * (issue 5, "Comparison"). A difference is a signal whose status differs, or a question answered on both
 * sides with answers that disagree; a question answered on one side only is open, not a difference of
 * view. `differencesOf` is that one definition: the comparison counts it and the conversation guide makes
 * a topic of each, so the two always give the same number for the same pair.
 */
import { isDeepStrictEqual } from "node:util";
import type { TFunction } from "i18next";
import { isStatementValue, type AnswerValue } from "~/domain/answers";
import type { Perspective, Question, SignalId } from "~/domain/content/schema";
import type { SignalStatus } from "~/domain/signals";
import type { Lng } from "~/i18n";
import { textFor } from "~/utils/content-text";
import { formatAnswer } from "~/utils/format-answer";
import type { AssessmentSource } from "./practice-workspace.server";

export type CompareState = "same" | "differs" | "open";

export interface ComparedQuestion {
  questionId: string;
  sectionId: string;
  text: string;
  kernpunten: string[];
  self: string;
  own: string;
  state: CompareState;
  /** The question's own dialogue prompt, when content has one. */
  dialogue: string | null;
}

export interface ComparedSignal {
  id: SignalId;
  title: string;
  self: { status: SignalStatus; label: string; figure: string | null };
  own: { status: SignalStatus; label: string; figure: string | null };
  differs: boolean;
}

export interface Comparison {
  sections: Array<{ id: string; title: string; questions: ComparedQuestion[] }>;
  signals: ComparedSignal[];
  /** How many differences `differencesOf` finds, in all and by kind. */
  differences: { total: number; signals: number; questions: number };
  open: number;
}

/** The differences between the two sides: signals whose status differs, then questions answered differently. */
export function differencesOf(c: Pick<Comparison, "signals" | "sections">) {
  return {
    signals: c.signals.filter((s) => s.differs),
    questions: c.sections.flatMap((section) => section.questions.filter((q) => q.state === "differs").map((question) => ({ section, question }))),
  };
}

/** Statements are compared on their choice: a different toelichting is context, not a different view. */
function comparable(question: Question, value: AnswerValue | undefined) {
  if (value === undefined) return undefined;
  if (question.type === "statement" && isStatementValue(value)) return value.choice;
  return value;
}

export function compareAssessments(self: AssessmentSource, own: AssessmentSource, t: TFunction, lng: Lng, wording: Perspective): Comparison {
  const q = own.ctx.questionnaire;
  const shown = (source: AssessmentSource) => new Set(source.ctx.states.flatMap((s) => s.visible.map((question) => question.id)));
  const selfShown = shown(self);
  const ownShown = shown(own);
  let open = 0;
  const sections = q.sections.map((section) => ({
    id: section.id,
    title: section.title[lng],
    questions: section.questions
      .filter((question) => selfShown.has(question.id) || ownShown.has(question.id))
      .map((question): ComparedQuestion => {
        const a = comparable(question, self.ctx.answers[question.id]);
        const b = comparable(question, own.ctx.answers[question.id]);
        const state: CompareState = a === undefined || b === undefined ? (a === b ? "same" : "open") : isDeepStrictEqual(a, b) ? "same" : "differs";
        if (state === "open") open++;
        return {
          questionId: question.id,
          sectionId: section.id,
          text: textFor(question.text, lng, wording),
          kernpunten: question.kernpunten,
          self: formatAnswer(question, self.ctx.answers[question.id] ?? null, t, lng),
          own: formatAnswer(question, own.ctx.answers[question.id] ?? null, t, lng),
          state,
          dialogue: question.type === "statement" && question.dialogue ? textFor(question.dialogue, lng, wording) : null,
        };
      }),
  }));
  const signals = self.report.signals.map((s): ComparedSignal => {
    const o = own.report.signals.find((x) => x.id === s.id)!;
    return {
      id: s.id,
      title: s.title,
      self: { status: s.status, label: s.statusLabel, figure: s.figure },
      own: { status: o.status, label: o.statusLabel, figure: o.figure },
      differs: s.status !== o.status,
    };
  });
  const shownSections = sections.filter((s) => s.questions.length > 0);
  const found = differencesOf({ signals, sections: shownSections });
  const differences = { total: found.signals.length + found.questions.length, signals: found.signals.length, questions: found.questions.length };
  return { sections: shownSections, signals, differences, open };
}
