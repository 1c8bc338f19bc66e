/**
 * `npm run signals -- FILE.csv`: JSON Lines in file order with spreadsheet row numbers, the engine's
 * statuses against the source's figures, bad rows that do not stop the others, and the exit codes
 * 0 (all evaluated) / 1 (some rows with errors) / 2 (nothing evaluated).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { SIGNAL_IDS } from "~/domain/content/schema";
import { REQUIRED_COLUMNS } from "~/domain/practice-row";
import { runSignals } from "../../scripts/signals";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures");
const GOOD = path.join(FIXTURES, "practices-good.csv");
const MIXED = path.join(FIXTURES, "practices-mixed.csv");
const MISSING_COLUMN = path.join(FIXTURES, "practices-missing-column.csv");
const V2 = path.join(FIXTURES, "practices-v2.csv");

const tmp = mkdtempSync(path.join(os.tmpdir(), "kernwaardenscan-signals-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Line {
  row: number;
  agb?: string;
  name?: string;
  rulesVersion?: number;
  signals?: Record<string, { status: string; reason: string; params?: Record<string, unknown>; evidence: Record<string, unknown>; figure?: Record<string, unknown> }>;
  errors?: Array<{ column: string | null; code: string; message: string }>;
}

function run(file: string, lng?: "nl" | "en") {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = runSignals(file, { stdout: { write: (s: string) => stdout.push(s) }, stderr: { write: (s: string) => stderr.push(s) } }, { lng });
  const text = stdout.join("");
  const lines = text === "" ? [] : text.trimEnd().split("\n").map((l) => JSON.parse(l) as Line);
  return { code, lines, text, stderr: stderr.join("") };
}

function writeTmp(name: string, content: string | Buffer) {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

const status = (line: Line | undefined, id: string) => line?.signals?.[id]?.status;

describe("fixtures are stored as the spreadsheets write them", () => {
  test("practices-good.csv: `;`, BOM and CRLF; practices-mixed.csv: `,`, no BOM, LF", () => {
    // If these fail, a checkout normalised the files: mark tests/fixtures/*.csv -text in .gitattributes.
    const good = readFileSync(GOOD);
    expect([...good.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(good.toString("utf8").split("\r\n")[0]).toBe(`\uFEFF${REQUIRED_COLUMNS.join(";")}`);
    expect(good.toString("utf8").replace(/\r\n/g, "")).not.toMatch(/\n/);
    const mixed = readFileSync(MIXED, "utf8");
    expect(mixed.startsWith(REQUIRED_COLUMNS.join(","))).toBe(true);
    expect(mixed).not.toContain("\r");
  });
});

describe("a file of good rows (`;`, BOM, CRLF)", () => {
  const { code, lines, text, stderr } = run(GOOD);
  const byAgb = (agb: string) => lines.find((l) => l.agb === agb);

  test("exit 0, one JSON line per data row, in file order with spreadsheet row numbers", () => {
    expect(code).toBe(0);
    expect(text.endsWith("\n")).toBe(true);
    expect(lines.map((l) => l.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lines.map((l) => l.agb)).toEqual([
      "01234567", "01234568", "01234569", "01234570", "01234571", "01234572", "01234573", "01234574", "00012345",
    ]);
  });

  test("every line has the five signals, keyed by id, without a redundant id", () => {
    for (const line of lines) {
      expect(Object.keys(line.signals ?? {})).toEqual([...SIGNAL_IDS]);
      for (const result of Object.values(line.signals ?? {})) {
        expect(result).not.toHaveProperty("id");
        expect(["signal", "no-signal", "unknown"]).toContain(result.status);
        expect(typeof result.reason).toBe("string");
      }
    }
  });

  test("names as written: quotes, a `;` inside quotes, accents, stray spaces gone", () => {
    expect(byAgb("01234569")?.name).toBe("Gezondheidscentrum Zuid; locatie Oost");
    expect(byAgb("01234571")?.name).toBe('Praktijk "Het Anker"');
    expect(byAgb("00012345")?.name).toBe("Café Dokter Één");
  });

  test.each([
    { agb: "01234567", what: "4000 patients, 40 h: exactly on the line", expected: "no-signal" },
    { agb: "01234568", what: "4001 patients, 40 h", expected: "signal" },
    { agb: "01234569", what: "8.000 patients, 80 h", expected: "no-signal" },
    { agb: "01234570", what: "5000 patients, 0 h", expected: "signal" },
    { agb: "01234571", what: "hours empty", expected: "unknown" },
    { agb: "01234572", what: "3000 patients, 32,5 h (decimal comma unquoted in a `;` file)", expected: "no-signal" },
    { agb: "00012345", what: "patients empty", expected: "unknown" },
  ])("patients-per-fte, $what → $expected", ({ agb, expected }) => {
    expect(status(byAgb(agb), "patients-per-fte")).toBe(expected);
  });

  test("the figures behind patients-per-fte", () => {
    expect(byAgb("01234567")?.signals?.["patients-per-fte"]?.figure).toEqual({ name: "patientsPerFte", value: 4000, infinite: false, threshold: 4000 });
    expect(byAgb("01234570")?.signals?.["patients-per-fte"]).toMatchObject({ reason: "no-gp-hours", figure: { value: null, infinite: true } });
    expect(byAgb("01234572")?.signals?.["patients-per-fte"]?.evidence).toMatchObject({ registeredPatients: 3000, huisartsHoursPerWeek: 32.5 });
  });

  test("no-gp-present: ma di wo do → signal, with vr as the day without; every spelling of five days → no-signal", () => {
    expect(byAgb("01234572")?.signals?.["no-gp-present"]).toMatchObject({ status: "signal", evidence: { weekdaysWithout: ["vr"] } });
    for (const agb of ["01234567", "01234569", "01234570", "01234571"]) expect(status(byAgb(agb), "no-gp-present")).toBe("no-signal");
    expect(status(byAgb("00012345"), "no-gp-present")).toBe("unknown");
  });

  test("owner-not-gp: huisarts (any case) → no-signal, andere-zorgverlener and bestuurder → signal", () => {
    expect(status(byAgb("00012345"), "owner-not-gp")).toBe("no-signal");
    expect(byAgb("01234570")?.signals?.["owner-not-gp"]).toMatchObject({ status: "signal", reason: "owner-other-provider" });
    expect(byAgb("01234573")?.signals?.["owner-not-gp"]).toMatchObject({ status: "signal", reason: "owner-director" });
  });

  test("unclear-organisation: bestuurder with governance onbekend → unknown; a huisarts owner with unknowns and no keten column → unknown", () => {
    expect(status(byAgb("01234573"), "unclear-organisation")).toBe("unknown");
    // Rules v2: without the onderdeel_van_keten_of_holding column it is not known whether explicit arrangements are needed.
    expect(byAgb("00012345")?.signals?.["unclear-organisation"]).toMatchObject({ status: "unknown", reason: "keten-unknown-arrangements" });
    expect(byAgb("01234567")?.signals?.["unclear-organisation"]).toMatchObject({ status: "no-signal", reason: "arrangements-documented" });
  });

  test("regional-cooperation: geen-hagro without the samenwerking column → unknown (it applies and is not given); all empty → unknown", () => {
    expect(byAgb("01234574")?.signals?.["regional-cooperation"]).toMatchObject({ status: "unknown", reason: "nearby-unknown" });
    expect(status(byAgb("00012345"), "regional-cooperation")).toBe("unknown");
  });

  test("every line names the rules version that computed it", () => {
    expect(lines.every((l) => l.rulesVersion === 2)).toBe(true);
  });

  test("a summary on stderr: rows, evaluated, errors, per signal counts, elapsed ms", () => {
    expect(stderr).toMatch(/^signals: 9 rows, 9 evaluated, 0 with errors · content v\d+ · rules v2 · \d+ ms\n/);
    expect(stderr).toMatch(/patients-per-fte\s+signal 2 {2}no-signal 5 {2}unknown 2\n/);
    for (const id of SIGNAL_IDS) expect(stderr).toContain(id);
  });
});

describe("the columns of rules v2, written as Dutch spreadsheets are (`;`, BOM, CRLF, decimal comma, mixed case, stray spaces)", () => {
  const { code, lines, stderr } = run(V2);
  const byAgb = (agb: string) => lines.find((l) => l.agb === agb);
  const bytes = readFileSync(V2);

  test("the fixture is stored that way", () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").split("\r\n")[0]).toMatch(/^\uFEFFAGB;Naam;Eigenaar;.*;Samenwerking_Huisartsen_Omgeving;Onderdeel van keten of holding;Keten$/);
    expect(bytes.toString("utf8")).toContain(";32,5;");
  });

  test("every row evaluated", () => {
    expect(code).toBe(0);
    expect(stderr).toMatch(/^signals: 8 rows, 8 evaluated, 0 with errors · content v\d+ · rules v2/);
  });

  test.each([
    { agb: "02000001", what: "no hagro, nearby NEE, ANW Deels", id: "regional-cooperation", status: "signal", reason: "no-nearby-cooperation" },
    { agb: "02000005", what: "no hagro, nearby Deels, ANW JA: it says deels", id: "regional-cooperation", status: "no-signal", reason: "nearby-takes-part-partly" },
    { agb: "02000007", what: "no hagro, nearby empty", id: "regional-cooperation", status: "unknown", reason: "nearby-unknown" },
    { agb: "02000002", what: "a bestuurder with both arrangements deels", id: "unclear-organisation", status: "signal", reason: "arrangements-partly" },
    { agb: "02000003", what: "a huisarts owner in a holding (column JA), governance Deels", id: "unclear-organisation", status: "signal", reason: "arrangements-partly" },
    { agb: "02000006", what: "a huisarts owner in a keten named in the keten column, governance deels", id: "unclear-organisation", status: "signal", reason: "arrangements-partly" },
    { agb: "02000004", what: "a huisarts owner outside a keten (column nee), deels and onbekend", id: "unclear-organisation", status: "no-signal", reason: "owner-gp-implicit-topics" },
    { agb: "02000008", what: "a huisarts owner, keten unknown, governance onbekend", id: "unclear-organisation", status: "unknown", reason: "keten-unknown-arrangements" },
    { agb: "02000005", what: "a huisarts owner, keten unknown, both ja", id: "unclear-organisation", status: "no-signal", reason: "arrangements-documented" },
    { agb: "02000001", what: "4.100 patients on 41 h: exactly on the line", id: "patients-per-fte", status: "no-signal", reason: "within-line" },
    { agb: "02000003", what: "2500 patients on 32,5 h", id: "patients-per-fte", status: "no-signal", reason: "within-line" },
    { agb: "02000002", what: "Maandag, Dinsdag, … in a `;` file", id: "no-gp-present", status: "no-signal", reason: "every-weekday" },
    { agb: "02000007", what: "ma di wo do", id: "no-gp-present", status: "signal", reason: "weekday-without-gp" },
  ])("$id: $what → $status", ({ agb, id, status: expected, reason }) => {
    expect(byAgb(agb)?.signals?.[id]).toMatchObject({ status: expected, reason });
  });

  test("the reason's values say deels where that is the answer", () => {
    expect(byAgb("02000005")?.signals?.["regional-cooperation"]?.params).toEqual({ nearbyCooperation: "deels", anw: "ja" });
    expect(byAgb("02000002")?.signals?.["unclear-organisation"]?.params).toEqual({ why: "owner", medicallyResponsibleGp: "deels", governanceDocumented: "deels" });
    expect(byAgb("02000006")?.signals?.["unclear-organisation"]?.params).toMatchObject({ why: "keten" });
    expect(byAgb("02000006")?.signals?.["unclear-organisation"]?.evidence).toMatchObject({ ketenOrHolding: "ja" });
  });
});

describe("a file with bad rows (`,`, no BOM, LF, a blank line, a multi-line name)", () => {
  const { code, lines, stderr } = run(MIXED);
  const at = (row: number) => lines.find((l) => l.row === row);

  test("exit 1, every row reported in file order; the blank line is skipped but counted", () => {
    expect(code).toBe(1);
    expect(lines.map((l) => [l.row, l.errors ? "errors" : "ok"])).toEqual([
      [2, "ok"],
      [3, "errors"],
      [4, "errors"],
      [6, "errors"],
      [7, "ok"],
      [8, "errors"],
      [9, "ok"],
      [10, "errors"],
      [11, "ok"],
    ]);
    expect(stderr).toMatch(/^signals: 9 rows, 4 evaluated, 5 with errors/);
  });

  test("a bad row is { row, errors: [{ column, code, message }] } and nothing else", () => {
    expect(at(3)).toEqual({
      row: 3,
      errors: [{ column: "agb", code: "csv.agb.lostLeadingZero", message: expect.stringContaining("“1234567” heeft 7 cijfers") }],
    });
    // The quoted "9000,5" in a `,` file is one cell, and not a whole number.
    expect(at(4)?.errors?.map((e) => [e.column, e.code])).toEqual([["ingeschreven_patienten", "csv.patients.notWhole"]]);
  });

  test("all problems of one row together", () => {
    expect(at(6)?.errors?.map((e) => [e.column, e.code])).toEqual([
      ["eigenaar", "csv.choice.invalid"],
      ["ingeschreven_patienten", "csv.patients.negative"],
      ["uren_huisarts_per_week", "csv.hours.invalid"],
      ["dagen_huisarts_fysiek_aanwezig", "csv.days.weekend"],
      ["medisch_eindverantwoordelijke_huisarts", "csv.choice.invalid"],
      ["hagro", "csv.choice.invalid"],
    ]);
  });

  test("short and long rows are bad rows, not a bad file", () => {
    expect(at(8)?.errors?.[0]).toMatchObject({ column: null, code: "csv.row.tooFewCells" });
    // An unquoted decimal comma in a `,` file splits the hours over two cells.
    expect(at(10)?.errors?.[0]).toMatchObject({ column: null, code: "csv.row.tooManyCells" });
  });

  test("rows after bad rows are evaluated", () => {
    expect(at(7)).toMatchObject({ agb: "01234571", signals: { "patients-per-fte": { status: "signal" }, "no-gp-present": { status: "no-signal" } } });
    expect(at(9)).toMatchObject({
      agb: "01234573",
      signals: {
        "patients-per-fte": { status: "signal", figure: { value: 4500 } },
        "no-gp-present": { status: "signal" },
        "unclear-organisation": { status: "signal" },
        "regional-cooperation": { status: "signal" },
      },
    });
    expect(at(11)).toMatchObject({ name: 'Praktijk Negen, "De Brug"', signals: { "patients-per-fte": { status: "signal", figure: { value: 5000 } } } });
  });

  test("English messages on request", () => {
    const en = run(MIXED, "en");
    expect(en.lines.find((l) => l.row === 4)?.errors?.[0]?.message).toMatch(/^“9000,5” is not a whole number/);
  });
});

describe("exit 2: nothing evaluated", () => {
  test("a required column is missing: the reason names it, stdout stays empty", () => {
    const { code, text, stderr } = run(MISSING_COLUMN);
    expect(code).toBe(2);
    expect(text).toBe("");
    expect(stderr).toMatch(/^Ontbrekende kolommen in de kopregel van .*practices-missing-column\.csv: anw\./);
  });

  test("the file does not exist", () => {
    const missing = path.join(tmp, "bestaat-niet.csv");
    expect(run(missing)).toMatchObject({ code: 2, text: "", stderr: `Het bestand ${missing} kan niet worden gelezen: het bestaat niet.\n` });
    expect(run(missing, "en").stderr).toBe(`The file ${missing} cannot be read: it does not exist.\n`);
  });

  test("a folder, an empty file, an unclosed quote, a duplicate column", () => {
    expect(run(tmp)).toMatchObject({ code: 2, text: "" });
    expect(run(writeTmp("leeg.csv", ""))).toMatchObject({ code: 2, stderr: expect.stringContaining("is leeg") });
    const unclosed = writeTmp("open-quote.csv", `${REQUIRED_COLUMNS.join(";")}\n01234567;"Praktijk;huisarts\n`);
    expect(run(unclosed)).toMatchObject({ code: 2, text: "", stderr: expect.stringContaining("geen leesbaar CSV-bestand") });
    const duplicate = writeTmp("dubbel.csv", `${[...REQUIRED_COLUMNS, "AGB"].join(";")}\n`);
    expect(run(duplicate)).toMatchObject({ code: 2, stderr: expect.stringContaining("agb") });
  });
});

test("a header without rows: exit 0, no output lines", () => {
  const { code, text, stderr } = run(writeTmp("alleen-kop.csv", `\uFEFF${REQUIRED_COLUMNS.join(";")}\r\n`));
  expect(code).toBe(0);
  expect(text).toBe("");
  expect(stderr).toMatch(/^signals: 0 rows, 0 evaluated, 0 with errors/);
});

test("5,700 rows (every practice in the country): all evaluated, in order", () => {
  const OWNERS = ["huisarts", "andere-zorgverlener", "bestuurder", ""];
  const DAYS = ["ma di wo do vr", "ma di wo do", "Maandag/Dinsdag", "geen", "onbekend", ""];
  const rows = Array.from({ length: 5700 }, (_, i) =>
    [
      String(i + 1).padStart(8, "0"),
      `Huisartsenpraktijk ${i + 1}`,
      OWNERS[i % OWNERS.length],
      i % 7 === 0 ? "" : String(1000 + ((i * 37) % 9000)),
      i % 11 === 0 ? "" : `${8 + (i % 120)},5`,
      DAYS[i % DAYS.length],
      ["ja", "nee", "onbekend"][i % 3],
      ["ja", "nee", ""][i % 3],
      ["ja", "nee", "geen-hagro", "onbekend"][i % 4],
      ["ja", "nee", "onbekend"][(i + 1) % 3],
    ].join(";"),
  );
  const file = writeTmp("land.csv", `\uFEFF${[REQUIRED_COLUMNS.join(";"), ...rows].join("\r\n")}\r\n`);
  const { code, lines, stderr } = run(file);
  expect(code).toBe(0);
  expect(lines).toHaveLength(5700);
  expect(lines.every((l, i) => l.row === i + 2 && l.agb === String(i + 1).padStart(8, "0") && l.signals)).toBe(true);
  expect(stderr).toMatch(/^signals: 5700 rows, 5700 evaluated, 0 with errors/);
});

describe("as a command", () => {
  const TSX = path.join(ROOT, "node_modules/.bin/tsx");
  const cli = (args: string[]) =>
    spawnSync(TSX, ["scripts/signals.ts", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, INIT_CWD: ROOT } });

  test("runs main only when executed directly, and exits with runSignals' code", () => {
    const good = cli(["tests/fixtures/practices-good.csv"]);
    expect(good.status).toBe(0);
    expect(good.stdout.trimEnd().split("\n")).toHaveLength(9);
    expect(cli(["tests/fixtures/practices-mixed.csv"]).status).toBe(1);
    const missing = cli(["--lang", "en", "tests/fixtures/bestaat-niet.csv"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot be read: it does not exist");
  }, 30_000);

  test("without a file, or with an unknown language: usage and exit 2", () => {
    expect(cli([])).toMatchObject({ status: 2, stdout: "", stderr: expect.stringContaining("usage:") });
    expect(cli(["--lang=de", "tests/fixtures/practices-good.csv"])).toMatchObject({ status: 2, stderr: expect.stringContaining("usage:") });
  }, 30_000);
});
