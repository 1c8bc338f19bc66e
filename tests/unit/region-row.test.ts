/**
 * The region spreadsheet reader on files as people really have them: Dutch and English Excel exports,
 * headers typed by hand, thousands dots, and rows with problems next to good ones.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  MAX_REGION_ROWS,
  normaliseHeader,
  parseRegionNumber,
  type NumberSpec,
  type RegionCsvResult,
  type RegionRow,
} from "~/domain/regional/region-row";
import { readRegionCsv } from "~/utils/spreadsheet-messages";

const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures", name));

function ok(result: RegionCsvResult) {
  if (!result.ok) throw new Error(`file not ok: ${JSON.stringify(result.problems)}`);
  return result;
}

function fileProblems(result: RegionCsvResult) {
  if (result.ok) throw new Error("file unexpectedly ok");
  return result.problems;
}

const byCode = (rows: RegionRow[], code: string, year?: number) => {
  const row = rows.find((r) => r.code === code && (year === undefined || r.year === year));
  if (!row) throw new Error(`no row ${code} ${year ?? ""}`);
  return row;
};

const HEADER = "regio_code;regio_naam;jaar";
const read = (text: string, lng: "nl" | "en" = "nl") => readRegionCsv(text, { fileName: "regio.csv", lng });

describe("Dutch Excel (CSV UTF-8): BOM, semicolons, CRLF, decimal comma, thousands dots", () => {
  const result = ok(readRegionCsv(fixture("regions-semicolon.csv"), { fileName: "regions-semicolon.csv" }));

  test("every good row is read, the formatted blank row is skipped, row numbers are Excel's", () => {
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(";");
    expect(result.rows.map((r) => [r.line, r.code])).toEqual([
      [2, "DEMO-01"],
      [3, "DEMO-02"],
      [5, "DEMO-03"],
      [6, "DEMO-04"],
    ]);
  });

  test("headers as typed (spaces, capitals, 10.000, %, 75+) map to the columns", () => {
    expect(result.columns).toEqual([
      "regio_code",
      "regio_naam",
      "jaar",
      "huisartsen_per_10000_inwoners",
      "inwoners_per_huisarts",
      "uitstroom_5jaar_pct",
      "zonder_vaste_huisarts_aantal",
      "verzekerden",
      "bevolkingsgroei_2035_pct",
      "ouderen_75plus_pct",
      "lage_ses_pct",
    ]);
    expect(result.warnings).toEqual([]);
  });

  test("decimal commas, negative growth and a quoted name with a semicolon", () => {
    const row = byCode(result.rows, "DEMO-02");
    expect(row.name).toBe("Beekveld; Oost (fictief)");
    expect(row.year).toBe(2025);
    expect(row.values).toMatchObject({ huisartsendichtheid: 7.9, "verwachte-uitstroom": 14.2, bevolkingsgroei: -1.4, "aandeel-ouderen": 13, "aandeel-lage-ses": 8.5 });
  });

  test("thousands dots in counts: 8.000 of 250.000 insured is 3.2%, 27.160 of 1.234.567 is 2.2%", () => {
    const first = byCode(result.rows, "DEMO-01");
    expect(first.counts).toEqual({ zonderVasteHuisarts: 8000, population: 250000, populationKind: "verzekerden" });
    expect(first.values["zonder-vaste-huisarts"]).toBeCloseTo(3.2, 10);
    expect(byCode(result.rows, "DEMO-03").values["zonder-vaste-huisarts"]).toBeCloseTo(2.2, 4);
    // 1.000 in a count column is a thousand people, never one.
    expect(byCode(result.rows, "DEMO-02").counts.zonderVasteHuisarts).toBe(1000);
  });

  test("inhabitants per huisarts becomes huisartsen per 10,000: 1.176,5 is 8.50; both columns agreeing is fine", () => {
    expect(byCode(result.rows, "DEMO-04").values.huisartsendichtheid).toBeCloseTo(10000 / 1176.5, 10);
    expect(byCode(result.rows, "DEMO-01").values.huisartsendichtheid).toBe(5.5);
  });

  test("empty cells are no data, never zero; the trend is left to the colouring", () => {
    const row = byCode(result.rows, "DEMO-04");
    expect(row.values["zonder-vaste-huisarts"]).toBeNull();
    expect(row.values["aandeel-lage-ses"]).toBeNull();
    expect(row.values["trend-zonder-vaste-huisarts"]).toBeNull();
    expect(row.counts).toEqual({ zonderVasteHuisarts: null, population: null, populationKind: null });
  });
});

describe("an English-locale export: commas, decimal points, LF", () => {
  const result = ok(readRegionCsv(fixture("regions-comma.csv")));

  test("reads every row with decimal points and quoted names with commas", () => {
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(",");
    expect(result.rows).toHaveLength(3);
    expect(byCode(result.rows, "TEST-01", 2025).name).toBe("Havenstad, Noord (fictief)");
    expect(byCode(result.rows, "TEST-01", 2025).values["verwachte-uitstroom"]).toBe(19);
  });

  test("1700 inhabitants per huisarts is 5.88 per 10,000; 2350 of 120000 inhabitants is 1.96%", () => {
    const row = byCode(result.rows, "TEST-01", 2024);
    expect(row.values.huisartsendichtheid).toBeCloseTo(5.882353, 5);
    expect(row.values["zonder-vaste-huisarts"]).toBeCloseTo(1.958333, 5);
    expect(row.counts).toEqual({ zonderVasteHuisarts: 2350, population: 120000, populationKind: "inwoners" });
    // "1724.1" has a decimal point followed by one digit: a decimal, not a thousands dot.
    expect(byCode(result.rows, "TEST-01", 2025).values.huisartsendichtheid).toBeCloseTo(10000 / 1724.1, 10);
  });

  test("a population without a count is kept and colours nothing", () => {
    const row = byCode(result.rows, "TEST-02");
    expect(row.values["zonder-vaste-huisarts"]).toBeNull();
    expect(row.counts.population).toBe(95000);
    expect(result.warnings).toEqual([]);
  });
});

test("Windows-1252 (Dutch Excel's plain CSV) keeps Súdwest-Fryslân", () => {
  const result = ok(readRegionCsv(fixture("regions-windows1252.csv")));
  expect(result.rows.map((r) => r.name)).toEqual(["Súdwest-Fryslân", "Zuidoost-Brabant (fictief)"]);
  expect(result.rows[0]!.values.huisartsendichtheid).toBe(6.4);
});

describe("a file with good and bad rows", () => {
  const result = ok(readRegionCsv(fixture("regions-mixed.csv"), { fileName: "regions-mixed.csv" }));
  const errorsOn = (line: number) => result.errors.filter((e) => e.line === line).map((e) => [e.column, e.code]);

  test("the good rows are kept, in order, with their values", () => {
    expect(result.rows.map((r) => r.line)).toEqual([2, 8, 13, 14]);
    expect(byCode(result.rows, "DEMO-09").values["zonder-vaste-huisarts"]).toBe(1.5);
    // "0,2%" and "+3,5%": percent signs and a plus sign as Excel writes formatted cells.
    expect(byCode(result.rows, "DEMO-10").values).toMatchObject({ "zonder-vaste-huisarts": 0.2, bevolkingsgroei: 3.5 });
    expect(result.rejectedRows).toBe(9);
  });

  test("every problem in a row is reported, each with its column, in the file's column order", () => {
    expect(errorsOn(3)).toEqual([
      ["huisartsen_per_10000_inwoners", "regionCsv.range.density"],
      ["uitstroom_5jaar_pct", "regionCsv.range.percentage"],
    ]);
    expect(errorsOn(12)).toEqual([
      ["zonder_vaste_huisarts_pct", "regionCsv.number.invalid"],
      ["bevolkingsgroei_2035_pct", "regionCsv.range.growth"],
    ]);
  });

  test("year, region code and row width", () => {
    expect(errorsOn(4)).toEqual([["jaar", "regionCsv.year.invalid"]]);
    expect(errorsOn(5)).toEqual([["regio_code", "regionCsv.code.required"]]);
    expect(errorsOn(11)).toEqual([[null, "csv.row.tooManyCells"]]);
  });

  test("the same region and year twice: the second row is refused and points at the first", () => {
    const [error] = result.errors.filter((e) => e.line === 6);
    expect(error).toMatchObject({ column: "jaar", code: "regionCsv.code.duplicateYear", params: { code: "DEMO-01", year: 2025, line: 2 } });
    expect(error!.message).toBe("Regio DEMO-01 staat voor 2025 al in regel 2. Elke regio komt één keer per jaar voor: verwijder een van de twee regels, of verbeter het jaar.");
  });

  test("one code with two names: the later row is refused", () => {
    expect(result.errors.filter((e) => e.line === 10)).toMatchObject([
      { column: "regio_naam", code: "regionCsv.name.conflict", params: { name: "Aldermeer-Oost (fictief)", earlier: "Aldermeer (fictief)", line: 2 } },
    ]);
  });

  test("per 10,000 and per huisarts that disagree are a row error that names both", () => {
    const [error] = result.errors.filter((e) => e.line === 7);
    expect(error).toMatchObject({ column: "inwoners_per_huisarts", code: "regionCsv.density.inconsistent" });
    expect(error!.message).toContain("8,4 huisartsen per 10.000 inwoners");
    expect(error!.message).toContain("1.500 inwoners per huisarts is 6,67 per 10.000");
  });

  test("1.200 in the per-10,000 column is neither 1,2 nor 1200 huisartsen: the message suggests the other column", () => {
    const [error] = result.errors.filter((e) => e.line === 3);
    expect(error!.header).toBe("huisartsen_per_10000_inwoners");
    expect(error!.message).toContain("inwoners_per_huisarts");
  });

  test("a count above its population is refused", () => {
    expect(errorsOn(9)).toEqual([["zonder_vaste_huisarts_aantal", "regionCsv.uninsured.countAbovePopulation"]]);
  });

  test("a count without its population is kept as a count, not coloured, and the row says why", () => {
    const row = byCode(result.rows, "DEMO-05");
    expect(row.values["zonder-vaste-huisarts"]).toBeNull();
    expect(row.counts.zonderVasteHuisarts).toBe(2350);
    expect(result.warnings).toMatchObject([{ line: 8, column: "zonder_vaste_huisarts_aantal", code: "regionCsv.uninsured.countWithoutPopulation" }]);
    expect(result.warnings[0]!.message).toContain("geen kleur (geen gegevens)");
  });
});

describe("the file as a whole", () => {
  test("missing required columns are named, with what was found and what is expected", () => {
    const [problem, ...rest] = fileProblems(readRegionCsv(fixture("regions-missing-column.csv"), { fileName: "regions-missing-column.csv" }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: null, code: "regionCsv.file.missingColumns", params: { columns: "jaar", file: "regions-missing-column.csv" } });
    expect(problem!.message).toContain("regio_code;regio_naam;huisartsen_per_10000_inwoners");
  });

  test("a header without a single indicator column", () => {
    expect(fileProblems(read(`${HEADER};opmerking\nDEMO-01;A;2025;x\n`)).map((p) => p.code)).toEqual(["regionCsv.file.noIndicators"]);
  });

  test("the same column under two names (an alias and its canonical name)", () => {
    const [problem] = fileProblems(read(`${HEADER};huisartsendichtheid;Huisartsen per 10.000 inwoners\nDEMO-01;A;2025;6;6\n`));
    expect(problem).toMatchObject({ code: "regionCsv.file.duplicateColumns", params: { columns: "huisartsendichtheid = Huisartsen per 10.000 inwoners" } });
  });

  test("empty file, header only, unreadable CSV", () => {
    expect(fileProblems(read("")).map((p) => p.code)).toEqual(["csv.file.empty"]);
    expect(fileProblems(read(`${HEADER};lage_ses_pct\r\n;;;\r\n`)).map((p) => p.code)).toEqual(["regionCsv.file.noRows"]);
    expect(fileProblems(read(`${HEADER};lage_ses_pct\nDEMO-01;"A;2025;3\n`)).map((p) => p.code)).toEqual(["csv.file.malformed"]);
  });

  test("unknown columns and an ouderen column without its age are not read, and said so", () => {
    const result = ok(read(`${HEADER};Ouderen %;aandeel 65+ (%);uitstroom_5jr_pct;lage_ses_pct\nDEMO-01;A (fictief);2025;20;18;30;12\n`));
    expect(result.warnings.map((w) => [w.code, w.params.columns])).toEqual([
      ["regionCsv.file.ambiguousAge", "Ouderen %, aandeel 65+ (%)"],
      ["regionCsv.file.ignoredColumns", "uitstroom_5jr_pct"],
    ]);
    expect(result.rows[0]!.values).toMatchObject({ "aandeel-ouderen": null, "verwachte-uitstroom": null, "aandeel-lage-ses": 12 });
  });

  test("a count column without any population column: one warning for the file, not one per row", () => {
    const result = ok(read(`${HEADER};zonder_vaste_huisarts_aantal\nDEMO-01;A (fictief);2025;2.350\nDEMO-02;B (fictief);2025;1.200\n`));
    expect(result.rows.map((r) => [r.values["zonder-vaste-huisarts"], r.counts.zonderVasteHuisarts])).toEqual([
      [null, 2350],
      [null, 1200],
    ]);
    expect(result.warnings.map((w) => [w.line, w.code])).toEqual([[null, "regionCsv.file.countWithoutPopulation"]]);
  });

  test("a percentage that does not match its count is a row error", () => {
    const result = ok(read(`${HEADER};zonder_vaste_huisarts_pct;zonder_vaste_huisarts_aantal;verzekerden\nDEMO-01;A (fictief);2025;2,5;2.000;100.000\nDEMO-02;B (fictief);2025;2,0;2.000;100.000\n`));
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, "zonder_vaste_huisarts_pct", "regionCsv.uninsured.inconsistent"]]);
    expect(result.rows.map((r) => r.code)).toEqual(["DEMO-02"]);
  });

  test("a year Excel wrote as 2.024, and years outside 2000-2100", () => {
    const result = ok(read(`${HEADER};lage_ses_pct\nDEMO-01;A (fictief);2.024;12\nDEMO-02;B (fictief);1999;12\nDEMO-03;C (fictief);;12\n`));
    expect(result.rows.map((r) => r.year)).toEqual([2024]);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [3, "regionCsv.year.outOfRange"],
      [4, "regionCsv.year.required"],
    ]);
  });

  test("a row with fewer cells than the header is refused (a shifted row), trailing empty cells are not", () => {
    const result = ok(read(`${HEADER};lage_ses_pct;ouderen_75plus_pct\nDEMO-01;A (fictief);2025;12\nDEMO-02;B (fictief);2025;12;;;;\n`));
    expect(result.errors.map((e) => [e.line, e.column, e.code, e.params])).toEqual([[2, null, "csv.row.tooFewCells", { found: 4, expected: 5 }]]);
    expect(result.rows.map((r) => r.code)).toEqual(["DEMO-02"]);
  });

  test("region codes compare without case: demo-01 and DEMO-01 in the same year are one region twice", () => {
    const result = ok(read(`${HEADER};lage_ses_pct\nDEMO-01;A (fictief);2025;12\ndemo-01;A (fictief);2025;13\n`));
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([[3, "regionCsv.code.duplicateYear"]]);
  });
});

describe("messages in English", () => {
  const result = ok(readRegionCsv(fixture("regions-mixed.csv"), { lng: "en" }));

  test("row errors and warnings in English, with English number formats", () => {
    const density = result.errors.find((e) => e.code === "regionCsv.density.inconsistent")!;
    expect(density.message).toBe(
      "The two GP density columns disagree: 8.4 GPs per 10,000 inhabitants, but 1,500 inhabitants per GP is 6.67 per 10,000. Correct one of the two, or leave one empty.",
    );
    expect(result.errors.find((e) => e.code === "regionCsv.range.percentage")!.message).toBe(
      "140 is outside 0 to 100; a percentage lies in between. Is this a number instead of a percentage, or was a thousands dot read as a decimal point?",
    );
    expect(result.warnings[0]!.message).toContain("this indicator gets no colour for this region and year (no data)");
  });

  test("file problems in English", () => {
    const [problem] = fileProblems(readRegionCsv(fixture("regions-missing-column.csv"), { fileName: "x.csv", lng: "en" }));
    expect(problem!.message).toMatch(/^Missing columns in the header row of x\.csv: jaar\. Found: /);
  });
});

describe("numbers as Dutch spreadsheets write them", () => {
  const pct: NumberSpec = { min: 0, max: 100, integer: false, percent: true, rangeCode: "regionCsv.range.percentage" };
  const count: NumberSpec = { min: 0, max: 20_000_000, integer: true, percent: false, rangeCode: "regionCsv.range.count" };
  const perGp: NumberSpec = { min: 333, max: 5000, integer: false, percent: false, rangeCode: "regionCsv.range.inhabitantsPerGp" };
  const value = (raw: string, spec: NumberSpec) => {
    const r = parseRegionNumber(raw, spec);
    return r === null ? null : r.ok ? r.value : r.code;
  };

  test.each([
    ["12,5", pct, 12.5],
    ["12.5", pct, 12.5],
    ["12,5 %", pct, 12.5],
    ["1.234,5", perGp, 1234.5],
    ["1.234", perGp, 1234],
    ["1.200", perGp, 1200],
    ["1.234", pct, 1.234],
    ["1.234.567", count, 1234567],
    ["2.350", count, 2350],
    ["2 350", count, 2350],
    ["−1,5", { ...pct, min: -100 }, -1.5],
    ["", pct, null],
    [".", pct, null],
    ["x", pct, null],
  ] as const)("%s reads as %s", (raw, spec, expected) => {
    expect(value(raw, spec)).toBe(expected);
  });

  test.each([
    ["2,350", count, "regionCsv.number.notWhole"],
    ["12.5", count, "regionCsv.number.notWhole"],
    ["1,234,567", count, "regionCsv.number.invalid"],
    ["12,5%", count, "regionCsv.number.invalid"],
    ["1.23.4", pct, "regionCsv.number.invalid"],
    ["-", pct, "regionCsv.number.invalid"],
    ["-0,5", pct, "regionCsv.range.percentage"],
    ["1,2", perGp, "regionCsv.range.inhabitantsPerGp"],
  ] as const)("%s is refused as %s", (raw, spec, code) => {
    expect(value(raw, spec)).toBe(code);
  });

  test("when both readings of 1.234 are plausible the reader refuses to guess", () => {
    const wide: NumberSpec = { min: 0, max: 5000, integer: false, percent: false, rangeCode: "regionCsv.range.count" };
    const reading = parseRegionNumber("1.234", wide);
    expect(reading).toMatchObject({ ok: false, code: "regionCsv.number.ambiguous", params: { first: "1,234", second: "1.234" } });
  });
});

test.each([
  ["Huisartsen per 10.000 inwoners", "huisartsen_per_10000_inwoners"],
  ["Zonder vaste huisarts (%)", "zonder_vaste_huisarts_pct"],
  ["Ouderen 75+ %", "ouderen_75plus_pct"],
  ["ouderen 75 plus percentage", "ouderen_75plus_pct"],
  ["uitstroom-5jaar-pct", "uitstroom_5jaar_pct"],
  ["  Régio Naam ", "regio_naam"],
])("header %j normalises to %s", (header, expected) => {
  expect(normaliseHeader(header)).toBe(expected);
});

describe("a file with more rows than a matrix can have", () => {
  test("is refused whole, with the limit in the message", () => {
    const rows = Array.from({ length: MAX_REGION_ROWS + 1 }, (_, i) => `R${i};Regio ${i};2026;7;10;4;5;12;9`);
    const result = readRegionCsv(Buffer.from(["regio_code;regio_naam;jaar;huisartsen_per_10000_inwoners;uitstroom_5jaar_pct;zonder_vaste_huisarts_pct;bevolkingsgroei_2035_pct;ouderen_75plus_pct;lage_ses_pct", ...rows].join("\n")), { fileName: "veel.csv" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => [p.code, p.message])).toEqual([["regionCsv.file.tooManyRows", expect.stringContaining("10.000")]]);
  });
});
