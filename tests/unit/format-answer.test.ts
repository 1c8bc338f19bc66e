/**
 * Answers read with their units, in Dutch number format: the huisartsen list says "36 uur per week" and
 * "14 jaar", not "36" and "14" (issue 13); the team grid names people and hours.
 */
import { describe, expect, test } from "vitest";
import { getCurrentQuestionnaire } from "~/models/content.server";
import type { Question } from "~/domain/content/schema";
import { formatAnswer } from "~/utils/format-answer";
import { fixedT } from "~/utils/i18n-node";
import { makeHuisarts, makeTeam } from "../factories";

const question = (id: string): Question => getCurrentQuestionnaire().questionById.get(id)!.question;

describe("units in answers", () => {
  test("a huisarts reads role, hours per week, days and years, in Dutch", () => {
    const value = [makeHuisarts({ "uren-per-week": 36, "dagen-aanwezig": ["ma", "di", "do", "vr"], "jaren-verbonden": 14 })];
    expect(formatAnswer(question("huisartsen"), value, fixedT("nl"), "nl")).toBe("Praktijkhouder, 36 uur per week, ma di do vr, 14 jaar");
  });

  test("decimals take a decimal comma in Dutch and a point in English; English says hour and year in the singular for one", () => {
    const value = [makeHuisarts({ "uren-per-week": 32.5, "jaren-verbonden": 1 }), makeHuisarts({ rol: "vaste-waarnemer", "uren-per-week": 1, "dagen-aanwezig": [], "jaren-verbonden": 2 })];
    expect(formatAnswer(question("huisartsen"), value, fixedT("nl"), "nl")).toBe(
      "Praktijkhouder, 32,5 uur per week, ma di wo do vr, 1 jaar; Vaste waarnemer, 1 uur per week, geen huisarts, 2 jaar",
    );
    const en = formatAnswer(question("huisartsen"), value, fixedT("en"), "en");
    expect(en).toContain("32.5 hours per week");
    expect(en).toContain("1 year;");
    expect(en).toContain("1 hour per week");
    expect(en).toContain("2 years");
  });

  test("the team grid names people and their hours together", () => {
    const text = formatAnswer(question("team"), makeTeam(), fixedT("nl"), "nl");
    expect(text).toContain("POH somatiek: 1 persoon, 24 uur per week samen");
    expect(text).toContain("Doktersassistent: 3 personen, 80 uur per week samen");
  });

  test("a count without a unit stays a plain number in Dutch format", () => {
    expect(formatAnswer(question("ingeschreven-patienten"), 6300, fixedT("nl"), "nl")).toBe("6.300");
  });
});
