/**
 * What a section's form shows on arrival: the stored answers as the inputs show them. A list shows
 * exactly its stored rows; one empty row more only for the list the person asked to grow (the "add"
 * button posted without JavaScript). With JavaScript the button appends the row in the page itself.
 */
import { listItemToForm, toFormValue, type Answers } from "./answers";
import type { Section } from "./content/schema";

export function sectionFormDefaults(section: Section, answers: Answers, addRowTo?: string | null): Record<string, unknown> {
  return Object.fromEntries(
    section.questions.map((q) => {
      const value = toFormValue(q, answers[q.id]);
      if (q.type === "list" && q.id === addRowTo) {
        const rows = value as unknown[];
        return [q.id, rows.length < q.maxItems ? [...rows, listItemToForm(q, undefined)] : rows];
      }
      return [q.id, value];
    }),
  );
}
