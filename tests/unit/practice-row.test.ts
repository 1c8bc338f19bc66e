/**
 * The spreadsheet adapter: per column, what a spreadsheet may hold and what it becomes in the practice
 * facts, or which error (code and words) it gives. Every problem in a row is reported together.
 */
import { describe, expect, test } from "vitest";
import {
  MAX_HOURS_PER_WEEK,
  REQUIRED_COLUMNS,
  mapHeader,
  type ColumnMap,
  type MessageCode,
  type PracticeColumn,
} from "~/domain/practice-row";
import { message, parsePracticeRow } from "~/utils/spreadsheet-messages";
import type { SignalFacts } from "~/domain/signals";

function columnsFor(header: readonly string[]): ColumnMap {
  const mapped = mapHeader(header);
  if (!mapped.ok) throw new Error(`header not ok: ${JSON.stringify(mapped)}`);
  return mapped.columns;
}
const COLUMNS = columnsFor(REQUIRED_COLUMNS);

const GOOD: Record<PracticeColumn, string> = {
  agb: "01234567",
  naam: "Huisartsenpraktijk De Linde",
  eigenaar: "huisarts",
  ingeschreven_patienten: "4000",
  uren_huisarts_per_week: "40",
  dagen_huisarts_fysiek_aanwezig: "ma di wo do vr",
  medisch_eindverantwoordelijke_huisarts: "ja",
  governance_vastgelegd: "ja",
  hagro: "ja",
  anw: "ja",
};

/** A row in the spec's column order: the good row with some cells overridden. */
const row = (overrides: Partial<Record<PracticeColumn, string>> = {}) =>
  REQUIRED_COLUMNS.map((c) => overrides[c] ?? GOOD[c]);

function facts(overrides: Partial<Record<PracticeColumn, string>>): SignalFacts {
  const result = parsePracticeRow(row(overrides), COLUMNS);
  if (!result.ok) throw new Error(`row not ok: ${JSON.stringify(result.errors)}`);
  return result.facts;
}

function errorsOf(overrides: Partial<Record<PracticeColumn, string>>) {
  const result = parsePracticeRow(row(overrides), COLUMNS);
  if (result.ok) throw new Error(`row unexpectedly ok: ${JSON.stringify(result)}`);
  return result.errors;
}

/** One bad cell gives exactly one error, on that column, with that code. */
function expectError(column: PracticeColumn, value: string, code: MessageCode) {
  const errors = errorsOf({ [column]: value });
  expect(errors.map((e) => [e.column, e.code])).toEqual([[column, code]]);
  return errors[0]!;
}

test("a good row becomes facts, agb and name", () => {
  expect(parsePracticeRow(row(), COLUMNS)).toEqual({
    ok: true,
    agb: "01234567",
    name: "Huisartsenpraktijk De Linde",
    facts: {
      owner: "huisarts",
      registeredPatients: 4000,
      huisartsHoursPerWeek: 40,
      weekdaysPresent: ["ma", "di", "wo", "do", "vr"],
      huisartsenWithoutDays: 0,
      huisartsen: null,
      medicallyResponsibleGp: "ja",
      governanceDocumented: "ja",
      // The optional columns of rules v2 are absent: unknown.
      ketenOrHolding: "onbekend",
      hagro: "ja",
      nearbyCooperation: "onbekend",
      anw: "ja",
    },
    extra: { keten: null, regio: null },
  });
});

test("the optional keten and regio columns are read when the header has them, trimmed, empty = none", () => {
  const columns = columnsFor([...REQUIRED_COLUMNS, "Keten", "regio"]);
  expect(parsePracticeRow([...row(), " Zorggroep Noord ", ""], columns)).toMatchObject({ ok: true, extra: { keten: "Zorggroep Noord", regio: null } });
  expect(parsePracticeRow([...row(), "", "R07"], columns)).toMatchObject({ ok: true, extra: { keten: null, regio: "R07" } });
});

describe("the optional columns of rules v2 (issue 12)", () => {
  const header = [...REQUIRED_COLUMNS, "samenwerking_huisartsen_omgeving", "onderdeel_van_keten_of_holding"];
  const columns = columnsFor(header);
  const parse = (nearby: string, keten: string, extra: string[] = []) => parsePracticeRow([...row(), nearby, keten, ...extra], columns);

  test.each([
    ["ja", "ja"],
    ["DEELS", "deels"],
    [" nee ", "nee"],
    ["Onbekend", "onbekend"],
    ["", "onbekend"],
  ])("samenwerking_huisartsen_omgeving %j → %s", (value, expected) => {
    expect(parse(value, "")).toMatchObject({ ok: true, facts: { nearbyCooperation: expected } });
  });

  test.each([
    ["ja", "ja"],
    ["NEE", "nee"],
    [" onbekend ", "onbekend"],
    ["", "onbekend"],
  ])("onderdeel_van_keten_of_holding %j → %s", (value, expected) => {
    expect(parse("", value)).toMatchObject({ ok: true, facts: { ketenOrHolding: expected } });
  });

  test("deels is not an answer to keten or holding; a bad value names its column", () => {
    const result = parse("misschien", "deels");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.column, e.code])).toEqual([
      ["samenwerking_huisartsen_omgeving", "csv.choice.invalid"],
      ["onderdeel_van_keten_of_holding", "csv.choice.invalid"],
    ]);
    expect(result.errors[1]!.message).toContain("Verwacht ja, nee of onbekend");
  });

  test("absent columns are unknown for every row", () => {
    expect(parsePracticeRow(row(), COLUMNS)).toMatchObject({ ok: true, facts: { nearbyCooperation: "onbekend", ketenOrHolding: "onbekend" } });
  });

  test("column names in any case, with spaces or hyphens for the underscores", () => {
    const loose = columnsFor([...REQUIRED_COLUMNS, " Samenwerking Huisartsen Omgeving ", "ONDERDEEL-VAN-KETEN-OF-HOLDING"]);
    expect(parsePracticeRow([...row(), "nee", "ja"], loose)).toMatchObject({ ok: true, facts: { nearbyCooperation: "nee", ketenOrHolding: "ja" } });
  });

  test("a keten named in the keten column is membership of one; saying “nee” beside it is an error", () => {
    const withKeten = columnsFor([...header, "keten"]);
    expect(parsePracticeRow([...row(), "", "", "Zorggroep Noord"], withKeten)).toMatchObject({ ok: true, facts: { ketenOrHolding: "ja" } });
    expect(parsePracticeRow([...row(), "", "onbekend", "Zorggroep Noord"], withKeten)).toMatchObject({ ok: true, facts: { ketenOrHolding: "ja" } });
    const contradiction = parsePracticeRow([...row(), "", "nee", "Zorggroep Noord"], withKeten);
    expect(contradiction.ok).toBe(false);
    if (!contradiction.ok) {
      expect(contradiction.errors.map((e) => [e.column, e.code])).toEqual([["onderdeel_van_keten_of_holding", "csv.keten.contradicts"]]);
      expect(contradiction.errors[0]!.message).toContain("Zorggroep Noord");
    }
  });
});

describe("header", () => {
  test("case-insensitive and trimmed, in any order, extra columns allowed", () => {
    const header = [" Opmerking ", ...[...REQUIRED_COLUMNS].reverse().map((c) => ` ${c.toUpperCase()} `)];
    const columns = columnsFor(header);
    expect(columns.width).toBe(11);
    expect(columns.index.agb).toBe(10);
    expect(columns.index.anw).toBe(1);
    const cells = ["vrij veld", ...[...REQUIRED_COLUMNS].reverse().map((c) => GOOD[c])];
    expect(parsePracticeRow(cells, columns)).toMatchObject({ ok: true, agb: "01234567" });
  });

  test("a stray delimiter after the last name adds no column", () => {
    const columns = columnsFor([...REQUIRED_COLUMNS, "", " "]);
    expect(columns.width).toBe(10);
    expect(parsePracticeRow(row(), columns)).toMatchObject({ ok: true });
    expect(parsePracticeRow([...row(), "", ""], columns)).toMatchObject({ ok: true });
  });

  test("missing required columns are listed", () => {
    expect(mapHeader(REQUIRED_COLUMNS.filter((c) => c !== "anw" && c !== "agb"))).toEqual({
      ok: false,
      missing: ["agb", "anw"],
      duplicate: [],
    });
    expect(mapHeader([])).toMatchObject({ ok: false, missing: [...REQUIRED_COLUMNS] });
  });

  test("a required column twice is ambiguous", () => {
    expect(mapHeader([...REQUIRED_COLUMNS, "Hagro"])).toEqual({ ok: false, missing: [], duplicate: ["hagro"] });
  });
});

describe("agb", () => {
  test.each(["01234567", " 01234567 ", "12345678", "00000001"])("%j is kept as a string", (value) => {
    const result = parsePracticeRow(row({ agb: value }), COLUMNS);
    expect(result).toMatchObject({ ok: true, agb: value.trim() });
  });

  test("a 7-digit AGB (a spreadsheet dropped the leading zero) is an error, not padded", () => {
    const error = expectError("agb", "1234567", "csv.agb.lostLeadingZero");
    expect(error.message).toContain("1234567");
    expect(error.message).toBe(
      "“1234567” heeft 7 cijfers; een AGB-code heeft er precies 8. Waarschijnlijk heeft het spreadsheetprogramma voorloopnullen weggehaald: maak de kolom een tekstkolom en vul de volledige code in (bijvoorbeeld 01234567 als dat de code is).",
    );
    expect(expectError("agb", "12345", "csv.agb.lostLeadingZero").message).toContain("5 cijfers");
  });

  test.each([
    { value: "", code: "csv.agb.required" },
    { value: "123456789", code: "csv.agb.invalid" },
    { value: "0123456", code: "csv.agb.invalid" },
    { value: "1,23457E+07", code: "csv.agb.invalid" },
    { value: "0123 4567", code: "csv.agb.invalid" },
    { value: "AGB01234", code: "csv.agb.invalid" },
  ] as const)("$value → $code", ({ value, code }) => {
    expectError("agb", value, code);
  });
});

describe("naam", () => {
  test("is required and trimmed", () => {
    expectError("naam", "   ", "csv.name.required");
    expect(parsePracticeRow(row({ naam: "  Praktijk \"De Linde\"; Zuid " }), COLUMNS)).toMatchObject({
      ok: true,
      name: 'Praktijk "De Linde"; Zuid',
    });
  });
});

describe("eigenaar", () => {
  test.each([
    ["huisarts", "huisarts"],
    ["Huisarts", "huisarts"],
    ["andere-zorgverlener", "andere-zorgverlener"],
    ["BESTUURDER", "bestuurder"],
    ["onbekend", "onbekend"],
    ["", "onbekend"],
    ["  ", "onbekend"],
  ])("%j → %s", (value, owner) => {
    expect(facts({ eigenaar: value }).owner).toBe(owner);
  });

  test("a space for the hyphen, any case, stray spaces: “ Andere Zorgverlener ” is andere-zorgverlener", () => {
    expect(facts({ eigenaar: " Andere Zorgverlener " }).owner).toBe("andere-zorgverlener");
  });

  test.each(["investeerder", "andere_zorgverlener", "ja"])("%j is an error that lists the choices", (value) => {
    const error = expectError("eigenaar", value, "csv.choice.invalid");
    expect(error.message).toBe(
      `“${value}” is geen geldige waarde. Verwacht huisarts, andere-zorgverlener, bestuurder of onbekend; leeg betekent onbekend.`,
    );
  });
});

describe("ingeschreven_patienten", () => {
  test.each([
    ["9000", 9000],
    ["9.000", 9000],
    ["12.345", 12345],
    [" 6300 ", 6300],
    ["0", 0],
    ["", null],
  ])("%j → %s", (value, patients) => {
    expect(facts({ ingeschreven_patienten: value }).registeredPatients).toBe(patients);
  });

  test.each([
    { value: "9000,5", code: "csv.patients.notWhole" },
    { value: "9.5", code: "csv.patients.notWhole" },
    { value: "-1", code: "csv.patients.negative" },
    { value: "-9.000", code: "csv.patients.negative" },
    { value: "ongeveer 9000", code: "csv.patients.invalid" },
    { value: "onbekend", code: "csv.patients.invalid" },
    { value: "9.000,00", code: "csv.patients.invalid" },
    { value: "1e4", code: "csv.patients.invalid" },
  ] as const)("$value → $code", ({ value, code }) => {
    const error = expectError("ingeschreven_patienten", value, code);
    expect(error.message).toContain(`“${value}”`);
  });
});

describe("uren_huisarts_per_week", () => {
  test.each([
    ["32,5", 32.5],
    ["32.5", 32.5],
    ["40", 40],
    ["0", 0],
    [" 0,25 ", 0.25],
    [String(MAX_HOURS_PER_WEEK), MAX_HOURS_PER_WEEK],
    ["", null],
  ])("%j → %s", (value, hours) => {
    expect(facts({ uren_huisarts_per_week: value }).huisartsHoursPerWeek).toBe(hours);
  });

  test.each([
    { value: "-8", code: "csv.hours.negative" },
    { value: "veertig", code: "csv.hours.invalid" },
    { value: "32,5 uur", code: "csv.hours.invalid" },
    { value: "2000,5", code: "csv.hours.tooLarge" },
    { value: "6300", code: "csv.hours.tooLarge" },
  ] as const)("$value → $code", ({ value, code }) => {
    const error = expectError("uren_huisarts_per_week", value, code);
    expect(error.message).toContain(`“${value}”`);
  });
});

describe("dagen_huisarts_fysiek_aanwezig", () => {
  test.each([
    ["ma di wo do vr", ["ma", "di", "wo", "do", "vr"]],
    ["Maandag/Dinsdag", ["ma", "di"]],
    ["MA,DI", ["ma", "di"]],
    ["vr; wo ,ma", ["ma", "wo", "vr"]],
    ["maandag, dinsdag, woensdag, donderdag, vrijdag", ["ma", "di", "wo", "do", "vr"]],
    ["Do DONDERDAG do", ["do"]],
    ["geen", []],
    ["GEEN", []],
    ["onbekend", null],
    ["", null],
  ])("%j → %j", (value, days) => {
    expect(facts({ dagen_huisarts_fysiek_aanwezig: value }).weekdaysPresent).toEqual(days);
  });

  test.each([
    { value: "za", code: "csv.days.weekend" },
    { value: "ma di zondag", code: "csv.days.weekend" },
    { value: "ma-vr", code: "csv.days.invalid" },
    { value: "mon tue", code: "csv.days.invalid" },
    { value: "ma di geen", code: "csv.days.mixed" },
    { value: "onbekend vr", code: "csv.days.mixed" },
  ] as const)("$value → $code", ({ value, code }) => {
    expectError("dagen_huisarts_fysiek_aanwezig", value, code);
  });

  test("the error names the word that is not a weekday", () => {
    expect(expectError("dagen_huisarts_fysiek_aanwezig", "ma dii vr", "csv.days.invalid").message).toMatch(/^“dii” in “ma dii vr” is geen werkdag/);
  });

  test("a weekend day and an unknown word in one cell are both reported", () => {
    expect(errorsOf({ dagen_huisarts_fysiek_aanwezig: "za xx" }).map((e) => e.code)).toEqual(["csv.days.invalid", "csv.days.weekend"]);
  });
});

describe("ja/deels/nee/onbekend columns", () => {
  const TRI = ["medisch_eindverantwoordelijke_huisarts", "governance_vastgelegd", "anw"] as const;
  const KEY = { medisch_eindverantwoordelijke_huisarts: "medicallyResponsibleGp", governance_vastgelegd: "governanceDocumented", anw: "anw" } as const;

  test.each(TRI.flatMap((column) => [
    { column, value: "ja", expected: "ja" },
    { column, value: "Nee", expected: "nee" },
    // Rules v2: "deels" is an answer, as in the questionnaire.
    { column, value: "deels", expected: "deels" },
    { column, value: " Deels ", expected: "deels" },
    { column, value: "ONBEKEND", expected: "onbekend" },
    { column, value: "", expected: "onbekend" },
  ]))("$column: $value → $expected", ({ column, value, expected }) => {
    expect(facts({ [column]: value })[KEY[column]]).toBe(expected);
  });

  test.each(TRI.flatMap((column) => ["yes", "geen-hagro", "j"].map((value) => ({ column, value }))))(
    "$column: $value is an error",
    ({ column, value }) => {
      const error = expectError(column, value, "csv.choice.invalid");
      expect(error.message).toContain("Verwacht ja, deels, nee of onbekend");
    },
  );

  test.each([
    ["ja", "ja"],
    ["nee", "nee"],
    ["geen-hagro", "geen-hagro"],
    ["Geen-Hagro", "geen-hagro"],
    ["Geen hagro", "geen-hagro"],
    ["onbekend", "onbekend"],
    ["", "onbekend"],
  ])("hagro: %j → %s", (value, expected) => {
    expect(facts({ hagro: value }).hagro).toBe(expected);
  });

  test.each(["geen_hagro", "deels", "misschien"])("hagro: %j is an error", (value) => {
    expect(expectError("hagro", value, "csv.choice.invalid").message).toContain("ja, nee, geen-hagro of onbekend");
  });
});

describe("the row as a whole", () => {
  test("every problem of a row is reported together, left to right", () => {
    const errors = errorsOf({
      agb: "1234567",
      naam: "",
      eigenaar: "investeerder",
      ingeschreven_patienten: "-5",
      uren_huisarts_per_week: "abc",
      dagen_huisarts_fysiek_aanwezig: "za",
      medisch_eindverantwoordelijke_huisarts: "misschien",
      governance_vastgelegd: "half",
      hagro: "deels",
      anw: "?",
    });
    expect(errors.map((e) => [e.column, e.code])).toEqual([
      ["agb", "csv.agb.lostLeadingZero"],
      ["naam", "csv.name.required"],
      ["eigenaar", "csv.choice.invalid"],
      ["ingeschreven_patienten", "csv.patients.negative"],
      ["uren_huisarts_per_week", "csv.hours.invalid"],
      ["dagen_huisarts_fysiek_aanwezig", "csv.days.weekend"],
      ["medisch_eindverantwoordelijke_huisarts", "csv.choice.invalid"],
      ["governance_vastgelegd", "csv.choice.invalid"],
      ["hagro", "csv.choice.invalid"],
      ["anw", "csv.choice.invalid"],
    ]);
    // Every placeholder filled in.
    for (const e of errors) expect(e.message).not.toMatch(/\{\{|\}\}/);
  });

  test("errors follow the file's column order", () => {
    const header = ["anw", ...REQUIRED_COLUMNS.filter((c) => c !== "anw")];
    const cells = header.map((c) => (c === "anw" ? "x" : c === "agb" ? "1" : GOOD[c as PracticeColumn]));
    const result = parsePracticeRow(cells, columnsFor(header));
    expect(result.ok ? [] : result.errors.map((e) => e.column)).toEqual(["anw", "agb"]);
  });

  test("too few cells is reported first, with the cells that are there checked too", () => {
    const result = parsePracticeRow(row().slice(0, 5), COLUMNS);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.column, e.code])).toEqual([[null, "csv.row.tooFewCells"]]);
    expect(result.ok ? "" : result.errors[0]!.message).toBe(
      "Deze rij heeft 5 cellen, de kopregel 10 kolommen. Controleer of er geen cellen of scheidingstekens ontbreken.",
    );
  });

  test("more filled cells than columns (a decimal comma in a `,` file) is an error; trailing empty cells are not", () => {
    const shifted = [...row().slice(0, 4), "32", "5", ...row().slice(5)];
    const result = parsePracticeRow(shifted, COLUMNS);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toContain("csv.row.tooManyCells");
    expect(parsePracticeRow([...row(), "", " "], COLUMNS)).toMatchObject({ ok: true });
  });
});

describe("messages", () => {
  test("Dutch by default, English on request, with what was found", () => {
    const nl = parsePracticeRow(row({ ingeschreven_patienten: "9000,5" }), COLUMNS);
    const en = parsePracticeRow(row({ ingeschreven_patienten: "9000,5" }), COLUMNS, "en");
    expect(nl.ok ? "" : nl.errors[0]!.message).toBe(
      "“9000,5” is geen heel getal. Het aantal ingeschreven patiënten is een heel getal, bijvoorbeeld 6300 of 6.300 (een komma is geen duizendtalscheiding).",
    );
    expect(en.ok ? "" : en.errors[0]!.message).toBe(
      "“9000,5” is not a whole number. The number of registered patients is a whole number, for example 6300 or 6.300 (a comma is not a thousands separator).",
    );
    expect(message("csv.choice.invalid", "en", { found: "x", allowed: "ja or nee" })).toBe(
      "“x” is not a valid value. Expected ja or nee; empty means unknown.",
    );
  });
});
