/**
 * Start from what is known (issue 13): a supervisor's own assessment starts with the facts it may
 * already see, each answer marked with where it came from, to confirm or change. Pure: the model
 * finds the sources the viewer may see; this module decides what is taken from which.
 *
 * Facts and statements are told apart by the content itself: a `statement` (ja / deels / nee / weet
 * niet on a kernpunt) is the assessor's own view and always starts empty; every other question type
 * (text, number, choice, weekdays, list, grid) asks a fact about the practice.
 */
import type { Answers, AnswerValue } from "./answers";
import type { Questionnaire } from "./content/questionnaire";
import type { Question } from "./content/schema";
import { FACT_QUESTIONS, KETEN_LEGAL_FORM } from "./facts";
import type { SignalFacts } from "./signals";

/**
 * The register facts (issue 13, item 1): given from the practice register, never asked or prefilled.
 * The one place this list lives; when the content marks them as given facts, read the marking here.
 */
export const REGISTER_FACT_IDS: readonly string[] = ["praktijknaam", "agb-code", "kvk-nummer", "postcode", "regio"];

/** A fact about the practice (prefilled when known), not a statement of the assessor's view. */
export function isFactQuestion(question: Question): boolean {
  return question.type !== "statement";
}

/** The questions a supervisor's assessment may start filled: facts that are not register facts. */
export function prefillableQuestions(questionnaire: Questionnaire): Question[] {
  return questionnaire.sections.flatMap((s) => s.questions).filter((q) => isFactQuestion(q) && !REGISTER_FACT_IDS.includes(q.id));
}

/** A shared self-assessment version, as the mark names it. */
export interface SelfAssessmentRef {
  source: "self-assessment";
  assessmentId: string;
  versionNo: number;
  practiceName: string;
  /** When the version was submitted (ISO); the date its facts are compared by. */
  submittedAt: string;
}

/** The viewer's own import of practice facts, as the mark names it. */
export interface ImportRef {
  source: "import";
  importId: string;
  /** When it was imported (ISO). */
  importedAt: string;
  /** The date the figures describe (peildatum, YYYY-MM-DD); the date its facts are compared by. */
  sourceDate: string;
}

export type PrefillRef = SelfAssessmentRef | ImportRef;

/**
 * Stored as `answer.origin`: where a prefilled answer came from, and when both sources had a value,
 * the other one and that the more recent was taken (`rule: "newer"`).
 */
export type AnswerOrigin = PrefillRef & {
  other?: { ref: PrefillRef; same: boolean };
  rule?: "newer";
};

/** The date a source's facts describe, for the rule "the more recent one": YYYY-MM-DD. */
export function factsDate(ref: PrefillRef): string {
  return ref.source === "self-assessment" ? ref.submittedAt.slice(0, 10) : ref.sourceDate;
}

/**
 * An import's facts as questionnaire answers: only what the spreadsheet says outright. Unknowns stay
 * unanswered; statements (medisch eindverantwoordelijke, governance, ANW, cooperation) are the assessor's
 * view and are never taken; the total hours of a practice are not turned into rows of huisartsen (that
 * would invent how many there are).
 */
export function answersFromImportedFacts(facts: SignalFacts): Answers {
  const out: Answers = {};
  if (facts.owner !== "onbekend") out[FACT_QUESTIONS.owner] = facts.owner;
  if (facts.registeredPatients !== null) out[FACT_QUESTIONS.registeredPatients] = facts.registeredPatients;
  // "ja"/"deels"/"nee" in the hagro column is participation in a hagro that exists; "geen-hagro" says there is none.
  if (facts.hagro === "geen-hagro") out[FACT_QUESTIONS.hagroPresent] = "nee";
  else if (facts.hagro !== "onbekend") out[FACT_QUESTIONS.hagroPresent] = "ja";
  // Only "part of a keten or holding" names a legal form; "nee" leaves which form open.
  if (facts.ketenOrHolding === "ja") out[FACT_QUESTIONS.legalForm] = KETEN_LEGAL_FORM;
  return out;
}

/** Whether a stored value still fits the question (a source pinned to other content may differ). */
export function fitsQuestion(question: Question, value: AnswerValue): boolean {
  switch (question.type) {
    case "choice":
      return typeof value === "string" && question.options.some((o) => o.id === value);
    case "integer":
    case "decimal":
      return typeof value === "number" && value >= question.min && value <= question.max;
    case "text":
      return typeof value === "string";
    case "weekdays":
    case "list":
      return Array.isArray(value);
    case "grid":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "statement":
      return false;
  }
}

export interface PrefillEntry {
  questionId: string;
  value: AnswerValue;
  origin: AnswerOrigin;
}

/**
 * What a new assessment starts with. The rule when both sources have a value: the more recent facts
 * (the self-assessment's submission date against the import's peildatum); on the same day the
 * practice's own word. The mark says which was taken and what the other said.
 */
export function choosePrefill(
  questionnaire: Questionnaire,
  sources: { self?: { ref: SelfAssessmentRef; answers: Answers }; imported?: { ref: ImportRef; answers: Answers } },
): PrefillEntry[] {
  const out: PrefillEntry[] = [];
  for (const question of prefillableQuestions(questionnaire)) {
    const candidates: Array<{ ref: PrefillRef; value: AnswerValue }> = [];
    for (const source of [sources.self, sources.imported]) {
      const value = source?.answers[question.id];
      if (source && value !== undefined && value !== null && fitsQuestion(question, value)) candidates.push({ ref: source.ref, value });
    }
    if (candidates.length === 0) continue;
    if (candidates.length === 1) {
      out.push({ questionId: question.id, value: candidates[0]!.value, origin: { ...candidates[0]!.ref } });
      continue;
    }
    const [self, imported] = candidates as [{ ref: SelfAssessmentRef; value: AnswerValue }, { ref: ImportRef; value: AnswerValue }];
    const importNewer = factsDate(imported.ref) > factsDate(self.ref);
    const [taken, other] = importNewer ? [imported, self] : [self, imported];
    out.push({ questionId: question.id, value: taken.value, origin: { ...taken.ref, rule: "newer", other: { ref: other.ref, same: sameAnswer(taken.value, other.value) } } });
  }
  return out;
}

/** Structural equality of two stored answers (key order does not matter; null and absent are alike). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => sameAnswer(v, b[i]));
  }
  if (typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    return [...keys].every((k) => sameAnswer((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Reads a stored origin; anything unreadable counts as none (a mark is information, never a gate). */
export function parseOrigin(raw: string | null): AnswerOrigin | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as AnswerOrigin;
    return value && (value.source === "self-assessment" || value.source === "import") ? value : null;
  } catch {
    return null;
  }
}
