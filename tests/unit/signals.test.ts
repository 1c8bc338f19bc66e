/**
 * Rules version 1 (issue 3, "The rules"), frozen: table-driven at their boundaries, on content v1's
 * parameters, evaluated explicitly as version 1 although version 2 is in force. These tests are why
 * "berekend met regels v1" still means what it meant: they must keep passing unchanged. Then the
 * questionnaire adapter: stored answers → factsFromAnswers → signalFactsFromPractice → v1.
 * Version 2 is tested in signals-v2.test.ts.
 */
import { describe, expect, test } from "vitest";
import { WEEKDAYS, type Answers, type Weekday } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import { SIGNAL_IDS, type SignalId } from "~/domain/content/schema";
import { factsFromAnswers, signalFactsFromPractice } from "~/domain/facts";
import { evaluateSignals, type SignalFacts, type SignalStatus } from "~/domain/signals";
import { makeAnswers, makeHuisarts, makeSignalFacts, statement } from "../factories";

const p = getQuestionnaire(1).parameters;

const evaluate = (overrides: Partial<SignalFacts>) => evaluateSignals(makeSignalFacts(overrides), p, 1);
const result = (id: SignalId, overrides: Partial<SignalFacts>) => evaluate(overrides)[id];

test("content v1 carries the figures the rules below are written against", () => {
  expect(p).toMatchObject({ hoursPerFte: 40, maxPatientsPerFte: 4000 });
});

test("without a version, the engine evaluates the version the parameters name", () => {
  const facts = makeSignalFacts({ hagro: "geen-hagro", nearbyCooperation: "nee" });
  expect(p.rulesVersion).toBe(2);
  expect(evaluateSignals(facts, p)).toEqual(evaluateSignals(facts, p, 2));
  expect(evaluateSignals(facts, p, 1)["regional-cooperation"].status).toBe("no-signal");
  expect(evaluateSignals(facts, p)["regional-cooperation"].status).toBe("signal");
});

describe("the engine", () => {
  test("returns the five signals, keyed and ordered by id; the baseline facts give no signal anywhere", () => {
    const results = evaluateSignals(makeSignalFacts(), p, 1);
    expect(Object.keys(results)).toEqual([...SIGNAL_IDS]);
    for (const id of SIGNAL_IDS) {
      expect(results[id].id).toBe(id);
      expect(results[id].status).toBe("no-signal");
    }
  });

  test("is pure: the facts are not changed and the same facts give the same results", () => {
    const facts = makeSignalFacts({ registeredPatients: 9000, huisartsHoursPerWeek: 80, weekdaysPresent: ["ma", "di"] });
    const copy = structuredClone(facts);
    const first = evaluateSignals(facts, p, 1);
    expect(facts).toEqual(copy);
    expect(evaluateSignals(facts, p, 1)).toEqual(first);
  });

  test("the threshold comes from the parameters, not from code", () => {
    const facts = makeSignalFacts({ registeredPatients: 3500, huisartsHoursPerWeek: 40 });
    expect(evaluateSignals(facts, p, 1)["patients-per-fte"].status).toBe("no-signal");
    const stricter = evaluateSignals(facts, { ...p, maxPatientsPerFte: 3000 }, 1)["patients-per-fte"];
    expect(stricter).toMatchObject({ status: "signal", figure: { value: 3500, threshold: 3000 } });
    const longerFte = evaluateSignals(makeSignalFacts({ registeredPatients: 4400, huisartsHoursPerWeek: 40 }), { ...p, hoursPerFte: 36 }, 1);
    // 40 h at 36 h per fte is 1.111 fte: 4400 / 1.111 = 3960 per fte, under the line.
    expect(longerFte["patients-per-fte"]).toMatchObject({ status: "no-signal", figure: { value: 3960 } });
  });
});

describe("1. owner-not-gp", () => {
  test.each([
    { owner: "huisarts", status: "no-signal", reason: "owner-gp" },
    { owner: "andere-zorgverlener", status: "signal", reason: "owner-other-provider" },
    { owner: "bestuurder", status: "signal", reason: "owner-director" },
    { owner: "onbekend", status: "unknown", reason: "owner-unknown" },
  ] as const)("owner $owner → $status", ({ owner, status, reason }) => {
    expect(result("owner-not-gp", { owner })).toMatchObject({ status, reason, evidence: { owner } });
  });
});

describe("2. patients-per-fte (fte = huisarts hours / 40; > 4000 per fte is a signal)", () => {
  test.each([
    { patients: 4000, hours: 40, status: "no-signal", reason: "within-line", note: "exactly 4000 is no signal" },
    { patients: 4001, hours: 40, status: "signal", reason: "above-line", note: "one above the line" },
    { patients: 3999, hours: 40, status: "no-signal", reason: "within-line", note: "one below the line" },
    { patients: 4000, hours: 39.99, status: "signal", reason: "above-line", note: "a hundredth of an hour less" },
    { patients: 8000, hours: 80, status: "no-signal", reason: "within-line", note: "2 fte, exactly on the line" },
    { patients: 8001, hours: 80, status: "signal", reason: "above-line", note: "2 fte, one above" },
    { patients: 4100, hours: 41, status: "no-signal", reason: "within-line", note: "decimal fte, on the line (float: 4000.0000000000005)" },
    { patients: 4100, hours: 40.9, status: "signal", reason: "above-line", note: "40,9 hours" },
    { patients: 2050, hours: 20.5, status: "no-signal", reason: "within-line", note: "20,5 hours, on the line" },
    { patients: 3060, hours: 10.1 + 10.2 + 10.3, status: "no-signal", reason: "within-line", note: "a float sum of hours, on the line" },
    { patients: 1, hours: 0, status: "signal", reason: "no-gp-hours", note: "patients without huisarts hours" },
    { patients: 9000, hours: 0, status: "signal", reason: "no-gp-hours", note: "patients without huisarts hours" },
    { patients: 0, hours: 0, status: "no-signal", reason: "no-patients", note: "no patients, no hours" },
    { patients: 0, hours: 40, status: "no-signal", reason: "within-line", note: "no patients" },
    { patients: null, hours: 40, status: "unknown", reason: "patients-unknown", note: "patients unknown" },
    { patients: 9000, hours: null, status: "unknown", reason: "hours-unknown", note: "hours unknown" },
    { patients: null, hours: null, status: "unknown", reason: "patients-unknown", note: "both unknown" },
    { patients: null, hours: 0, status: "unknown", reason: "patients-unknown", note: "patients unknown, 0 hours" },
  ] as const)("$patients patients / $hours h → $status ($note)", ({ patients, hours, status, reason }) => {
    const r = result("patients-per-fte", { registeredPatients: patients, huisartsHoursPerWeek: hours });
    expect(r.status).toBe(status);
    expect(r.reason).toBe(reason);
    expect(r.figure).toMatchObject({ name: "patientsPerFte", threshold: 4000 });
  });

  test.each([
    { patients: 9000, hours: 80, value: 4500, fte: 2 },
    { patients: 4000, hours: 40, value: 4000, fte: 1 },
    { patients: 4100, hours: 41, value: 4000, fte: 1.025 },
    { patients: 2050, hours: 20.5, value: 4000, fte: 0.5125 },
    { patients: 5000, hours: 64, value: 3125, fte: 1.6 },
  ])("figure: $patients patients / $hours h = $value per fte against 4000", ({ patients, hours, value, fte }) => {
    const r = result("patients-per-fte", { registeredPatients: patients, huisartsHoursPerWeek: hours });
    expect(r.figure).toEqual({ name: "patientsPerFte", value, infinite: false, threshold: 4000 });
    expect(r.evidence).toEqual({ registeredPatients: patients, huisartsHoursPerWeek: hours, fte });
  });

  test("patients with 0 huisarts hours: the figure is infinite, not a number", () => {
    const r = result("patients-per-fte", { registeredPatients: 9000, huisartsHoursPerWeek: 0 });
    expect(r.figure).toEqual({ name: "patientsPerFte", value: null, infinite: true, threshold: 4000 });
    expect(r.evidence).toMatchObject({ registeredPatients: 9000, huisartsHoursPerWeek: 0, fte: 0 });
  });

  test("0 patients and 0 hours: a figure of 0, not infinite", () => {
    expect(result("patients-per-fte", { registeredPatients: 0, huisartsHoursPerWeek: 0 }).figure).toMatchObject({ value: 0, infinite: false });
  });

  test.each([
    { patients: null, hours: 40 },
    { patients: 9000, hours: null },
  ])("unknown ($patients patients / $hours h): the figure is unknown (null), not 0 and not infinite", ({ patients, hours }) => {
    const r = result("patients-per-fte", { registeredPatients: patients, huisartsHoursPerWeek: hours });
    expect(r.figure).toEqual({ name: "patientsPerFte", value: null, infinite: false, threshold: 4000 });
  });
});

describe("3. no-gp-present (a huisarts physically present every weekday)", () => {
  const without = (...days: Weekday[]) => WEEKDAYS.filter((d) => !days.includes(d));
  test.each([
    { days: [...WEEKDAYS], status: "no-signal", reason: "every-weekday", missing: [] },
    { days: without("vr"), status: "signal", reason: "weekday-without-gp", missing: ["vr"] },
    { days: without("ma"), status: "signal", reason: "weekday-without-gp", missing: ["ma"] },
    { days: without("wo"), status: "signal", reason: "weekday-without-gp", missing: ["wo"] },
    { days: ["ma", "wo"], status: "signal", reason: "weekday-without-gp", missing: ["di", "do", "vr"] },
    { days: [], status: "signal", reason: "weekday-without-gp", missing: [...WEEKDAYS] },
    { days: ["vr", "do", "wo", "di", "ma"], status: "no-signal", reason: "every-weekday", missing: [] },
  ] as const)("present on $days → $status", ({ days, status, reason, missing }) => {
    const r = result("no-gp-present", { weekdaysPresent: [...days] });
    expect(r).toMatchObject({ status, reason });
    expect(r.evidence.weekdaysWithout).toEqual(missing);
    expect(r.evidence.weekdaysPresent).toEqual(days);
  });

  test("null (not known) → unknown", () => {
    expect(result("no-gp-present", { weekdaysPresent: null })).toMatchObject({
      status: "unknown",
      reason: "days-unknown",
      evidence: { weekdaysPresent: null },
    });
  });
});

describe("4. unclear-organisation", () => {
  type Case = { owner: SignalFacts["owner"]; gp: SignalFacts["medicallyResponsibleGp"]; gov: SignalFacts["governanceDocumented"]; status: SignalStatus; reason: string };
  const cases: Case[] = [
    // "No" to either is a signal, whoever owns the practice.
    { owner: "huisarts", gp: "nee", gov: "ja", status: "signal", reason: "no-responsible-gp" },
    { owner: "huisarts", gp: "nee", gov: "onbekend", status: "signal", reason: "no-responsible-gp" },
    { owner: "bestuurder", gp: "nee", gov: "ja", status: "signal", reason: "no-responsible-gp" },
    { owner: "andere-zorgverlener", gp: "nee", gov: "onbekend", status: "signal", reason: "no-responsible-gp" },
    { owner: "onbekend", gp: "nee", gov: "onbekend", status: "signal", reason: "no-responsible-gp" },
    { owner: "huisarts", gp: "ja", gov: "nee", status: "signal", reason: "governance-not-documented" },
    { owner: "huisarts", gp: "onbekend", gov: "nee", status: "signal", reason: "governance-not-documented" },
    { owner: "bestuurder", gp: "ja", gov: "nee", status: "signal", reason: "governance-not-documented" },
    { owner: "onbekend", gp: "onbekend", gov: "nee", status: "signal", reason: "governance-not-documented" },
    { owner: "bestuurder", gp: "nee", gov: "nee", status: "signal", reason: "no-responsible-gp" },
    // With a huisarts as owner these are implicitly safeguarded: unknown is no signal.
    { owner: "huisarts", gp: "onbekend", gov: "onbekend", status: "no-signal", reason: "owner-gp" },
    { owner: "huisarts", gp: "ja", gov: "ja", status: "no-signal", reason: "owner-gp" },
    // Owner not a huisarts (or unknown) and either unknown → unknown.
    { owner: "bestuurder", gp: "onbekend", gov: "ja", status: "unknown", reason: "arrangements-unknown" },
    { owner: "bestuurder", gp: "ja", gov: "onbekend", status: "unknown", reason: "arrangements-unknown" },
    { owner: "andere-zorgverlener", gp: "onbekend", gov: "ja", status: "unknown", reason: "arrangements-unknown" },
    { owner: "andere-zorgverlener", gp: "ja", gov: "onbekend", status: "unknown", reason: "arrangements-unknown" },
    { owner: "onbekend", gp: "onbekend", gov: "ja", status: "unknown", reason: "arrangements-unknown" },
    { owner: "onbekend", gp: "ja", gov: "onbekend", status: "unknown", reason: "arrangements-unknown" },
    { owner: "onbekend", gp: "onbekend", gov: "onbekend", status: "unknown", reason: "arrangements-unknown" },
    // Both answered (not no) → no signal.
    { owner: "bestuurder", gp: "ja", gov: "ja", status: "no-signal", reason: "arrangements-documented" },
    { owner: "andere-zorgverlener", gp: "ja", gov: "ja", status: "no-signal", reason: "arrangements-documented" },
    { owner: "onbekend", gp: "ja", gov: "ja", status: "no-signal", reason: "arrangements-documented" },
    // "deels" is not "nee": it counts as answered, so it is neither a signal nor unknown.
    { owner: "bestuurder", gp: "deels", gov: "deels", status: "no-signal", reason: "arrangements-documented" },
    { owner: "bestuurder", gp: "deels", gov: "onbekend", status: "unknown", reason: "arrangements-unknown" },
    { owner: "huisarts", gp: "deels", gov: "deels", status: "no-signal", reason: "owner-gp" },
  ];
  test.each(cases)("owner $owner, responsible gp $gp, governance $gov → $status", ({ owner, gp, gov, status, reason }) => {
    const r = result("unclear-organisation", { owner, medicallyResponsibleGp: gp, governanceDocumented: gov });
    expect(r).toMatchObject({ status, reason });
    expect(r.evidence).toEqual({ owner, medicallyResponsibleGp: gp, governanceDocumented: gov });
  });
});

describe("5. regional-cooperation (ANW and hagro)", () => {
  type Case = { anw: SignalFacts["anw"]; hagro: SignalFacts["hagro"]; status: SignalStatus; reason: string };
  const cases: Case[] = [
    { anw: "nee", hagro: "ja", status: "signal", reason: "no-anw" },
    { anw: "ja", hagro: "nee", status: "signal", reason: "no-hagro-participation" },
    { anw: "nee", hagro: "nee", status: "signal", reason: "no-anw" },
    { anw: "nee", hagro: "geen-hagro", status: "signal", reason: "no-anw" },
    // A "no" wins over an unknown.
    { anw: "nee", hagro: "onbekend", status: "signal", reason: "no-anw" },
    { anw: "onbekend", hagro: "nee", status: "signal", reason: "no-hagro-participation" },
    // "There is no hagro in the region" counts as fine.
    { anw: "ja", hagro: "geen-hagro", status: "no-signal", reason: "no-hagro-in-region" },
    { anw: "onbekend", hagro: "geen-hagro", status: "unknown", reason: "cooperation-unknown" },
    { anw: "onbekend", hagro: "ja", status: "unknown", reason: "cooperation-unknown" },
    { anw: "ja", hagro: "onbekend", status: "unknown", reason: "cooperation-unknown" },
    { anw: "onbekend", hagro: "onbekend", status: "unknown", reason: "cooperation-unknown" },
    { anw: "ja", hagro: "ja", status: "no-signal", reason: "takes-part" },
    // "deels" is not "nee".
    { anw: "deels", hagro: "deels", status: "no-signal", reason: "takes-part" },
    { anw: "deels", hagro: "geen-hagro", status: "no-signal", reason: "no-hagro-in-region" },
  ];
  test.each(cases)("anw $anw, hagro $hagro → $status", ({ anw, hagro, status, reason }) => {
    const r = result("regional-cooperation", { anw, hagro });
    expect(r).toMatchObject({ status, reason });
    expect(r.evidence).toEqual({ hagro, anw });
  });
});

describe("each rule reads only its own facts", () => {
  test("a signal on one rule leaves the others at no-signal", () => {
    const r = evaluate({ owner: "bestuurder", registeredPatients: 9000, huisartsHoursPerWeek: 80, weekdaysPresent: ["ma"] });
    expect(Object.fromEntries(SIGNAL_IDS.map((id) => [id, r[id].status]))).toEqual({
      "owner-not-gp": "signal",
      "patients-per-fte": "signal",
      "no-gp-present": "signal",
      "unclear-organisation": "no-signal",
      "regional-cooperation": "no-signal",
    });
  });
});

describe("the questionnaire adapter: answers → facts → signals", () => {
  const signalsFor = (answers: Answers) => evaluateSignals(signalFactsFromPractice(factsFromAnswers(answers)), p, 1);
  const statuses = (answers: Answers) => {
    const r = signalsFor(answers);
    return Object.fromEntries(SIGNAL_IDS.map((id) => [id, r[id].status]));
  };
  /** A practice that gives no signal anywhere, as stored answers. */
  const fine = (overrides: Parameters<typeof makeAnswers>[0] = {}) =>
    makeAnswers({
      "medisch-eindverantwoordelijke-huisarts": statement("ja"),
      "governance-vastgelegd": statement("ja"),
      "hagro-aanwezig": "ja",
      "hagro-deelname": statement("ja"),
      "anw-deelname": statement("ja"),
      ...overrides,
    });
  const rows = (...specs: Array<{ hours: number | null; days?: Weekday[] }>) =>
    specs.map(({ hours, days }) => makeHuisarts({ "uren-per-week": hours, "dagen-aanwezig": days ?? [...WEEKDAYS] }));

  test("a complete, unremarkable practice gives no signal anywhere", () => {
    expect(Object.values(statuses(fine()))).toEqual(SIGNAL_IDS.map(() => "no-signal"));
  });

  test("the default factory practice: huisarts owner, 5000 patients on 40 + 24 h, nothing of the statements answered", () => {
    expect(statuses(makeAnswers())).toEqual({
      "owner-not-gp": "no-signal",
      "patients-per-fte": "no-signal",
      "no-gp-present": "no-signal",
      "unclear-organisation": "no-signal", // a huisarts owner: implicitly safeguarded
      "regional-cooperation": "unknown",
    });
  });

  test.each([
    { eigenaar: "huisarts", status: "no-signal" },
    { eigenaar: "andere-zorgverlener", status: "signal" },
    { eigenaar: "bestuurder", status: "signal" },
    { eigenaar: "onbekend", status: "unknown" },
    { eigenaar: undefined, status: "unknown" },
  ])("eigenaar $eigenaar → owner-not-gp $status", ({ eigenaar, status }) => {
    expect(statuses(fine({ eigenaar }))["owner-not-gp"]).toBe(status);
  });

  test.each([
    { patients: 5000, hours: [40, 24], status: "no-signal", sum: 64 },
    { patients: 6400, hours: [40, 24], status: "no-signal", sum: 64 },
    { patients: 6401, hours: [40, 24], status: "signal", sum: 64 },
    { patients: 4100, hours: [16, 25], status: "no-signal", sum: 41 },
    { patients: 4101, hours: [16, 25], status: "signal", sum: 41 },
    { patients: 3060, hours: [10.1, 10.2, 10.3], status: "no-signal", sum: 30.6 },
    { patients: 9000, hours: [40, 40], status: "signal", sum: 80 },
    { patients: 4001, hours: [40], status: "signal", sum: 40 },
    { patients: 5000, hours: [0], status: "signal", sum: 0 },
    { patients: 5000, hours: [0, 0], status: "signal", sum: 0 },
  ])("hours are summed over the huisartsen: $patients patients on $hours h → $status", ({ patients, hours, status, sum }) => {
    const answers = fine({ "ingeschreven-patienten": patients, huisartsen: rows(...hours.map((h) => ({ hours: h }))) });
    const facts = signalFactsFromPractice(factsFromAnswers(answers));
    expect(facts.huisartsHoursPerWeek).toBeCloseTo(sum, 9);
    expect(signalsFor(answers)["patients-per-fte"].status).toBe(status);
  });

  test("the waarnemers' hours count as huisarts hours", () => {
    const huisartsen = [makeHuisarts({ "uren-per-week": 24 }), makeHuisarts({ rol: "vaste-waarnemer", "uren-per-week": 16 })];
    const answers = fine({ "ingeschreven-patienten": 4000, huisartsen });
    expect(signalFactsFromPractice(factsFromAnswers(answers)).huisartsHoursPerWeek).toBe(40);
    expect(signalsFor(answers)["patients-per-fte"].status).toBe("no-signal");
  });

  test("a huisarts row without hours makes the hours, and so patients-per-fte, unknown", () => {
    const answers = fine({ "ingeschreven-patienten": 9000, huisartsen: rows({ hours: 40 }, { hours: null }) });
    expect(signalFactsFromPractice(factsFromAnswers(answers)).huisartsHoursPerWeek).toBeNull();
    expect(signalsFor(answers)["patients-per-fte"]).toMatchObject({ status: "unknown", reason: "hours-unknown" });
  });

  test("no patients answered → patients-per-fte unknown", () => {
    expect(signalsFor(fine({ "ingeschreven-patienten": undefined }))["patients-per-fte"]).toMatchObject({
      status: "unknown",
      reason: "patients-unknown",
    });
  });

  test("weekdays are the union of the huisartsen's days", () => {
    const split = fine({ huisartsen: rows({ hours: 20, days: ["ma", "di"] }, { hours: 20, days: ["wo", "do"] }) });
    expect(signalFactsFromPractice(factsFromAnswers(split)).weekdaysPresent).toEqual(["ma", "di", "wo", "do"]);
    expect(signalsFor(split)["no-gp-present"]).toMatchObject({ status: "signal", evidence: { weekdaysWithout: ["vr"] } });

    const covered = fine({
      huisartsen: rows({ hours: 16, days: ["ma", "di"] }, { hours: 16, days: ["di", "wo"] }, { hours: 16, days: ["do", "vr"] }),
    });
    expect(signalFactsFromPractice(factsFromAnswers(covered)).weekdaysPresent).toEqual([...WEEKDAYS]);
    expect(signalsFor(covered)["no-gp-present"].status).toBe("no-signal");
  });

  test("huisartsen without any day present → no-gp-present signal on every weekday", () => {
    const answers = fine({ huisartsen: rows({ hours: 40, days: [] }) });
    expect(signalsFor(answers)["no-gp-present"]).toMatchObject({ status: "signal", evidence: { weekdaysWithout: [...WEEKDAYS] } });
  });

  test("no huisartsen list → no-gp-present unknown (and patients-per-fte unknown)", () => {
    const answers = fine({ huisartsen: undefined });
    const facts = signalFactsFromPractice(factsFromAnswers(answers));
    expect(facts).toMatchObject({ weekdaysPresent: null, huisartsHoursPerWeek: null });
    expect(signalsFor(answers)["no-gp-present"].status).toBe("unknown");
    expect(signalsFor(answers)["patients-per-fte"].status).toBe("unknown");
  });

  test.each([
    { name: "hagro-aanwezig nee → geen-hagro", answers: { "hagro-aanwezig": "nee", "hagro-deelname": undefined }, hagro: "geen-hagro", status: "no-signal" },
    {
      name: "hagro-aanwezig nee ignores a hidden hagro-deelname",
      answers: { "hagro-aanwezig": "nee", "hagro-deelname": statement("nee") },
      hagro: "geen-hagro",
      status: "no-signal",
    },
    { name: "hagro ja, deelname nee → signal", answers: { "hagro-aanwezig": "ja", "hagro-deelname": statement("nee") }, hagro: "nee", status: "signal" },
    { name: "hagro ja, deelname deels", answers: { "hagro-aanwezig": "ja", "hagro-deelname": statement("deels") }, hagro: "deels", status: "no-signal" },
    {
      name: "hagro ja, deelname weet-niet → onbekend",
      answers: { "hagro-aanwezig": "ja", "hagro-deelname": statement("weet-niet") },
      hagro: "onbekend",
      status: "unknown",
    },
    { name: "hagro ja, deelname not answered → onbekend", answers: { "hagro-aanwezig": "ja", "hagro-deelname": undefined }, hagro: "onbekend", status: "unknown" },
    { name: "hagro-aanwezig onbekend", answers: { "hagro-aanwezig": "onbekend", "hagro-deelname": undefined }, hagro: "onbekend", status: "unknown" },
    { name: "hagro-aanwezig not answered", answers: { "hagro-aanwezig": undefined, "hagro-deelname": undefined }, hagro: "onbekend", status: "unknown" },
  ] as const)("$name", ({ answers, hagro, status }) => {
    const a = fine(answers);
    expect(factsFromAnswers(a).hagro).toBe(hagro);
    expect(signalsFor(a)["regional-cooperation"].status).toBe(status);
  });

  test.each([
    { anw: statement("ja"), tri: "ja", status: "no-signal" },
    { anw: statement("nee", "Wij doen zelf de avonddiensten."), tri: "nee", status: "signal" },
    { anw: statement("deels"), tri: "deels", status: "no-signal" },
    { anw: statement("weet-niet"), tri: "onbekend", status: "unknown" },
    { anw: undefined, tri: "onbekend", status: "unknown" },
  ])("anw-deelname $anw → $tri → regional-cooperation $status", ({ anw, tri, status }) => {
    const a = fine({ "anw-deelname": anw });
    expect(factsFromAnswers(a).anw).toBe(tri);
    expect(signalsFor(a)["regional-cooperation"].status).toBe(status);
  });

  test("anw nee with hagro onbekend is a signal (a no wins over an unknown)", () => {
    const a = fine({ "anw-deelname": statement("nee"), "hagro-aanwezig": "onbekend", "hagro-deelname": undefined });
    expect(signalsFor(a)["regional-cooperation"]).toMatchObject({ status: "signal", reason: "no-anw" });
  });

  test.each([
    { eigenaar: "huisarts", gp: statement("nee"), gov: statement("ja"), status: "signal" },
    { eigenaar: "huisarts", gp: statement("weet-niet"), gov: statement("weet-niet"), status: "no-signal" },
    { eigenaar: "huisarts", gp: undefined, gov: undefined, status: "no-signal" },
    { eigenaar: "bestuurder", gp: statement("ja"), gov: statement("nee"), status: "signal" },
    { eigenaar: "bestuurder", gp: statement("weet-niet"), gov: statement("ja"), status: "unknown" },
    { eigenaar: "bestuurder", gp: statement("ja"), gov: undefined, status: "unknown" },
    { eigenaar: "andere-zorgverlener", gp: statement("ja"), gov: statement("ja"), status: "no-signal" },
    { eigenaar: "bestuurder", gp: statement("deels"), gov: statement("deels"), status: "no-signal" },
    { eigenaar: undefined, gp: statement("ja"), gov: statement("weet-niet"), status: "unknown" },
  ])(
    "eigenaar $eigenaar, medisch-eindverantwoordelijke $gp.choice, governance $gov.choice → unclear-organisation $status",
    ({ eigenaar, gp, gov, status }) => {
      const a = fine({ eigenaar, "medisch-eindverantwoordelijke-huisarts": gp, "governance-vastgelegd": gov });
      expect(signalsFor(a)["unclear-organisation"].status).toBe(status);
    },
  );

  test('statements answered "weet-niet" become onbekend facts', () => {
    const facts = factsFromAnswers(
      fine({
        "medisch-eindverantwoordelijke-huisarts": statement("weet-niet"),
        "governance-vastgelegd": statement("weet-niet", "Navragen bij de bestuurder."),
        "anw-deelname": statement("weet-niet"),
      }),
    );
    expect(facts).toMatchObject({ medicallyResponsibleGp: "onbekend", governanceDocumented: "onbekend", anw: "onbekend" });
  });

  test("a bestuurder practice above the line, answered through the questionnaire", () => {
    const answers = makeAnswers({
      eigenaar: "bestuurder",
      "ingeschreven-patienten": 9000,
      huisartsen: rows({ hours: 40 }, { hours: 40, days: ["ma", "di", "wo", "do"] }),
      "medisch-eindverantwoordelijke-huisarts": statement("nee"),
      "hagro-aanwezig": "nee",
      "anw-deelname": statement("ja"),
    });
    const r = signalsFor(answers);
    expect(r["patients-per-fte"].figure).toEqual({ name: "patientsPerFte", value: 4500, infinite: false, threshold: 4000 });
    expect(Object.fromEntries(SIGNAL_IDS.map((id) => [id, r[id].status]))).toEqual({
      "owner-not-gp": "signal",
      "patients-per-fte": "signal",
      "no-gp-present": "no-signal",
      "unclear-organisation": "signal",
      "regional-cooperation": "no-signal",
    });
  });
});
