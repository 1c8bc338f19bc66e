/**
 * How a section's shown questions are laid out: one by one, or gathered in a group that is open and
 * essential when its condition holds and collapsed otherwise (content decides, e.g. the Wtza/Wkkgz/Wmg
 * checklist is essential when the owner is not a huisarts). Pure: the page and tests share it.
 */
import type { Question, QuestionGroup, Section } from "./content/schema";
import { evaluate, type ConditionContext } from "./conditions";

export type QuestionBlock =
  | { kind: "question"; question: Question }
  | { kind: "group"; group: QuestionGroup; questions: Question[]; essential: boolean };

export function questionBlocks(section: Section, visible: Question[], ctx: ConditionContext): QuestionBlock[] {
  const groupOf = new Map(section.groups.flatMap((g) => g.questions.map((id) => [id, g] as const)));
  const blocks: QuestionBlock[] = [];
  for (const question of visible) {
    const group = groupOf.get(question.id);
    if (!group) {
      blocks.push({ kind: "question", question });
      continue;
    }
    const last = blocks.at(-1);
    if (last?.kind === "group" && last.group.id === group.id) last.questions.push(question);
    else blocks.push({ kind: "group", group, questions: [question], essential: evaluate(group.essentialWhen, ctx) });
  }
  return blocks;
}
