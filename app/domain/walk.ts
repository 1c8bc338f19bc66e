/**
 * The walk through a questionnaire for one set of answers: section order (skip logic may move a
 * section forward and mark it essential), which questions are shown, and progress.
 */
import type { Condition, Question, Section } from "./content/schema";
import type { Questionnaire } from "./content/questionnaire";
import type { Answers } from "./answers";
import { evaluate, type ConditionContext } from "./conditions";
import { deriveFigures } from "./derived";
import { factsFromAnswers } from "./facts";

export interface SectionState {
  section: Section;
  essential: boolean;
  visible: Question[];
  answered: number;
  total: number;
  complete: boolean;
}

export function contextFor(questionnaire: Questionnaire, answers: Answers): ConditionContext {
  return {
    answers,
    derived: deriveFigures(factsFromAnswers(answers), questionnaire.parameters),
    parameters: questionnaire.parameters,
  };
}

export function isShown(question: Question, ctx: ConditionContext) {
  return question.showWhen === undefined || evaluate(question.showWhen, ctx);
}

function firstQuestion(condition: Condition): string | undefined {
  if ("all" in condition) return firstQuestion(condition.all[0]!);
  if ("any" in condition) return firstQuestion(condition.any[0]!);
  if ("not" in condition) return firstQuestion(condition.not);
  return "question" in condition ? condition.question : undefined;
}

export function walk(questionnaire: Questionnaire, answers: Answers): SectionState[] {
  const ctx = contextFor(questionnaire, answers);
  const states = questionnaire.sections.map((section): SectionState => {
    const visible = section.questions.filter((q) => isShown(q, ctx));
    // Register facts are given, not asked: they count neither as questions nor as answers.
    const asked = visible.filter((q) => !(q.type === "text" && q.register));
    const answered = asked.filter((q) => answers[q.id] !== undefined).length;
    return {
      section,
      essential: section.priority !== undefined && evaluate(section.priority.when, ctx),
      visible,
      answered,
      total: asked.length,
      complete: answered === asked.length,
    };
  });
  // An essential section moves to just after the section that asks what made it essential.
  for (const state of states.filter((s) => s.essential)) {
    const trigger = firstQuestion(state.section.priority!.when);
    const from = states.indexOf(state);
    const anchor = states.findIndex((s) => s.section.questions.some((q) => q.id === trigger));
    if (anchor >= 0 && anchor + 1 < from) {
      states.splice(from, 1);
      states.splice(anchor + 1, 0, state);
    }
  }
  return states;
}

export function progressTotals(states: SectionState[]) {
  const answered = states.reduce((n, s) => n + s.answered, 0);
  const total = states.reduce((n, s) => n + s.total, 0);
  return { answered, total, percent: total === 0 ? 0 : Math.round((answered / total) * 100) };
}

/** What the section navigation shows of each section. */
export function navItems(states: SectionState[]) {
  return states.map((s) => ({ id: s.section.id, title: s.section.title, answered: s.answered, total: s.total, essential: s.essential }));
}
