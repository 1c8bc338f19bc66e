/**
 * The CSV reader on what Dutch spreadsheets really write: `;` from Dutch Excel (with unquoted decimal
 * commas), `,` from elsewhere, a BOM or none, CRLF, quoted cells, stray spaces and blank lines; and the
 * row numbers a spreadsheet user sees (header = row 1).
 */
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CsvReadError, detectDelimiter, neutraliseFormula, readDelimited, streamDelimited, toDelimited } from "~/utils/csv";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");

const BOM = "\uFEFF";
const lines = (rows: ReturnType<typeof readDelimited>["rows"]) => rows.map((r) => r.line);
const cells = (rows: ReturnType<typeof readDelimited>["rows"]) => rows.map((r) => r.cells);

describe("delimiter", () => {
  test.each([
    { header: "agb;naam;eigenaar", expected: ";" },
    { header: "agb,naam,eigenaar", expected: "," },
    { header: 'agb;"naam, plaats";eigenaar', expected: ";" },
    { header: '"a;b","c;d",e', expected: "," },
    { header: "agb", expected: ";" },
    { header: "a;b,c", expected: ";" },
  ])("$header → $expected", ({ header, expected }) => {
    expect(detectDelimiter(`${header}\n1,2;3`)).toBe(expected);
  });

  test("is decided by the header, not by decimal commas in a `;` file", () => {
    const t = readDelimited("a;b;c\r\n1,5;2,25;3,125,7\r\n");
    expect(t.delimiter).toBe(";");
    expect(t.rows[0]!.cells).toEqual(["1,5", "2,25", "3,125,7"]);
  });

  test("a `,` file", () => {
    const t = readDelimited('agb,naam,uren\n01234567,Praktijk Een,"32,5"\n');
    expect(t.delimiter).toBe(",");
    expect(t.header).toEqual(["agb", "naam", "uren"]);
    expect(t.rows).toEqual([{ line: 2, cells: ["01234567", "Praktijk Een", "32,5"] }]);
  });
});

describe("encoding", () => {
  test.each([
    { name: "BOM, string", input: `${BOM}agb;naam\r\n01234567;Café\r\n` },
    { name: "no BOM, string", input: "agb;naam\r\n01234567;Café\r\n" },
    { name: "BOM, bytes", input: Buffer.from(`${BOM}agb;naam\r\n01234567;Café\r\n`, "utf8") },
    { name: "no BOM, bytes", input: Buffer.from("agb;naam\r\n01234567;Café\r\n", "utf8") },
    // What Dutch Excel's plain "CSV (puntkomma-gescheiden)" writes: Windows-1252, é is one byte 0xE9.
    { name: "Windows-1252 bytes", input: Buffer.from([...Buffer.from("agb;naam\r\n01234567;Caf"), 0xe9, 0x0d, 0x0a]) },
  ])("$name: the first column is 'agb' and é survives", ({ input }) => {
    const t = readDelimited(input);
    expect(t.header).toEqual(["agb", "naam"]);
    expect(t.rows).toEqual([{ line: 2, cells: ["01234567", "Café"] }]);
  });
});

describe("line endings and quoting", () => {
  test("CRLF, LF, a lone CR and a mix all end rows", () => {
    for (const text of ["h;i\r\n1;2\r\n3;4\r\n", "h;i\n1;2\n3;4\n", "h;i\r1;2\r3;4\r", "h;i\r\n1;2\n3;4", "h;i\n1;2\r\n3;4\r\n"]) {
      const t = readDelimited(text);
      expect(t.header, JSON.stringify(text)).toEqual(["h", "i"]);
      expect(t.rows, JSON.stringify(text)).toEqual([
        { line: 2, cells: ["1", "2"] },
        { line: 3, cells: ["3", "4"] },
      ]);
    }
  });

  test("quoted cells keep delimiters, doubled quotes and line breaks", () => {
    const t = readDelimited('naam;opmerking;x\r\n"Zuid; locatie Oost";"Praktijk ""De Linde""";"regel 1\r\nregel 2"\r\n"a,b";"";"\n"\r\n');
    expect(cells(t.rows)).toEqual([
      ["Zuid; locatie Oost", 'Praktijk "De Linde"', "regel 1\r\nregel 2"],
      ["a,b", "", "\n"],
    ]);
  });

  test("a bare quote inside an unquoted value is text", () => {
    const t = readDelimited('naam;x\nPraktijk "De Linde";1\n');
    expect(t.rows[0]!.cells).toEqual(['Praktijk "De Linde"', "1"]);
  });

  test("an unclosed quote makes the file unreadable, with a reason", () => {
    expect(() => readDelimited('a;b\n1;"open\n2;3\n')).toThrow(CsvReadError);
    expect(() => readDelimited('a;b\n1;"open\n2;3\n')).toThrow(/quote/i);
  });
});

describe("stray spaces", () => {
  test("around values and around quotes are trimmed; spaces inside quotes are data", () => {
    const t = readDelimited(' agb ; naam \r\n 01234567 ;  "  Praktijk  " ;\t32,5\t\r\n');
    expect(t.header).toEqual(["agb", "naam"]);
    expect(t.rows[0]!.cells).toEqual(["01234567", "  Praktijk  ", "32,5"]);
  });
});

describe("row numbers (header = row 1), as the spreadsheet shows them", () => {
  test("blank lines are skipped but still count", () => {
    const t = readDelimited("a;b\r\n1;2\r\n\r\n\r\n3;4\r\n\r\n");
    expect(lines(t.rows)).toEqual([2, 5]);
    expect(cells(t.rows)).toEqual([["1", "2"], ["3", "4"]]);
  });

  test("lines of only spaces, or only delimiters (Excel's formatted-but-empty rows), are blank too", () => {
    const t = readDelimited("a;b;c\n1;2;3\n   \n;;\n ; ; \n\t\n4;5;6\n");
    expect(t.rows).toEqual([
      { line: 2, cells: ["1", "2", "3"] },
      { line: 7, cells: ["4", "5", "6"] },
    ]);
  });

  test("a quoted cell with line breaks is one spreadsheet row, and the rows after it keep their numbers", () => {
    for (const br of ["\n", "\r\n"]) {
      const text = ["a;b", `1;"x${br}y${br}z"`, "2;3", "", `"p${br}q";4`, "5;6"].join(br);
      const t = readDelimited(text);
      expect(t.rows.map((r) => [r.line, r.cells[0]]), JSON.stringify(br)).toEqual([
        [2, "1"],
        [3, "2"],
        [5, `p${br}q`],
        [6, "5"],
      ]);
    }
  });

  test("a last row without a line break", () => {
    expect(lines(readDelimited("a;b\n1;2\n\n3;4").rows)).toEqual([2, 4]);
  });

  test("blank lines before the header", () => {
    const t = readDelimited("\r\n\r\na;b\r\n1;2\r\n");
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows).toEqual([{ line: 4, cells: ["1", "2"] }]);
  });

  test("rows with fewer or more cells than the header are kept as they are", () => {
    const t = readDelimited("a;b;c\n1;2\n1;2;3;4\n");
    expect(t.rows).toEqual([
      { line: 2, cells: ["1", "2"] },
      { line: 3, cells: ["1", "2", "3", "4"] },
    ]);
  });

  test("an empty file has no header and no rows", () => {
    expect(readDelimited("")).toMatchObject({ header: [], rows: [] });
    expect(readDelimited(`${BOM}\r\n\r\n`)).toMatchObject({ header: [], rows: [] });
  });
});

describe("toDelimited: CSV for Dutch Excel", () => {
  test("`;`, CRLF after every row and a BOM by default", () => {
    expect(toDelimited([["agb", "naam"], ["01234567", "Praktijk Een"]])).toBe(`${BOM}agb;naam\r\n01234567;Praktijk Een\r\n`);
  });

  test("quotes only what needs it", () => {
    expect(toDelimited([["a;b", "a,b", 'zei "ja"', "regel\nregel", " spatie", "32,5", "gewoon"]], { bom: false })).toBe(
      '"a;b";"a,b";"zei ""ja""";"regel\nregel";" spatie";"32,5";gewoon\r\n',
    );
  });

  test("without BOM and with `,`", () => {
    expect(toDelimited([["a", "1,5"]], { delimiter: ",", bom: false })).toBe('a,"1,5"\r\n');
  });

  const awkward = [
    ["agb", "naam", "uren", "opmerking"],
    ["01234567", "Zuid; locatie Oost", "32,5", 'Praktijk "De Linde"'],
    ["00000001", "a,b", "", "regel 1\r\nregel 2\nregel 3"],
    ["12345678", "  spaties  ", "0", '""'],
    ["", "", "", "laatste"],
  ];

  test.each([
    { delimiter: ";" as const, bom: true },
    { delimiter: "," as const, bom: false },
  ])("round-trips through readDelimited ($delimiter, bom $bom)", ({ delimiter, bom }) => {
    const text = toDelimited(awkward, { delimiter, bom });
    for (const input of [text, Buffer.from(text, "utf8")]) {
      const t = readDelimited(input);
      expect(t.delimiter).toBe(delimiter);
      expect(t.header).toEqual(awkward[0]);
      expect(cells(t.rows)).toEqual(awkward.slice(1));
      // The multi-line cell is one spreadsheet row.
      expect(lines(t.rows)).toEqual([2, 3, 4, 5]);
    }
  });
});

describe("toDelimited guards against formula injection", () => {
  test.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+31 20 123", "'+31 20 123"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-geen", "'-geen"],
    ["-5", "-5"],
    ["-3,5", "-3,5"],
    ["gewone tekst", "gewone tekst"],
  ])("%s is written as %s", (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
    const written = toDelimited([["h"], [cell]], { bom: false });
    expect(readDelimited(written).rows[0]!.cells[0]).toBe(expected);
  });
});

describe("streamDelimited reads as readDelimited does, a row at a time", () => {
  const collect = async (input: string | Buffer) => {
    const stream = await streamDelimited(input);
    const rows = [];
    for await (const row of stream.rows) rows.push(row);
    return { header: stream.header, delimiter: stream.delimiter, rows };
  };

  test.each(readdirSync(fixtures).filter((f) => f.endsWith(".csv")))("%s", async (file) => {
    const bytes = readFileSync(path.join(fixtures, file));
    expect(await collect(bytes)).toEqual(readDelimited(bytes));
  });

  test("quoted line breaks, blank lines and a record that spans the pieces it is read in", async () => {
    const long = "x".repeat(70 * 1024);
    const text = `a;b\r\n\r\n"een\r\nregel";2\n${long};3\r"laatste";4`;
    expect(await collect(text)).toEqual(readDelimited(text));
    // A quoted line break does not add a row, as Excel shows the file.
    expect((await collect(text)).rows.map((r) => r.line)).toEqual([3, 4, 5]);
  });

  test("an unclosed quote is a CsvReadError where the reading meets it", async () => {
    await expect(collect('a;b\n"open;1\n')).rejects.toBeInstanceOf(CsvReadError);
  });
});
