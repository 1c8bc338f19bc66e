/**
 * A section's form on arrival shows exactly the stored list rows (issue 13: an empty "Huisarts N" row
 * appeared after every reload); one empty row more only for the list whose "add" was posted.
 */
import { describe, expect, test } from "vitest";
import { getQuestionnaire } from "~/models/content.server";
import { sectionFormDefaults } from "~/domain/form-defaults";
import { makeAnswers, makeHuisarts } from "../factories";

const praktijkgegevens = getQuestionnaire(1).sectionById.get("praktijkgegevens")!;

describe("section form defaults", () => {
  test("a list shows its stored rows and no empty row", () => {
    const answers = makeAnswers({ huisartsen: [makeHuisarts(), makeHuisarts({ rol: "vaste-waarnemer" })] });
    const defaults = sectionFormDefaults(praktijkgegevens, answers);
    expect(defaults.huisartsen).toHaveLength(2);
    expect((defaults.huisartsen as Array<Record<string, unknown>>)[1]!.rol).toBe("vaste-waarnemer");
  });

  test("an unanswered list shows no rows", () => {
    const answers = makeAnswers();
    delete answers.huisartsen;
    expect(sectionFormDefaults(praktijkgegevens, answers).huisartsen).toEqual([]);
  });

  test("'add' posted for a list gives that list one empty row more, and no other", () => {
    const answers = makeAnswers({ huisartsen: [makeHuisarts()] });
    const rows = sectionFormDefaults(praktijkgegevens, answers, "huisartsen").huisartsen as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({ rol: "", "uren-per-week": "", "dagen-aanwezig": [], "jaren-verbonden": "" });
    expect(sectionFormDefaults(praktijkgegevens, answers, "team").huisartsen).toHaveLength(1);
    expect(sectionFormDefaults(praktijkgegevens, answers, "onzin").huisartsen).toHaveLength(1);
  });
});
