/**
 * Derived figures from the practice facts. The figures come from content v1's parameters, so a change
 * in parameters.yaml is followed here; the cases that quote the source (4000 per fte ≈ 75 consults a
 * day) say so.
 */
import { describe, expect, test } from "vitest";
import type { ListItemValue, Weekday } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import { deriveFigures, exceedsRatio } from "~/domain/derived";
import { factsFromAnswers } from "~/domain/facts";
import { makeAnswers, makeFacts, makeHuisarts, makeHuisartsFact } from "../factories";

const p = getQuestionnaire(1).parameters;
const MAX = p.maxPatientsPerFte;
const FTE_HOURS = p.hoursPerFte;

/** Figures for a practice given as answers: patients and one huisartsen row per hours figure. */
function figures(patients: number | undefined, rows: ListItemValue[] | undefined) {
  return deriveFigures(
    factsFromAnswers(makeAnswers({ "ingeschreven-patienten": patients, huisartsen: rows })),
    p,
  );
}
const rowsFor = (hours: number[]) => hours.map((h) => makeHuisarts({ "uren-per-week": h }));

test("content v1 carries the source's figures", () => {
  expect(p).toMatchObject({
    hoursPerFte: 40,
    normPatientsPerFte: 2095,
    maxPatientsPerFte: 4000,
    consultsPerPatientPerYear: 4.5,
    workingDaysPerYear: 240,
  });
});

describe("fte and patients per fte", () => {
  test("fte is the sum of huisarts hours divided by the hours of one fte", () => {
    const d = figures(5000, rowsFor([40, 24]));
    expect(d.huisartsHoursPerWeek).toBe(64);
    expect(d.fteHuisarts).toBeCloseTo(64 / FTE_HOURS, 10);
    expect(d.patientsPerFte).toBeCloseTo(5000 / (64 / FTE_HOURS), 8);
    expect(d.normRatio).toBeCloseTo(5000 / (64 / FTE_HOURS) / p.normPatientsPerFte, 10);
  });

  test("twice the normpraktijk is a norm ratio of 2", () => {
    const d = figures(2 * p.normPatientsPerFte, rowsFor([FTE_HOURS]));
    expect(d.patientsPerFte).toBeCloseTo(2 * p.normPatientsPerFte, 8);
    expect(d.normRatio).toBeCloseTo(2, 10);
  });
});

describe(`the ${MAX} line, compared exactly at its boundary`, () => {
  test.each([
    { patients: MAX, hours: [FTE_HOURS], above: false },
    { patients: MAX + 1, hours: [FTE_HOURS], above: true },
    { patients: MAX - 1, hours: [FTE_HOURS], above: false },
    { patients: 2 * MAX, hours: [FTE_HOURS, FTE_HOURS], above: false },
    { patients: 2 * MAX + 1, hours: [FTE_HOURS, FTE_HOURS], above: true },
    { patients: 1.5 * MAX, hours: [1.5 * FTE_HOURS], above: false },
    { patients: 1.5 * MAX, hours: [FTE_HOURS, 0.5 * FTE_HOURS], above: false },
    { patients: MAX, hours: [FTE_HOURS - 0.01], above: true },
    { patients: MAX / 4, hours: [FTE_HOURS / 4], above: false },
    // Hours that floating point cannot hold exactly: 41 h and 16 + 25 h for 4100 patients are exactly on the line.
    { patients: (MAX * 41) / FTE_HOURS, hours: [41], above: false },
    { patients: (MAX * 41) / FTE_HOURS, hours: [16, 25], above: false },
    { patients: (MAX * 41) / FTE_HOURS + 1, hours: [16, 25], above: true },
    { patients: Math.round((MAX * 30.6) / FTE_HOURS), hours: [10.1, 10.2, 10.3], above: false },
  ])("$patients patients with $hours hours → above: $above", ({ patients, hours, above }) => {
    const d = figures(patients, rowsFor(hours));
    expect(d.aboveMaxPatientsPerFte).toBe(above);
    expect(d.patientsWithoutHuisartsHours).toBe(false);
  });

  test.each([
    { patients: 4000, hours: 40, above: false },
    { patients: 4001, hours: 40, above: true },
    { patients: 4000, hours: 39.99, above: true },
    { patients: 8000, hours: 80, above: false },
    { patients: 6000, hours: 60, above: false },
    { patients: 1000, hours: 10, above: false },
    { patients: 0, hours: 0, above: false },
  ])("exceedsRatio($patients, $hours h) = $above", ({ patients, hours, above }) => {
    expect(exceedsRatio(patients, hours, 4000, 40)).toBe(above);
  });
});

describe("missing or zero hours", () => {
  test("patients but 0 huisarts hours: no figure, flagged, and above the line", () => {
    const d = figures(3000, rowsFor([0]));
    expect(d).toMatchObject({
      huisartsHoursPerWeek: 0,
      fteHuisarts: 0,
      patientsPerFte: null,
      normRatio: null,
      consultsPerDayPerFte: null,
      patientsWithoutHuisartsHours: true,
      aboveMaxPatientsPerFte: true,
      waarnemerShare: null,
    });
  });

  test("an empty huisartsen list (e.g. from a spreadsheet) counts as 0 hours", () => {
    const d = deriveFigures(makeFacts({ registeredPatients: 3000, huisartsen: [] }), p);
    expect(d).toMatchObject({ huisartsHoursPerWeek: 0, patientsWithoutHuisartsHours: true, aboveMaxPatientsPerFte: true });
    expect(d.presence).toEqual({ ma: 0, di: 0, wo: 0, do: 0, vr: 0 });
    expect(d.weekdaysWithoutHuisarts).toBe(5);
  });

  test("0 patients and 0 hours is not above the line", () => {
    const d = figures(0, rowsFor([0]));
    expect(d.aboveMaxPatientsPerFte).toBe(false);
    expect(d.patientsWithoutHuisartsHours).toBe(false);
  });

  test("unknown patients: every patient figure is null, the fte is still known", () => {
    const d = figures(undefined, rowsFor([40, 24]));
    expect(d.fteHuisarts).toBeCloseTo(64 / FTE_HOURS, 10);
    expect(d).toMatchObject({
      patientsPerFte: null,
      normRatio: null,
      aboveMaxPatientsPerFte: null,
      consultsPerDayPerFte: null,
      consultsPerDay: null,
      patientsWithoutHuisartsHours: false,
    });
  });

  test("a row without hours makes the hours unknown, not smaller", () => {
    const d = figures(5000, [makeHuisarts({ "uren-per-week": 40 }), makeHuisarts({ "uren-per-week": null })]);
    expect(d).toMatchObject({
      huisartsHoursPerWeek: null,
      fteHuisarts: null,
      patientsPerFte: null,
      aboveMaxPatientsPerFte: null,
      waarnemerShare: null,
    });
    // Presence does not need hours.
    expect(d.presence).toEqual({ ma: 2, di: 2, wo: 2, do: 2, vr: 2 });
  });

  test("huisartsen not given: hours, presence and weekdays are unknown", () => {
    const d = figures(5000, undefined);
    expect(d).toMatchObject({
      huisartsHoursPerWeek: null,
      fteHuisarts: null,
      aboveMaxPatientsPerFte: null,
      presence: null,
      weekdaysWithoutHuisarts: null,
    });
    expect(d.consultsPerDay).toBeCloseTo((5000 * p.consultsPerPatientPerYear) / p.workingDaysPerYear, 10);
  });
});

describe("consults per day", () => {
  test(`${MAX} patients per fte is about 75 consults per working day (the source's figure)`, () => {
    const d = figures(MAX, rowsFor([FTE_HOURS]));
    expect(d.consultsPerDayPerFte).toBeCloseTo((MAX * p.consultsPerPatientPerYear) / p.workingDaysPerYear, 10);
    expect(Math.round(d.consultsPerDayPerFte!)).toBe(75);
  });

  test("per fte: patients per fte × consults per patient per year / working days", () => {
    const d = figures(6300, rowsFor([40, 24, 16]));
    const perFte = 6300 / (80 / FTE_HOURS);
    expect(d.patientsPerFte).toBeCloseTo(perFte, 8);
    expect(d.consultsPerDayPerFte).toBeCloseTo((perFte * p.consultsPerPatientPerYear) / p.workingDaysPerYear, 8);
    expect(d.consultsPerDay).toBeCloseTo((6300 * p.consultsPerPatientPerYear) / p.workingDaysPerYear, 8);
  });
});

describe("waarnemer share", () => {
  test.each([
    {
      name: "vaste and incidentele waarnemers count",
      rows: [
        { rol: "praktijkhouder", hours: 40 },
        { rol: "vaste-waarnemer", hours: 16 },
        { rol: "incidentele-waarnemer", hours: 8 },
      ],
      share: 24 / 64,
    },
    { name: "no waarnemers", rows: [{ rol: "praktijkhouder", hours: 40 }, { rol: "huisarts-in-dienst", hours: 24 }], share: 0 },
    { name: "only waarnemers", rows: [{ rol: "incidentele-waarnemer", hours: 12 }], share: 1 },
  ])("$name → $share", ({ rows, share }) => {
    const d = figures(4000, rows.map((r) => makeHuisarts({ rol: r.rol, "uren-per-week": r.hours })));
    expect(d.waarnemerShare).toBeCloseTo(share, 10);
  });
});

describe("presence per weekday", () => {
  const withDays = (...days: Weekday[][]) => days.map((d) => makeHuisartsFact({ weekdays: d }));

  test.each([
    {
      name: "the demo practice: every weekday covered",
      huisartsen: withDays(["ma", "di", "do", "vr"], ["di", "wo", "do"], ["wo", "vr"]),
      presence: { ma: 1, di: 2, wo: 2, do: 2, vr: 2 },
      without: 0,
    },
    {
      name: "nobody on wednesday, thursday and friday",
      huisartsen: withDays(["ma", "di"], ["ma"]),
      presence: { ma: 2, di: 1, wo: 0, do: 0, vr: 0 },
      without: 3,
    },
    {
      name: "huisartsen without physical presence",
      huisartsen: withDays([], []),
      presence: { ma: 0, di: 0, wo: 0, do: 0, vr: 0 },
      without: 5,
    },
  ])("$name", ({ huisartsen, presence, without }) => {
    const d = deriveFigures(makeFacts({ huisartsen }), p);
    expect(d.presence).toEqual(presence);
    expect(d.weekdaysWithoutHuisarts).toBe(without);
  });

  test("days read from answers: a weekday nobody is present on is counted", () => {
    const d = figures(4000, [
      makeHuisarts({ "dagen-aanwezig": ["ma", "di", "wo", "do"] }),
      makeHuisarts({ "dagen-aanwezig": ["ma", "wo"] }),
    ]);
    expect(d.presence).toEqual({ ma: 2, di: 1, wo: 2, do: 1, vr: 0 });
    expect(d.weekdaysWithoutHuisarts).toBe(1);
  });
});
