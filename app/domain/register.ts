/**
 * The practice register (issue 13): name, AGB, KvK, postcode and region of a practice live in one place,
 * the register (`practice`, `organisation.kvk`), edited on /organisation. The questionnaire marks the
 * questions that show them (`register:` in content) and never asks them: a concept shows the register as
 * it is now; a submitted version keeps what the register said when it was submitted (a snapshot in its
 * answers). Pure: no I/O.
 */
import type { Answers, AnswerValue } from "./answers";
import type { Question, Section } from "./content/schema";

/** The facts the register holds, as content names them in `register:`. */
export const REGISTER_FACTS = ["name", "agb", "kvk", "postcode", "region"] as const;
export type RegisterFact = (typeof REGISTER_FACTS)[number];

/** A practice's register as the questionnaire shows it, with where it comes from. */
export interface RegisterFacts {
  practiceId: string;
  values: Record<RegisterFact, string | null>;
  /** When a person last changed it; null: as signed up or imported. */
  changedAt: string | null;
  /** That person's name; null when not known (signed up, imported, or the person was erased). */
  changedBy: string | null;
}

/** The register fact a question shows, or null for a question that is asked. */
export function registerFactOf(question: Pick<Question, "type"> & { register?: RegisterFact }): RegisterFact | null {
  return question.type === "text" && question.register ? question.register : null;
}

/** The questions of some sections that show register facts, by id. */
export function registerQuestions(sections: readonly Section[]): Map<string, RegisterFact> {
  const out = new Map<string, RegisterFact>();
  for (const section of sections) {
    for (const question of section.questions) {
      const fact = registerFactOf(question);
      if (fact) out.set(question.id, fact);
    }
  }
  return out;
}

/** The answers a set of register questions gives for the register as it is (empty facts give none). */
export function registerAnswers(questions: ReadonlyMap<string, RegisterFact>, facts: RegisterFacts): Answers {
  const out: Answers = {};
  for (const [id, fact] of questions) {
    const value = facts.values[fact];
    if (value !== null && value !== "") out[id] = value as AnswerValue;
  }
  return out;
}

/**
 * The answers a concept reads: the stored ones for the questions that are asked, the register for the
 * ones that show it. Whatever was once typed into a register question of a concept no longer speaks.
 */
export function withRegister(answers: Answers, questions: ReadonlyMap<string, RegisterFact>, facts: RegisterFacts): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) if (!questions.has(id)) out[id] = value;
  return { ...out, ...registerAnswers(questions, facts) };
}
