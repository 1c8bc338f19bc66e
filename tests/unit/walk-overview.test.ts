/**
 * The walk (section order, skip logic, progress) and the kernwaarden overview (status per kernpunt,
 * open topics) on content v1.
 */
import { describe, expect, test } from "vitest";
import type { Answers, StatementChoice, StatementValue } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import { kernpuntOverview, openTopics, type KernpuntStatus } from "~/domain/overview";
import { progressTotals, walk } from "~/domain/walk";
import { makeAnswers, makeHuisarts, makeTeam } from "../factories";

const questionnaire = getQuestionnaire(1);
const DEFAULT_ORDER = questionnaire.sections.map((s) => s.id);
const MAX = questionnaire.parameters.maxPatientsPerFte;
const FTE_HOURS = questionnaire.parameters.hoursPerFte;

const say = (choice: StatementChoice, note: string | null = null): StatementValue => ({ choice, note });
const shownIds = (answers: Answers) => new Set(walk(questionnaire, answers).flatMap((s) => s.visible.map((q) => q.id)));
const kernpunt = (answers: Answers, id: string) => {
  const outcome = kernpuntOverview(questionnaire, answers).find((k) => k.id === id);
  if (!outcome) throw new Error(`no kernpunt ${id}`);
  return outcome;
};
const practice = (patients: number | undefined, hours: number[]) =>
  makeAnswers({ "ingeschreven-patienten": patients, huisartsen: hours.map((h) => makeHuisarts({ "uren-per-week": h })) });

describe("section order", () => {
  test("the manifest's default order ends with governance", () => {
    expect(DEFAULT_ORDER[0]).toBe("praktijkgegevens");
    expect(DEFAULT_ORDER.at(-1)).toBe("governance");
  });

  test.each(["bestuurder", "andere-zorgverlener", "onbekend"])(
    "eigenaar %s: governance moves right after praktijkgegevens and is essential",
    (eigenaar) => {
      const states = walk(questionnaire, makeAnswers({ eigenaar }));
      expect(states.map((s) => s.section.id)).toEqual([
        "praktijkgegevens",
        "governance",
        ...DEFAULT_ORDER.filter((id) => id !== "praktijkgegevens" && id !== "governance"),
      ]);
      expect(states[1]!.essential).toBe(true);
      expect(states.filter((s) => s.essential).map((s) => s.section.id)).toEqual(["governance"]);
    },
  );

  test.each([
    { name: "eigenaar huisarts", answers: makeAnswers({ eigenaar: "huisarts" }) },
    { name: "eigenaar not answered yet", answers: makeAnswers({ eigenaar: undefined }) },
    { name: "no answers at all", answers: {} },
  ])("$name: default order, governance last and not essential", ({ answers }) => {
    const states = walk(questionnaire, answers);
    expect(states.map((s) => s.section.id)).toEqual(DEFAULT_ORDER);
    expect(states.some((s) => s.essential)).toBe(false);
  });
});

describe("skip logic", () => {
  test.each([
    { aios: { personen: 1, uren: 36 }, shown: true },
    { aios: { personen: 2, uren: null }, shown: true },
    { aios: { personen: 0, uren: 0 }, shown: false },
    { aios: { personen: null, uren: 36 }, shown: false },
  ])("supervisie-aios with team.aios = $aios → shown: $shown", ({ aios, shown }) => {
    expect(shownIds(makeAnswers({ team: makeTeam({ aios }) })).has("supervisie-aios")).toBe(shown);
  });

  test("supervisie-aios is hidden when the team is not given", () => {
    expect(shownIds(makeAnswers({ team: undefined })).has("supervisie-aios")).toBe(false);
  });

  test.each([
    { pa: 1, vs: null, shown: true },
    { pa: null, vs: 2, shown: true },
    { pa: 0, vs: 0, shown: false },
    { pa: null, vs: null, shown: false },
  ])("taakherschikking questions with pa $pa, vs $vs → shown: $shown", ({ pa, vs, shown }) => {
    const ids = shownIds(makeAnswers({ team: makeTeam({ pa: { personen: pa, uren: null }, vs: { personen: vs, uren: null } }) }));
    expect(ids.has("afspraken-taakherschikking")).toBe(shown);
    expect(ids.has("huisarts-beschikbaar-voor-pa-vs")).toBe(shown);
  });

  test.each([
    { hagro: "ja", deelname: true },
    { hagro: "nee", deelname: false },
    { hagro: "onbekend", deelname: false },
    { hagro: undefined, deelname: false },
  ])("hagro-aanwezig $hagro → hagro-deelname shown: $deelname, the question without hagro the opposite", ({ hagro, deelname }) => {
    const ids = shownIds(makeAnswers({ "hagro-aanwezig": hagro }));
    expect(ids.has("hagro-deelname")).toBe(deelname);
    expect(ids.has("samenwerking-huisartsen-omgeving")).toBe(!deelname);
  });

  test("progress counts only shown questions; an answer to a hidden question does not count", () => {
    const base = makeAnswers({ "hagro-aanwezig": "nee" });
    const withHidden = { ...base, "hagro-deelname": say("ja") };
    const regio = (answers: Answers) => walk(questionnaire, answers).find((s) => s.section.id === "regionale-samenwerking")!;
    expect(regio(withHidden).answered).toBe(regio(base).answered);
    expect(regio(withHidden).visible.map((q) => q.id)).not.toContain("hagro-deelname");

    const states = walk(questionnaire, base);
    const totals = progressTotals(states);
    // Register facts (issue 13) are shown but not asked: they count neither as questions nor as answers.
    const given = (id: string) => { const q = questionnaire.questionById.get(id)?.question; return q?.type === "text" && q.register !== undefined; };
    expect(totals.total).toBe(states.reduce((n, s) => n + s.visible.filter((q) => !given(q.id)).length, 0));
    expect(totals.answered).toBe(Object.keys(base).filter((id) => shownIds(base).has(id) && !given(id)).length);
    expect(totals.percent).toBe(Math.round((totals.answered / totals.total) * 100));
  });

  test("a section is complete when every shown question is answered", () => {
    const section = questionnaire.sectionById.get("persoonsgericht")!;
    const answers = Object.fromEntries(section.questions.map((q) => [q.id, say("ja")]));
    const state = walk(questionnaire, answers).find((s) => s.section.id === "persoonsgericht")!;
    expect(state).toMatchObject({ complete: true, answered: section.questions.length, total: section.questions.length });
  });
});

describe(`continuiteit-boven-4000 and kernpunt continuiteit-8`, () => {
  const status = (answers: Answers) => {
    const outcome = kernpunt(answers, "continuiteit-8");
    const statement = outcome.statements.find((s) => s.question.id === "continuiteit-boven-4000");
    return { status: outcome.status, statement };
  };

  test.each([
    { name: `${MAX} patients on 1 fte`, patients: MAX, hours: [FTE_HOURS] },
    { name: "well below the line", patients: 2500, hours: [FTE_HOURS, 24] },
    { name: "exactly on the line with 2 fte", patients: 2 * MAX, hours: [FTE_HOURS, FTE_HOURS] },
    // BUG (these three fail): 4100 / (41 / 40) is 4000.0000000000005 in floating point but exactly 4000.
    // deriveFigures says aboveMaxPatientsPerFte = false (exact), yet the content conditions compare the
    // float patientsPerFte (app/domain/conditions.ts derivedValue), so the "more than 4000" statement is
    // shown and the autoStatus (lte 4000) does not apply.
    { name: "exactly on the line with 41 hours", patients: (MAX * 41) / FTE_HOURS, hours: [41] },
    { name: "exactly on the line with 16 + 25 hours", patients: (MAX * 41) / FTE_HOURS, hours: [16, 25] },
    { name: "exactly on the line with 20,5 hours", patients: (MAX * 20.5) / FTE_HOURS, hours: [20.5] },
  ])("≤ the line ($name): hidden, and continuiteit-8 geborgd from the facts", ({ patients, hours }) => {
    const answers = practice(patients, hours);
    expect(shownIds(answers).has("continuiteit-boven-4000")).toBe(false);
    const { status: kernpuntStatus, statement } = status(answers);
    expect(statement).toMatchObject({ shown: false, status: "geborgd", answer: null });
    // The text takes the line from the parameters, in Dutch number format.
    expect(statement?.autoReason?.nl).toContain(new Intl.NumberFormat("nl-NL").format(MAX));
    expect(kernpuntStatus).toBe("geborgd");
  });

  test.each([
    { name: `${MAX + 1} patients on 1 fte`, patients: MAX + 1, hours: [FTE_HOURS] },
    { name: "4000 patients on 39,99 hours", patients: MAX, hours: [FTE_HOURS - 0.01] },
    { name: "patients but 0 huisarts hours", patients: 1500, hours: [0] },
  ])("above the line ($name): shown, and the kernpunt waits for the answer", ({ patients, hours }) => {
    const answers = practice(patients, hours);
    expect(shownIds(answers).has("continuiteit-boven-4000")).toBe(true);
    expect(status(answers)).toMatchObject({ status: "onbekend", statement: { shown: true, autoReason: null } });
    expect(status({ ...answers, "continuiteit-boven-4000": say("ja") }).status).toBe("geborgd");
    expect(status({ ...answers, "continuiteit-boven-4000": say("nee") }).status).toBe("niet");
  });

  test.each([
    { name: "patients unknown", answers: practice(undefined, [FTE_HOURS]) },
    { name: "huisartsen unknown", answers: makeAnswers({ huisartsen: undefined }) },
    { name: "hours unknown", answers: makeAnswers({ huisartsen: [makeHuisarts({ "uren-per-week": null })] }) },
    { name: "nothing answered", answers: {} },
  ])("figures unknown ($name): hidden and onbekend, never geborgd", ({ answers }) => {
    expect(shownIds(answers).has("continuiteit-boven-4000")).toBe(false);
    expect(status(answers)).toMatchObject({ status: "onbekend", statement: { shown: false, status: "onbekend", autoReason: null } });
  });
});

describe("kernpunt status: the worst statement wins", () => {
  const ID = "continuiteit-5";
  const statementIds = kernpunt({}, ID).statements.map((s) => s.question.id);

  test(`${ID} has at least two statements to combine`, () => {
    expect(statementIds.length).toBeGreaterThanOrEqual(2);
  });

  test.each<{ choices: Array<StatementChoice | undefined>; status: KernpuntStatus }>([
    { choices: ["nee", "ja"], status: "niet" },
    { choices: ["ja", "nee"], status: "niet" },
    { choices: ["ja", "deels"], status: "deels" },
    { choices: ["deels", "nee"], status: "niet" },
    { choices: ["ja", undefined], status: "onbekend" },
    { choices: ["ja", "weet-niet"], status: "onbekend" },
    { choices: ["weet-niet", "deels"], status: "deels" },
    { choices: ["ja", "ja"], status: "geborgd" },
    { choices: [undefined, undefined], status: "onbekend" },
  ])("$choices → $status", ({ choices, status }) => {
    const answers: Answers = makeAnswers();
    choices.forEach((choice, i) => {
      if (choice) answers[statementIds[i]!] = say(choice);
    });
    // Any further statements of the kernpunt are ja, so they never decide.
    statementIds.slice(choices.length).forEach((id) => (answers[id] = say("ja")));
    expect(kernpunt(answers, ID).status).toBe(status);
  });

  test("a statement hidden by skip logic is niet van toepassing; all hidden → nvt", () => {
    const noAios = makeAnswers({ team: makeTeam({ aios: { personen: 0, uren: 0 } }) });
    expect(kernpunt(noAios, "gezamenlijk-3").status).toBe("nvt");
    expect(kernpunt(noAios, "gezamenlijk-1").status).toBe("nvt");

    const aios = makeAnswers({ team: makeTeam({ aios: { personen: 1, uren: 36 } }) });
    expect(kernpunt(aios, "gezamenlijk-3").status).toBe("onbekend");
    expect(kernpunt({ ...aios, "supervisie-aios": say("deels") }, "gezamenlijk-3").status).toBe("deels");
  });

  test("a stored answer to a hidden statement does not count", () => {
    const answers = makeAnswers({ team: makeTeam({ aios: { personen: 0, uren: 0 } }), "supervisie-aios": say("nee") });
    const outcome = kernpunt(answers, "gezamenlijk-3");
    expect(outcome.status).toBe("nvt");
    expect(outcome.statements[0]).toMatchObject({ shown: false, answer: null });
  });

  test("hagro: the shown one of two mutually exclusive statements decides gezamenlijk-7", () => {
    const answers = makeAnswers({
      "hagro-aanwezig": "ja",
      "hagro-deelname": say("nee"),
      "samenwerking-huisartsen-omgeving": say("ja"),
    });
    expect(kernpunt(answers, "gezamenlijk-7").status).toBe("niet");
    expect(kernpunt({ ...answers, "hagro-aanwezig": "nee" }, "gezamenlijk-7").status).toBe("geborgd");
  });

  test("every kernpunt gets a status, in content order", () => {
    const outcomes = kernpuntOverview(questionnaire, {});
    expect(outcomes.map((o) => o.id)).toEqual([...questionnaire.kernpuntById.keys()]);
    expect(outcomes.every((o) => ["onbekend", "nvt"].includes(o.status))).toBe(true);
  });
});

describe("open topics", () => {
  test("weet-niet answers are listed once, even when the statement serves two kernpunten", () => {
    const answers = makeAnswers({
      "vaste-huisarts": say("weet-niet"),
      "anw-deelname": say("weet-niet", "Navragen bij de HAP"),
      "medisch-dossier": say("nee"),
      "samen-beslissen": say("ja"),
    });
    const topics = openTopics(kernpuntOverview(questionnaire, answers));
    expect(topics.map((t) => t.question.id)).toEqual(["vaste-huisarts", "anw-deelname"]);
    expect(topics[1]!.answer).toEqual({ choice: "weet-niet", note: "Navragen bij de HAP" });
  });

  test("a weet-niet on a hidden statement is no open topic", () => {
    const answers = makeAnswers({ "hagro-aanwezig": "nee", "hagro-deelname": say("weet-niet") });
    expect(openTopics(kernpuntOverview(questionnaire, answers))).toEqual([]);
  });
});
