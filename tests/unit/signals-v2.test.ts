/**
 * Rules version 2 (issue 12, "The rules, v2"): every row of the rules at its boundaries, on content
 * v1's parameters; then the questionnaire adapter (legal form, the keten register, days not given, the
 * hidden nearby-cooperation answer); then the words of every outcome. Version 1 is in signals.test.ts.
 */
import { describe, expect, test } from "vitest";
import { WEEKDAYS, type Answers, type Weekday } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import { SIGNAL_IDS, type SignalId } from "~/domain/content/schema";
import { factsFromAnswers, signalFactsFromPractice, type HagroStatus, type KetenStatus, type OwnerKind, type Tri } from "~/domain/facts";
import { evaluateSignals, type SignalFacts, type SignalResult, type SignalStatus } from "~/domain/signals";
import i18next from "~/i18next.server";
import { signalFigureText, signalReasonText } from "~/models/report.server";
import { makeAnswers, makeHuisarts, makeSignalFacts, statement } from "../factories";

const p = getQuestionnaire(1).parameters;
const v2 = (overrides: Partial<SignalFacts>) => evaluateSignals(makeSignalFacts(overrides), p, 2);
const result = (id: SignalId, overrides: Partial<SignalFacts>) => v2(overrides)[id];

test("version 2 is the one in force", () => {
  expect(p.rulesVersion).toBe(2);
});

describe("1 and 2: owner-not-gp and patients-per-fte are unchanged from version 1", () => {
  const grid: Array<Partial<SignalFacts>> = [];
  for (const owner of ["huisarts", "andere-zorgverlener", "bestuurder", "onbekend"] as const) {
    for (const [registeredPatients, huisartsHoursPerWeek] of [[4000, 40], [4001, 40], [4100, 41], [0, 0], [5, 0], [null, 40], [9000, null]] as const) {
      grid.push({ owner, registeredPatients, huisartsHoursPerWeek });
    }
  }
  test.each(grid)("%o", (facts) => {
    for (const id of ["owner-not-gp", "patients-per-fte"] as const) {
      expect(evaluateSignals(makeSignalFacts(facts), p, 2)[id]).toEqual(evaluateSignals(makeSignalFacts(facts), p, 1)[id]);
    }
  });
});

describe("3. no-gp-present: a weekday without a huisarts is a signal; a huisarts without days makes presence unknown", () => {
  const without = (...days: Weekday[]) => WEEKDAYS.filter((d) => !days.includes(d));
  test.each([
    { days: [...WEEKDAYS], open: 0, status: "no-signal", reason: "every-weekday", note: "every weekday covered, every huisarts's days known" },
    { days: without("vr"), open: 0, status: "signal", reason: "weekday-without-gp", note: "Friday open, every huisarts's days known" },
    { days: [], open: 0, status: "signal", reason: "weekday-without-gp", note: "no day at all (a spreadsheet's “geen”)" },
    { days: [...WEEKDAYS], open: 1, status: "no-signal", reason: "every-weekday-by-others", note: "one huisarts without days, the others cover every weekday" },
    { days: without("vr"), open: 1, status: "unknown", reason: "days-partly-unknown", note: "one huisarts without days, Friday open by the others" },
    { days: without("ma", "vr"), open: 2, status: "unknown", reason: "days-partly-unknown", note: "two without days, two weekdays open" },
    { days: [], open: 3, status: "unknown", reason: "days-partly-unknown", note: "no huisarts's days known" },
    { days: null, open: 0, status: "unknown", reason: "days-unknown", note: "no huisartsen given" },
  ] as const)("$note → $status", ({ days, open, status, reason }) => {
    const r = result("no-gp-present", { weekdaysPresent: days === null ? null : [...days], huisartsenWithoutDays: open });
    expect(r).toMatchObject({ status, reason });
    if (days !== null) expect(r.evidence.weekdaysWithout).toEqual(WEEKDAYS.filter((d) => !(days as readonly string[]).includes(d)));
    if (open > 0) expect(r.params).toEqual({ count: open });
  });

  describe("the presence figure beside it (not a sixth signal)", () => {
    const figure = (huisartsen: SignalFacts["huisartsen"], parameters = p) =>
      evaluateSignals(makeSignalFacts({ huisartsen }), parameters, 2)["no-gp-present"].figure;

    test.each([
      { list: [{ days: 1, waarnemer: false }], below: 1, note: "1 day is fewer than 2" },
      { list: [{ days: 2, waarnemer: false }], below: 0, note: "exactly 2 days is not" },
      { list: [{ days: 5, waarnemer: false }, { days: 1, waarnemer: true }, { days: null, waarnemer: true }], below: 1, note: "a huisarts without days is not counted as below" },
    ])("$note", ({ list, below }) => {
      expect(figure(list)).toMatchObject({ name: "presence", belowMinDays: below, minDays: 2, huisartsen: list.length });
    });

    test("the minimum comes from the parameters", () => {
      expect(figure([{ days: 2, waarnemer: false }], { ...p, minDaysPresentPerWeek: 3 })).toMatchObject({ belowMinDays: 1, minDays: 3 });
    });

    test.each([
      { list: [{ days: 3, waarnemer: true }, { days: 2, waarnemer: true }], only: true },
      { list: [{ days: 3, waarnemer: true }, { days: 2, waarnemer: false }], only: false },
      { list: [{ days: 3, waarnemer: true }, { days: 2, waarnemer: null }], only: null },
      { list: [], only: null },
    ])("only waarnemers: $only", ({ list, only }) => {
      expect(figure(list)).toMatchObject({ onlyWaarnemers: only });
    });

    test("a spreadsheet lists no huisartsen: no figure to show, and the status is the days' alone", () => {
      const r = result("no-gp-present", { huisartsen: null, weekdaysPresent: without("wo") });
      expect(r).toMatchObject({ status: "signal", figure: { belowMinDays: null, onlyWaarnemers: null, huisartsen: null } });
    });

    test("only waarnemers does not change the status", () => {
      const r = result("no-gp-present", { huisartsen: [{ days: 5, waarnemer: true }] });
      expect(r.status).toBe("no-signal");
      expect(r.figure).toMatchObject({ onlyWaarnemers: true });
    });
  });
});

describe("4. unclear-organisation", () => {
  type Case = { owner: OwnerKind; keten: KetenStatus; m: Tri; g: Tri; status: SignalStatus; reason: string };
  const cases: Case[] = [
    // "Nee" to either is a signal, whoever owns the practice and whatever its form.
    { owner: "huisarts", keten: "nee", m: "nee", g: "ja", status: "signal", reason: "no-responsible-gp" },
    { owner: "huisarts", keten: "nee", m: "ja", g: "nee", status: "signal", reason: "governance-not-documented" },
    { owner: "onbekend", keten: "onbekend", m: "onbekend", g: "nee", status: "signal", reason: "governance-not-documented" },
    { owner: "bestuurder", keten: "ja", m: "nee", g: "deels", status: "signal", reason: "no-responsible-gp" },
    // Explicit arrangements required: owner another care provider or a bestuurder…
    { owner: "bestuurder", keten: "nee", m: "deels", g: "deels", status: "signal", reason: "arrangements-partly" },
    { owner: "bestuurder", keten: "nee", m: "ja", g: "deels", status: "signal", reason: "arrangements-partly" },
    { owner: "andere-zorgverlener", keten: "onbekend", m: "deels", g: "ja", status: "signal", reason: "arrangements-partly" },
    { owner: "bestuurder", keten: "nee", m: "deels", g: "onbekend", status: "signal", reason: "arrangements-partly" },
    { owner: "bestuurder", keten: "nee", m: "ja", g: "onbekend", status: "unknown", reason: "arrangements-unknown-explicit" },
    { owner: "andere-zorgverlener", keten: "nee", m: "onbekend", g: "onbekend", status: "unknown", reason: "arrangements-unknown-explicit" },
    { owner: "bestuurder", keten: "nee", m: "ja", g: "ja", status: "no-signal", reason: "arrangements-explicit" },
    // …or the practice part of a keten or holding, with a huisarts as owner.
    { owner: "huisarts", keten: "ja", m: "ja", g: "deels", status: "signal", reason: "arrangements-partly" },
    { owner: "huisarts", keten: "ja", m: "onbekend", g: "ja", status: "unknown", reason: "arrangements-unknown-explicit" },
    { owner: "huisarts", keten: "ja", m: "ja", g: "ja", status: "no-signal", reason: "arrangements-explicit" },
    { owner: "onbekend", keten: "ja", m: "deels", g: "ja", status: "signal", reason: "arrangements-partly" },
    // Owner unknown (not in a keten): both ja is no signal, anything else unknown.
    { owner: "onbekend", keten: "nee", m: "ja", g: "ja", status: "no-signal", reason: "arrangements-documented" },
    { owner: "onbekend", keten: "nee", m: "deels", g: "ja", status: "unknown", reason: "owner-unknown-arrangements" },
    { owner: "onbekend", keten: "onbekend", m: "ja", g: "onbekend", status: "unknown", reason: "owner-unknown-arrangements" },
    // Huisarts owner, not known whether in a keten: the same (the product's reading of "no keten").
    { owner: "huisarts", keten: "onbekend", m: "ja", g: "ja", status: "no-signal", reason: "arrangements-documented" },
    { owner: "huisarts", keten: "onbekend", m: "deels", g: "ja", status: "unknown", reason: "keten-unknown-arrangements" },
    { owner: "huisarts", keten: "onbekend", m: "onbekend", g: "onbekend", status: "unknown", reason: "keten-unknown-arrangements" },
    // Huisarts owner outside any keten: no signal; deels and weet niet are topics in the guide.
    { owner: "huisarts", keten: "nee", m: "ja", g: "ja", status: "no-signal", reason: "arrangements-documented" },
    { owner: "huisarts", keten: "nee", m: "deels", g: "deels", status: "no-signal", reason: "owner-gp-implicit-topics" },
    { owner: "huisarts", keten: "nee", m: "onbekend", g: "onbekend", status: "no-signal", reason: "owner-gp-implicit-topics" },
    { owner: "huisarts", keten: "nee", m: "ja", g: "onbekend", status: "no-signal", reason: "owner-gp-implicit-topics" },
  ];
  test.each(cases)("owner $owner, keten $keten, medisch eindverantwoordelijke $m, governance $g → $status ($reason)", ({ owner, keten, m, g, status, reason }) => {
    const r = result("unclear-organisation", { owner, ketenOrHolding: keten, medicallyResponsibleGp: m, governanceDocumented: g });
    expect(r).toMatchObject({ status, reason });
    expect(r.evidence).toEqual({ owner, ketenOrHolding: keten, medicallyResponsibleGp: m, governanceDocumented: g });
  });

  test.each([
    { owner: "bestuurder", keten: "nee", why: "owner" },
    { owner: "huisarts", keten: "ja", why: "keten" },
    { owner: "andere-zorgverlener", keten: "ja", why: "owner-and-keten" },
  ] as const)("the reason says why arrangements must be explicit: $why", ({ owner, keten, why }) => {
    const r = result("unclear-organisation", { owner, ketenOrHolding: keten, medicallyResponsibleGp: "deels", governanceDocumented: "ja" });
    expect(r.params).toEqual({ why, medicallyResponsibleGp: "deels", governanceDocumented: "ja" });
  });
});

describe("5. regional-cooperation: ANW, the hagro, and the huisartsen nearby when there is no hagro", () => {
  type Case = { anw: Tri; hagro: HagroStatus; nearby: Tri; status: SignalStatus; reason: string };
  const cases: Case[] = [
    // The case: no hagro, "nee" to the huisartsen nearby, ANW "deels" → a signal (v1 said no signal).
    { anw: "deels", hagro: "geen-hagro", nearby: "nee", status: "signal", reason: "no-nearby-cooperation" },
    { anw: "ja", hagro: "geen-hagro", nearby: "nee", status: "signal", reason: "no-nearby-cooperation" },
    { anw: "onbekend", hagro: "geen-hagro", nearby: "nee", status: "signal", reason: "no-nearby-cooperation" },
    // The product's reading: "nee" nearby is a signal also when it is not known whether there is a hagro.
    { anw: "ja", hagro: "onbekend", nearby: "nee", status: "signal", reason: "no-nearby-cooperation-hagro-unknown" },
    { anw: "nee", hagro: "ja", nearby: "onbekend", status: "signal", reason: "no-anw" },
    { anw: "nee", hagro: "onbekend", nearby: "onbekend", status: "signal", reason: "no-anw" },
    { anw: "ja", hagro: "nee", nearby: "onbekend", status: "signal", reason: "no-hagro-participation" },
    { anw: "onbekend", hagro: "nee", nearby: "ja", status: "signal", reason: "no-hagro-participation" },
    // With a hagro the nearby answer does not apply (it is not asked).
    { anw: "ja", hagro: "ja", nearby: "nee", status: "no-signal", reason: "takes-part" },
    // Unknown when a part that applies is unknown.
    { anw: "ja", hagro: "geen-hagro", nearby: "onbekend", status: "unknown", reason: "nearby-unknown" },
    { anw: "onbekend", hagro: "ja", nearby: "onbekend", status: "unknown", reason: "anw-unknown" },
    { anw: "ja", hagro: "onbekend", nearby: "ja", status: "unknown", reason: "hagro-unknown" },
    { anw: "onbekend", hagro: "geen-hagro", nearby: "onbekend", status: "unknown", reason: "cooperation-unknown" },
    { anw: "onbekend", hagro: "onbekend", nearby: "onbekend", status: "unknown", reason: "cooperation-unknown" },
    // "Deels" counts as taking part, and the reason says so.
    { anw: "ja", hagro: "ja", nearby: "onbekend", status: "no-signal", reason: "takes-part" },
    { anw: "deels", hagro: "ja", nearby: "onbekend", status: "no-signal", reason: "takes-part-partly" },
    { anw: "ja", hagro: "deels", nearby: "onbekend", status: "no-signal", reason: "takes-part-partly" },
    { anw: "ja", hagro: "geen-hagro", nearby: "ja", status: "no-signal", reason: "nearby-takes-part" },
    { anw: "ja", hagro: "geen-hagro", nearby: "deels", status: "no-signal", reason: "nearby-takes-part-partly" },
    { anw: "deels", hagro: "geen-hagro", nearby: "ja", status: "no-signal", reason: "nearby-takes-part-partly" },
  ];
  test.each(cases)("anw $anw, hagro $hagro, nearby $nearby → $status ($reason)", ({ anw, hagro, nearby, status, reason }) => {
    const r = result("regional-cooperation", { anw, hagro, nearbyCooperation: nearby });
    expect(r).toMatchObject({ status, reason });
    const hagroPresent = hagro === "ja" || hagro === "deels" || hagro === "nee";
    expect(r.evidence).toEqual(hagroPresent ? { hagro, anw } : { hagro, nearbyCooperation: nearby, anw });
  });

  test("a no-signal names the values it read, deels included", () => {
    expect(result("regional-cooperation", { anw: "deels", hagro: "geen-hagro", nearbyCooperation: "ja" }).params).toEqual({ nearbyCooperation: "ja", anw: "deels" });
    expect(result("regional-cooperation", { anw: "ja", hagro: "deels" }).params).toEqual({ hagro: "deels", anw: "ja" });
  });
});

describe("the questionnaire adapter for version 2", () => {
  const facts = (answers: Answers, register: { ketenMember?: boolean } = {}) => signalFactsFromPractice(factsFromAnswers(answers), register);
  const statuses = (answers: Answers, register: { ketenMember?: boolean } = {}) => {
    const r = evaluateSignals(facts(answers, register), p);
    return Object.fromEntries(SIGNAL_IDS.map((id) => [id, r[id].status]));
  };

  test.each([
    { rechtsvorm: "keten-bv", keten: "ja" },
    { rechtsvorm: "maatschap", keten: "nee" },
    { rechtsvorm: "bv", keten: "nee" },
    { rechtsvorm: "anders", keten: "nee" },
    { rechtsvorm: "onbekend", keten: "onbekend" },
    { rechtsvorm: undefined, keten: "onbekend" },
  ])("rechtsvorm $rechtsvorm → part of a keten or holding: $keten", ({ rechtsvorm, keten }) => {
    expect(facts(makeAnswers({ rechtsvorm })).ketenOrHolding).toBe(keten);
  });

  test("membership of a keten in the register makes the practice part of one, whatever the legal form says", () => {
    expect(facts(makeAnswers({ rechtsvorm: "maatschap" }), { ketenMember: true }).ketenOrHolding).toBe("ja");
    const answers = makeAnswers({ rechtsvorm: "maatschap", "medisch-eindverantwoordelijke-huisarts": statement("ja"), "governance-vastgelegd": statement("deels") });
    expect(statuses(answers)["unclear-organisation"]).toBe("no-signal");
    expect(statuses(answers, { ketenMember: true })["unclear-organisation"]).toBe("signal");
  });

  test("a huisarts row without days makes presence unknown, not absent (the issue's case)", () => {
    const answers = makeAnswers({
      huisartsen: [
        makeHuisarts({ "dagen-aanwezig": ["ma", "di", "wo", "do"] }),
        makeHuisarts({ rol: "vaste-waarnemer", "uren-per-week": 16, "dagen-aanwezig": [] }),
      ],
    });
    expect(facts(answers)).toMatchObject({ weekdaysPresent: ["ma", "di", "wo", "do"], huisartsenWithoutDays: 1, huisartsen: [{ days: 4, waarnemer: false }, { days: null, waarnemer: true }] });
    expect(evaluateSignals(facts(answers), p)["no-gp-present"]).toMatchObject({ status: "unknown", reason: "days-partly-unknown" });
    // Version 1 read the same facts as "no days": a signal.
    expect(evaluateSignals(facts(answers), p, 1)["no-gp-present"].status).toBe("signal");
  });

  test("the nearby-cooperation answer counts only when it is asked (no hagro, or not known)", () => {
    const base = { "anw-deelname": statement("ja"), "samenwerking-huisartsen-omgeving": statement("nee") };
    expect(facts(makeAnswers({ ...base, "hagro-aanwezig": "nee" })).nearbyCooperation).toBe("nee");
    expect(facts(makeAnswers({ ...base, "hagro-aanwezig": "onbekend" })).nearbyCooperation).toBe("nee");
    expect(facts(makeAnswers({ ...base, "hagro-aanwezig": "ja", "hagro-deelname": statement("ja") })).nearbyCooperation).toBe("onbekend");
    expect(statuses(makeAnswers({ ...base, "hagro-aanwezig": "ja", "hagro-deelname": statement("ja") }))["regional-cooperation"]).toBe("no-signal");
    expect(facts(makeAnswers({ "samenwerking-huisartsen-omgeving": statement("weet-niet") })).nearbyCooperation).toBe("onbekend");
  });

  test("a bestuurder practice with both arrangements deels, no hagro, nearby nee, ANW deels, as answered", () => {
    const answers = makeAnswers({
      eigenaar: "bestuurder",
      "medisch-eindverantwoordelijke-huisarts": statement("deels"),
      "governance-vastgelegd": statement("deels"),
      "hagro-aanwezig": "nee",
      "samenwerking-huisartsen-omgeving": statement("nee"),
      "anw-deelname": statement("deels"),
    });
    expect(statuses(answers)).toMatchObject({ "owner-not-gp": "signal", "unclear-organisation": "signal", "regional-cooperation": "signal" });
    // What version 1 said of the same answers.
    const v1 = evaluateSignals(facts(answers), p, 1);
    expect([v1["unclear-organisation"].status, v1["regional-cooperation"].status]).toEqual(["no-signal", "no-signal"]);
  });
});

describe("the words of every outcome of version 2", () => {
  // Every combination the rules distinguish, so every reason and figure they can give is worded.
  const outcomes: SignalResult[] = [];
  for (const owner of ["huisarts", "andere-zorgverlener", "bestuurder", "onbekend"] as const)
    for (const keten of ["ja", "nee", "onbekend"] as const)
      for (const m of ["ja", "deels", "nee", "onbekend"] as const)
        for (const g of ["ja", "deels", "nee", "onbekend"] as const)
          outcomes.push(result("unclear-organisation", { owner, ketenOrHolding: keten, medicallyResponsibleGp: m, governanceDocumented: g }), result("owner-not-gp", { owner }));
  for (const anw of ["ja", "deels", "nee", "onbekend"] as const)
    for (const hagro of ["ja", "deels", "nee", "geen-hagro", "onbekend"] as const)
      for (const nearby of ["ja", "deels", "nee", "onbekend"] as const) outcomes.push(result("regional-cooperation", { anw, hagro, nearbyCooperation: nearby }));
  for (const [days, open] of [[[...WEEKDAYS], 0], [[...WEEKDAYS], 1], [[...WEEKDAYS], 2], [["ma"], 0], [["ma"], 1], [["ma"], 3], [null, 0]] as const)
    outcomes.push(result("no-gp-present", { weekdaysPresent: days === null ? null : [...days], huisartsenWithoutDays: open, huisartsen: [{ days: 1, waarnemer: true }, { days: 3, waarnemer: true }] }));
  for (const [patients, hours] of [[4000, 40], [4001, 40], [0, 0], [5, 0], [null, 40], [9000, null]] as const)
    outcomes.push(result("patients-per-fte", { registeredPatients: patients, huisartsHoursPerWeek: hours }));

  test("the grid reaches every reason the rules have", () => {
    expect(new Set(outcomes.map((o) => o.reason)).size).toBeGreaterThanOrEqual(30);
  });

  test.each(["nl", "en"] as const)("every reason and figure is worded, every value filled in (%s)", async (lng) => {
    const t = await i18next.getFixedT(lng);
    for (const outcome of outcomes) {
      const words = signalReasonText(outcome, t, 2);
      expect(words, outcome.reason).not.toMatch(/\{\{|\}\}|rulesExplained\.|signals\.reason\.|signals\.value\./);
      expect(words.length, outcome.reason).toBeGreaterThan(20);
      const figure = signalFigureText(outcome, t, lng);
      if (figure !== null) expect(figure, outcome.reason).not.toMatch(/\{\{|rulesExplained\./);
    }
  });

  test("reasons read right: a reason that names values says them as they are", async () => {
    const t = await i18next.getFixedT("nl");
    const partly = result("regional-cooperation", { anw: "deels", hagro: "geen-hagro", nearbyCooperation: "ja" });
    expect(signalReasonText(partly, t, 2)).toContain("ANW-zorg (deels)");
    const oneYes = result("unclear-organisation", { owner: "bestuurder", ketenOrHolding: "nee", medicallyResponsibleGp: "ja", governanceDocumented: "onbekend" });
    expect(signalReasonText(oneYes, t, 2)).toBe(
      "De eigenaar is geen huisarts; dan moeten de minimale randvoorwaarden expliciet en aantoonbaar zijn ingericht. Niet bekend is of dat zo is: medisch eindverantwoordelijke huisarts aangewezen: ja; governance vastgelegd: onbekend.",
    );
    const presence = result("no-gp-present", { huisartsen: [{ days: 1, waarnemer: true }, { days: 3, waarnemer: true }] });
    expect(signalFigureText(presence, t, "nl")).toBe("1 van de 2 huisartsen is minder dan 2 dagen per week fysiek aanwezig. Alle huisartsen zijn waarnemers: er is geen vaste huisarts.");
  });

  test("a version 1 result keeps version 1's words", async () => {
    const t = await i18next.getFixedT("nl");
    const v1 = evaluateSignals(makeSignalFacts({ owner: "bestuurder", medicallyResponsibleGp: "deels", governanceDocumented: "deels" }), p, 1)["unclear-organisation"];
    expect(v1.reason).toBe("arrangements-documented");
    expect(signalReasonText(v1, t, 1)).toBe(t("signals.reason.arrangements-documented"));
    expect(signalReasonText(v1, t, 1)).toContain("ten minste deels");
  });
});
