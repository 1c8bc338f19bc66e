/** The pure parts of issue 13: which facts are prefilled and from which source, and the version diff. */
import { describe, expect, test } from "vitest";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { answersFromImportedFacts, choosePrefill, isFactQuestion, prefillableQuestions, REGISTER_FACT_IDS, sameAnswer, type ImportRef, type SelfAssessmentRef } from "~/domain/prefill";
import { changedSince, diffSignals, diffVersions } from "~/domain/versions";
import { makeHuisarts, makeSignalFacts, statement } from "../factories";

const q = getCurrentQuestionnaire();
const self: SelfAssessmentRef = { source: "self-assessment", assessmentId: "a1", versionNo: 2, practiceName: "De Linde", submittedAt: "2026-12-03T10:00:00.000Z" };
const imported = (sourceDate: string): ImportRef => ({ source: "import", importId: "i1", importedAt: "2026-12-01T09:00:00.000Z", sourceDate });

describe("facts and statements", () => {
  test("statements are the assessor's view; every other question is a fact; register facts are never prefilled", () => {
    const ids = prefillableQuestions(q).map((x) => x.id);
    expect(ids).toEqual(["eigenaar", "rechtsvorm", "ingeschreven-patienten", "huisartsen", "team", "hagro-aanwezig"]);
    for (const id of REGISTER_FACT_IDS) expect(q.questionById.get(id), id).toBeDefined();
    expect(isFactQuestion(q.questionById.get("vaste-huisarts")!.question)).toBe(false);
  });

  test("an import says only what the spreadsheet says outright", () => {
    expect(answersFromImportedFacts(makeSignalFacts({ owner: "bestuurder", registeredPatients: 3100, hagro: "nee", ketenOrHolding: "ja" }))).toEqual({
      eigenaar: "bestuurder",
      "ingeschreven-patienten": 3100,
      "hagro-aanwezig": "ja",
      rechtsvorm: "keten-bv",
    });
    expect(answersFromImportedFacts(makeSignalFacts({ owner: "onbekend", registeredPatients: null, hagro: "geen-hagro", ketenOrHolding: "nee" }))).toEqual({ "hagro-aanwezig": "nee" });
  });
});

describe("choosing between sources", () => {
  const selfAnswers = { eigenaar: "huisarts", "ingeschreven-patienten": 4200, huisartsen: [makeHuisarts()], "vaste-huisarts": statement("ja"), regio: "Utrecht" };
  test("the self-assessment is more recent than the import's peildatum: it is taken, the mark says what the import said", () => {
    const out = choosePrefill(q, { self: { ref: self, answers: selfAnswers }, imported: { ref: imported("2026-11-01"), answers: { eigenaar: "huisarts", "ingeschreven-patienten": 3900 } } });
    expect(out.map((e) => e.questionId)).toEqual(["eigenaar", "ingeschreven-patienten", "huisartsen"]);
    expect(out[0]!.origin).toMatchObject({ source: "self-assessment", rule: "newer", other: { same: true } });
    expect(out[1]).toMatchObject({ value: 4200, origin: { source: "self-assessment", other: { ref: { source: "import" }, same: false } } });
    expect(out[2]!.origin).toEqual(self);
  });
  test("a more recent import is taken; on the same day the practice's own word", () => {
    const later = choosePrefill(q, { self: { ref: self, answers: selfAnswers }, imported: { ref: imported("2026-12-04"), answers: { "ingeschreven-patienten": 3900 } } });
    expect(later.find((e) => e.questionId === "ingeschreven-patienten")).toMatchObject({ value: 3900, origin: { source: "import" } });
    const sameDay = choosePrefill(q, { self: { ref: self, answers: selfAnswers }, imported: { ref: imported("2026-12-03"), answers: { "ingeschreven-patienten": 3900 } } });
    expect(sameDay.find((e) => e.questionId === "ingeschreven-patienten")).toMatchObject({ value: 4200, origin: { source: "self-assessment" } });
  });
  test("a value that does not fit the question (an option content no longer has) is not taken", () => {
    expect(choosePrefill(q, { self: { ref: self, answers: { eigenaar: "iemand", "ingeschreven-patienten": -5 } } })).toEqual([]);
  });
});

describe("the version diff", () => {
  test("answers changed, added and removed, in questionnaire order; equal values regardless of key order", () => {
    const before = { eigenaar: "huisarts", "ingeschreven-patienten": 2000, huisartsen: [makeHuisarts()], "vaste-huisarts": statement("ja") };
    const after = { "ingeschreven-patienten": 2600, huisartsen: [{ ...makeHuisarts() }].map((h) => Object.fromEntries(Object.entries(h).reverse())), "vaste-huisarts": statement("ja"), "hele-mens-centraal": statement("deels") };
    const changes = changedSince(q, before, after as never);
    expect([...changes.values()].map((c) => [c.questionId, c.change])).toEqual([
      ["eigenaar", "removed"],
      ["ingeschreven-patienten", "changed"],
      ["hele-mens-centraal", "added"],
    ]);
    expect(changes.get("ingeschreven-patienten")).toMatchObject({ before: 2000, after: 2600, sectionId: "praktijkgegevens" });
  });
  test("signals: only those whose status differs; the count adds answers and signals", () => {
    expect(diffSignals({ "owner-not-gp": "no-signal", "patients-per-fte": "unknown" }, { "owner-not-gp": "signal", "patients-per-fte": "unknown" }).filter((s) => s.changed)).toEqual([
      { id: "owner-not-gp", before: "no-signal", after: "signal", changed: true },
    ]);
    const diff = diffVersions(q, { answers: { eigenaar: "huisarts" }, signals: { "owner-not-gp": "no-signal" } }, { answers: { eigenaar: "bestuurder" }, signals: { "owner-not-gp": "signal" } });
    expect(diff.differences).toBe(2);
    expect(diff.answers).toHaveLength(q.questionById.size);
  });
  test("sameAnswer treats null and absent alike, and compares lists in order", () => {
    expect(sameAnswer({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(sameAnswer([1, 2], [2, 1])).toBe(false);
    expect(sameAnswer(statement("ja", null), { note: null, choice: "ja" })).toBe(true);
  });
});
