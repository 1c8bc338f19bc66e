/**
 * The answer schemas shared by the form and the action: what people type (strings, Dutch notation)
 * becomes a typed value, and bad input becomes an i18n error key, never a value.
 */
import { describe, expect, test } from "vitest";
import {
  NOTE_MAX_LENGTH,
  PRESENT_SUFFIX,
  ROWS_SUFFIX,
  parseDutchNumber,
  questionSchema,
  readSectionForm,
  sectionSchema,
  toFormValue,
  type AnswerValue,
} from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import type { Question } from "~/domain/content/schema";
import { makeAnswers, makeHuisarts, makeTeam } from "../factories";

const questionnaire = getQuestionnaire(1);
const praktijkgegevens = questionnaire.sectionById.get("praktijkgegevens")!;

function question(id: string): Question {
  const found = questionnaire.questionById.get(id);
  if (!found) throw new Error(`no question ${id} in content v1`);
  return found.question;
}

const parse = (id: string, input: unknown) => questionSchema(question(id)).safeParse(input);

/** A list row as the form posts it: every field present, as strings. */
const postedRow = (overrides: Record<string, unknown> = {}) => ({
  rol: "praktijkhouder",
  "uren-per-week": "40",
  "dagen-aanwezig": ["ma", "di"],
  "jaren-verbonden": "",
  ...overrides,
});

describe("questionSchema rejects bad input with the right error key", () => {
  test.each([
    { name: "negative patient count", id: "ingeschreven-patienten", input: "-5", message: "errors.min", path: [] },
    { name: "patients above the maximum", id: "ingeschreven-patienten", input: "100001", message: "errors.max", path: [] },
    { name: "text in an integer field", id: "ingeschreven-patienten", input: "veel", message: "errors.integer", path: [] },
    { name: "a fraction in an integer field", id: "ingeschreven-patienten", input: "12,5", message: "errors.integer", path: [] },
    { name: "AGB of 7 digits", id: "agb-code", input: "1234567", message: "errors.agb", path: [] },
    { name: "AGB with letters", id: "agb-code", input: "0123456A", message: "errors.agb", path: [] },
    { name: "KvK of 9 digits", id: "kvk-nummer", input: "123456789", message: "errors.kvk", path: [] },
    { name: "postcode starting with 0", id: "postcode", input: "0123 AB", message: "errors.postcode", path: [] },
    { name: "text longer than maxLength", id: "praktijknaam", input: "x".repeat(121), message: "errors.tooLong", path: [] },
    { name: "choice outside the options", id: "eigenaar", input: "koning", message: "errors.choice", path: [] },
    {
      name: "300 hours a week in a huisartsen row",
      id: "huisartsen",
      input: [postedRow({ "uren-per-week": "300" })],
      message: "errors.max",
      path: [0, "uren-per-week"],
    },
    {
      name: "text in a decimal list field",
      id: "huisartsen",
      input: [postedRow({ "uren-per-week": "veertig" })],
      message: "errors.number",
      path: [0, "uren-per-week"],
    },
    {
      name: "a list row without rol",
      id: "huisartsen",
      input: [postedRow({ rol: "" })],
      message: "errors.required",
      path: [0, "rol"],
    },
    {
      name: "an error in the second row points at that row",
      id: "huisartsen",
      input: [postedRow(), postedRow({ "jaren-verbonden": "-1" })],
      message: "errors.min",
      path: [1, "jaren-verbonden"],
    },
    {
      name: "a weekday that is not a working day",
      id: "huisartsen",
      input: [postedRow({ "dagen-aanwezig": ["ma", "za"] })],
      message: "errors.weekday",
      path: [0, "dagen-aanwezig"],
    },
    {
      name: "text in a grid cell",
      id: "team",
      input: { pa: { personen: "twee", uren: "" } },
      message: "errors.integer",
      path: ["pa", "personen"],
    },
    {
      name: "statement with a note but no choice",
      id: "vaste-huisarts",
      input: { choice: "", note: "Wij werken met koppels" },
      message: "errors.choiceForNote",
      path: ["choice"],
    },
    {
      name: "statement choice outside ja/deels/nee/weet-niet",
      id: "vaste-huisarts",
      input: { choice: "misschien", note: "" },
      message: "errors.choice",
      path: ["choice"],
    },
    {
      name: "statement note over the maximum length",
      id: "vaste-huisarts",
      input: { choice: "ja", note: "x".repeat(NOTE_MAX_LENGTH + 1) },
      message: "errors.tooLong",
      path: ["note"],
    },
  ])("$name → $message", ({ id, input, message, path }) => {
    const result = parse(id, input);
    expect(result.success).toBe(false);
    expect(result.data).toBeUndefined();
    expect(result.error?.issues[0]).toMatchObject({ message, path });
  });

  test("a list longer than maxItems is refused", () => {
    const list = question("huisartsen");
    if (list.type !== "list") throw new Error("huisartsen is a list");
    const result = parse("huisartsen", Array.from({ length: list.maxItems + 1 }, () => postedRow()));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("errors.tooManyRows");
  });

  test("a section post reports the full field path of an error in a list row", () => {
    const result = sectionSchema(praktijkgegevens).safeParse({
      huisartsen: [postedRow(), postedRow({ "uren-per-week": "300" })],
    });
    expect(result.success).toBe(false);
    expect(result.data).toBeUndefined();
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["huisartsen.1.uren-per-week", "errors.max"],
    ]);
  });
});

describe("questionSchema reads input as people type it", () => {
  test.each<{ name: string; id: string; input: unknown; expected: AnswerValue | null }>([
    { name: "empty → no answer", id: "ingeschreven-patienten", input: "", expected: null },
    { name: "only spaces → no answer", id: "ingeschreven-patienten", input: "   ", expected: null },
    { name: "missing → no answer", id: "ingeschreven-patienten", input: undefined, expected: null },
    { name: "Dutch thousands separator", id: "ingeschreven-patienten", input: "9.000", expected: 9000 },
    { name: "thousands with a space", id: "ingeschreven-patienten", input: "9 000", expected: 9000 },
    { name: "plain integer", id: "ingeschreven-patienten", input: "6300", expected: 6300 },
    { name: "zero is an answer, not blank", id: "ingeschreven-patienten", input: "0", expected: 0 },
    { name: "AGB keeps its leading zero as a string", id: "agb-code", input: "01234567", expected: "01234567" },
    { name: "AGB typed with a space", id: "agb-code", input: "0123 4567", expected: "01234567" },
    { name: "KvK typed with dots", id: "kvk-nummer", input: "12.34.56.78", expected: "12345678" },
    { name: "postcode lower case, no space", id: "postcode", input: "3511ab", expected: "3511 AB" },
    { name: "postcode with spaces around", id: "postcode", input: "  3511 ab ", expected: "3511 AB" },
    { name: "free text is trimmed", id: "praktijknaam", input: "  De Linde ", expected: "De Linde" },
    { name: "choice", id: "eigenaar", input: "bestuurder", expected: "bestuurder" },
    { name: "empty choice → no answer", id: "eigenaar", input: "", expected: null },
    {
      name: "decimal comma in a list row",
      id: "huisartsen",
      input: [postedRow({ "uren-per-week": "32,5", "jaren-verbonden": "2.5" })],
      expected: [{ rol: "praktijkhouder", "uren-per-week": 32.5, "dagen-aanwezig": ["ma", "di"], "jaren-verbonden": 2.5 }],
    },
    {
      name: "weekdays in week order, whatever the post order",
      id: "huisartsen",
      input: [postedRow({ "dagen-aanwezig": ["vr", "ma", "wo"] })],
      expected: [{ rol: "praktijkhouder", "uren-per-week": 40, "dagen-aanwezig": ["ma", "wo", "vr"], "jaren-verbonden": null }],
    },
    {
      name: "blank rows are dropped",
      id: "huisartsen",
      input: [
        postedRow({ rol: "", "uren-per-week": "", "dagen-aanwezig": [] }),
        postedRow({ rol: "vaste-waarnemer", "uren-per-week": "16" }),
        { rol: "", "uren-per-week": "", "dagen-aanwezig": [], "jaren-verbonden": "" },
      ],
      expected: [{ rol: "vaste-waarnemer", "uren-per-week": 16, "dagen-aanwezig": ["ma", "di"], "jaren-verbonden": null }],
    },
    {
      name: "a list of only blank rows → no answer",
      id: "huisartsen",
      input: [{ rol: "", "uren-per-week": "", "dagen-aanwezig": [], "jaren-verbonden": "" }],
      expected: null,
    },
    { name: "an empty list → no answer", id: "huisartsen", input: [], expected: null },
    {
      name: "an all-empty grid → no answer",
      id: "team",
      input: { pa: { personen: "", uren: "" }, aios: { personen: "", uren: "" } },
      expected: null,
    },
    {
      name: "a grid with one cell fills every row and column",
      id: "team",
      input: { aios: { personen: "1", uren: "36,5" } },
      expected: {
        "poh-somatiek": { personen: null, uren: null },
        "poh-ggz": { personen: null, uren: null },
        doktersassistent: { personen: null, uren: null },
        pa: { personen: null, uren: null },
        vs: { personen: null, uren: null },
        aios: { personen: 1, uren: 36.5 },
        anios: { personen: null, uren: null },
        praktijkmanager: { personen: null, uren: null },
      },
    },
    { name: "statement with choice only", id: "vaste-huisarts", input: { choice: "deels", note: "" }, expected: { choice: "deels", note: null } },
    {
      name: "statement note is trimmed",
      id: "vaste-huisarts",
      input: { choice: "nee", note: "  nog niet  " },
      expected: { choice: "nee", note: "nog niet" },
    },
    { name: "statement without choice and note → no answer", id: "vaste-huisarts", input: { choice: "", note: " " }, expected: null },
    { name: "statement not posted → no answer", id: "vaste-huisarts", input: undefined, expected: null },
  ])("$name", ({ id, input, expected }) => {
    const result = parse(id, input);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toStrictEqual(expected);
  });
});

describe("parseDutchNumber", () => {
  test.each([
    { raw: "32,5", integer: false, expected: 32.5 },
    { raw: "32.5", integer: false, expected: 32.5 },
    { raw: "9.000", integer: true, expected: 9000 },
    { raw: "1.234.567", integer: true, expected: 1234567 },
    { raw: "12.5", integer: true, expected: 12.5 }, // not a thousands group: the caller refuses the fraction
    { raw: "-3", integer: true, expected: -3 },
    { raw: "1,2,3", integer: false, expected: "invalid" },
    { raw: "12abc", integer: true, expected: "invalid" },
    { raw: "1e3", integer: true, expected: "invalid" },
    { raw: "", integer: false, expected: "invalid" },
  ])("$raw (integer: $integer) → $expected", ({ raw, integer, expected }) => {
    expect(parseDutchNumber(raw, integer)).toBe(expected);
  });
});

describe("readSectionForm", () => {
  function praktijkForm() {
    const form = new FormData();
    form.set("praktijknaam", "De Linde");
    form.set("agb-code", "01234567");
    form.set("postcode", "3511ab");
    form.set("eigenaar", "huisarts");
    form.set("ingeschreven-patienten", "9.000");
    form.set(`huisartsen.${ROWS_SUFFIX}`, "2");
    form.set("huisartsen.0.rol", "praktijkhouder");
    form.set("huisartsen.0.uren-per-week", "32,5");
    form.append("huisartsen.0.dagen-aanwezig", "ma");
    form.append("huisartsen.0.dagen-aanwezig", "do");
    form.set("huisartsen.0.jaren-verbonden", "12");
    // Row 1 was added on the page and left empty.
    form.set("huisartsen.1.rol", "");
    form.set("huisartsen.1.uren-per-week", "");
    form.set(`team.${PRESENT_SUFFIX}`, "1");
    form.set("team.aios.personen", "1");
    form.set("team.aios.uren", "36");
    return form;
  }

  test("gives the nested shape the client produces", () => {
    const values = readSectionForm(praktijkgegevens, praktijkForm());
    expect(values).toMatchObject({
      "ingeschreven-patienten": "9.000",
      huisartsen: [
        { rol: "praktijkhouder", "uren-per-week": "32,5", "dagen-aanwezig": ["ma", "do"], "jaren-verbonden": "12" },
        { rol: "", "uren-per-week": "", "dagen-aanwezig": [], "jaren-verbonden": "" },
      ],
      team: { aios: { personen: "1", uren: "36" }, pa: { personen: "", uren: "" } },
    });
  });

  test("sectionSchema parses it into typed answers; questions missing from the post stay undefined", () => {
    const parsed = sectionSchema(praktijkgegevens).parse(readSectionForm(praktijkgegevens, praktijkForm()));
    expect(parsed).toMatchObject({
      eigenaar: "huisarts",
      "ingeschreven-patienten": 9000,
      huisartsen: [{ rol: "praktijkhouder", "uren-per-week": 32.5, "dagen-aanwezig": ["ma", "do"], "jaren-verbonden": 12 }],
      team: { aios: { personen: 1, uren: 36 }, pa: { personen: null, uren: null } },
    });
    // Not on the form: left alone, not cleared. Register facts are never read from a post (issue 13),
    // even when a post carries them: they are changed on /organisation.
    for (const id of ["praktijknaam", "agb-code", "postcode", "kvk-nummer", "regio", "rechtsvorm"]) {
      expect(parsed[id], id).toBeUndefined();
    }
  });

  test("a field posted empty clears the answer (null), unlike a field not posted", () => {
    const form = new FormData();
    form.set("ingeschreven-patienten", "");
    const parsed = sectionSchema(praktijkgegevens).parse(readSectionForm(praktijkgegevens, form));
    expect(parsed["ingeschreven-patienten"]).toBeNull();
    expect(parsed.eigenaar).toBeUndefined();
    expect(parsed.huisartsen).toBeUndefined();
  });

  test("a grid or statement is read only when its marker or fields were on the form", () => {
    const statementSection = questionnaire.sectionById.get("continuiteit")!;
    const form = new FormData();
    form.set(`vaste-huisarts.${PRESENT_SUFFIX}`, "1");
    form.set("zelfde-huisarts-en-team.choice", "ja");
    const values = readSectionForm(statementSection, form);
    expect(values).toEqual({
      "vaste-huisarts": { choice: "", note: "" },
      "zelfde-huisarts-en-team": { choice: "ja", note: "" },
    });
    expect(readSectionForm(praktijkgegevens, new FormData())).toEqual({});
  });

  test("`only` limits the read to the named questions (autosave of one field)", () => {
    const values = readSectionForm(praktijkgegevens, praktijkForm(), new Set(["eigenaar"]));
    expect(values).toEqual({ eigenaar: "huisarts" });
    // A register fact named alone reads nothing: it is not an answer.
    expect(readSectionForm(praktijkgegevens, praktijkForm(), new Set(["postcode"]))).toEqual({});
  });
});

describe("toFormValue round-trips through questionSchema", () => {
  const statement = { choice: "deels", note: "Koppels, maar niet voor iedereen" } as const;
  const cases: Array<{ id: string; value: AnswerValue | undefined }> = [
    ...Object.entries(makeAnswers()).map(([id, value]) => ({ id, value })),
    { id: "ingeschreven-patienten", value: 12345 },
    { id: "huisartsen", value: [makeHuisarts({ "uren-per-week": 32.5, "jaren-verbonden": 0.5, "dagen-aanwezig": [] })] },
    { id: "team", value: makeTeam({ aios: { personen: 1, uren: 36.75 } }) },
    { id: "vaste-huisarts", value: statement },
    { id: "vaste-huisarts", value: { choice: "weet-niet", note: null } },
    { id: "regio", value: "Utrecht" },
    { id: "regio", value: undefined },
    { id: "huisartsen", value: undefined },
    { id: "team", value: undefined },
    { id: "vaste-huisarts", value: undefined },
  ];

  test.each(cases)("$id: $value", ({ id, value }) => {
    const q = question(id);
    const result = questionSchema(q).safeParse(toFormValue(q, value));
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toStrictEqual(value ?? null);
  });

  test("numbers show with a decimal comma, as people type them", () => {
    expect(toFormValue(question("huisartsen"), [makeHuisarts({ "uren-per-week": 32.5 })])).toEqual([
      { rol: "praktijkhouder", "uren-per-week": "32,5", "dagen-aanwezig": ["ma", "di", "wo", "do", "vr"], "jaren-verbonden": "10" },
    ]);
    expect(toFormValue(question("ingeschreven-patienten"), 6300)).toBe("6300");
  });
});
