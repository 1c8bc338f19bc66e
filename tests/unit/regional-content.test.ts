/**
 * The regional matrix criteria as data: every version loads, every indicator has its criteria, v1
 * follows the leidraad (relative default, directions, sources, caveat), and a broken copy is refused
 * with a message that names the file and the place.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { RegionalContentError, getRegionalCriteria, listRegionalVersions, loadRegionalCriteriaFrom } from "~/models/regional-content.server";
import { INDICATOR_IDS, RegionalCriteriaFileSchema } from "~/domain/regional/schema";
import { parse as parseYaml } from "yaml";

const SOURCE = path.resolve("content/regional/v1");

describe("every regional content version", () => {
  const versions = listRegionalVersions();

  test("there is at least version 1, and the default is the latest", () => {
    expect(versions).toContain(1);
    expect(getRegionalCriteria().version).toBe(versions.at(-1));
  });

  test.each(versions)("v%i loads, says its own version, and has every indicator once with criteria", (version) => {
    const criteria = getRegionalCriteria(version);
    expect(criteria.version).toBe(version);
    const ids = criteria.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...INDICATOR_IDS].sort());
    for (const indicator of criteria.indicators) expect(["fixed", "relative"]).toContain(indicator.criteria.kind);
  });
});

describe("v1", () => {
  const v1 = getRegionalCriteria(1);
  const indicator = (id: (typeof INDICATOR_IDS)[number]) => v1.indicators.find((i) => i.id === id)!;

  test("the file itself validates against the schema", () => {
    const raw = parseYaml(readFileSync(path.join(SOURCE, "matrix.yaml"), "utf8"));
    expect(RegionalCriteriaFileSchema.safeParse(raw).success).toBe(true);
  });

  test("relative criteria for every indicator, while ZN, LHV and InEen work the cut-offs out (section 2.3)", () => {
    for (const i of v1.indicators) expect(i.criteria).toEqual({ kind: "relative", roodShare: 0.2, oranjeShare: 0.3, minRegions: 5 });
    expect(v1.criteriaNote.nl).toContain("par. 2.3");
  });

  test("directions as the leidraad reads them", () => {
    expect(Object.fromEntries(v1.indicators.map((i) => [i.id, i.direction]))).toEqual({
      huisartsendichtheid: "lower-is-worse",
      "verwachte-uitstroom": "higher-is-worse",
      "zonder-vaste-huisarts": "higher-is-worse",
      "trend-zonder-vaste-huisarts": "higher-is-worse",
      bevolkingsgroei: "higher-is-worse",
      "aandeel-ouderen": "higher-is-worse",
      "aandeel-lage-ses": "higher-is-worse",
    });
  });

  test("groups and sources of section 3", () => {
    expect(v1.indicators.filter((i) => i.group === "zorgaanbod").map((i) => i.id)).toEqual(["huisartsendichtheid", "verwachte-uitstroom"]);
    expect(indicator("bevolkingsgroei").source).toBe("cbs");
    expect(indicator("aandeel-lage-ses").source).toBe("cbs");
    expect(indicator("huisartsendichtheid").source).toBe("vektis");
    expect(indicator("huisartsendichtheid").unit.nl).toBe("huisartsen per 10.000 inwoners");
  });

  test("the caveat: the matrix starts the conversation and decides nothing about funding", () => {
    expect(v1.caveat.nl).toContain("bedoeld om het gesprek te starten");
    expect(v1.caveat.nl).toContain("geen automatisch recht op een vast bedrag per regio");
    expect(v1.caveat.en).toContain("does not automatically lead to funding");
    expect(v1.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test("every text exists in Dutch and English", () => {
    for (const i of v1.indicators) {
      for (const text of [i.title, i.unit, i.sourceDetail, i.explanation]) {
        expect(text.nl.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("a broken copy is refused with a clear message", () => {
  let dir: string | undefined;
  const previous = process.env.CONTENT_DIR;
  afterEach(() => {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A CONTENT_DIR with a copy of regional v1, its matrix.yaml edited. */
  function brokenCopy(edit: (yaml: string) => string): string {
    dir = mkdtempSync(path.join(tmpdir(), "regional-content-"));
    const target = path.join(dir, "regional", "v1");
    cpSync(SOURCE, target, { recursive: true });
    const file = path.join(target, "matrix.yaml");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    process.env.CONTENT_DIR = dir;
    return file;
  }

  test("an unknown criteria kind names the file and the path", () => {
    const file = brokenCopy((yaml) => yaml.replace("kind: relative", "kind: relatief"));
    expect(() => getRegionalCriteria(1)).toThrow(RegionalContentError);
    expect(() => getRegionalCriteria(1)).toThrow(file);
    expect(() => getRegionalCriteria(1)).toThrow(/at indicators\.0\.criteria\.kind/);
  });

  /** Verwachte uitstroom (indicators.1, higher is worse) with fixed cut-offs instead of the relative default. */
  const fixedOutflow = (rood: number, oranje: number) => (yaml: string) =>
    yaml.replace("criteria: *relative", `criteria:\n      kind: fixed\n      rood: ${rood}\n      oranje: ${oranje}`);

  test("fixed cut-offs the wrong way round for the direction", () => {
    brokenCopy(fixedOutflow(20, 25));
    expect(() => getRegionalCriteria(1)).toThrow(/at indicators\.1\.criteria\.rood: with direction higher-is-worse, rood \(20\) must be at least oranje \(25\)/);
  });

  test("fixed cut-offs the right way round load, next to relative ones", () => {
    brokenCopy(fixedOutflow(25, 20));
    const criteria = getRegionalCriteria(1);
    expect(criteria.indicators[1]!.criteria).toEqual({ kind: "fixed", rood: 25, oranje: 20 });
    expect(criteria.indicators[0]!.criteria.kind).toBe("relative");
  });

  test("an indicator missing, or a version that does not match its folder", () => {
    const file = brokenCopy((yaml) => yaml.replace("version: 1", "version: 2"));
    expect(() => getRegionalCriteria(1)).toThrow(`${file} says version 2, its folder is v1`);
    const dropped = readFileSync(path.join(SOURCE, "matrix.yaml"), "utf8").replace(/  - id: aandeel-lage-ses[\s\S]*$/, "");
    writeFileSync(file, dropped);
    expect(() => loadRegionalCriteriaFrom(path.dirname(file))).toThrow(/at indicators: indicators missing: aandeel-lage-ses/);
  });

  test("invalid YAML and a missing folder", () => {
    const file = brokenCopy((yaml) => `${yaml}\n  - id: [unclosed\n`);
    expect(() => loadRegionalCriteriaFrom(path.dirname(file))).toThrow(/matrix\.yaml: cannot read YAML/);
    process.env.CONTENT_DIR = path.join(dir!, "nowhere");
    expect(() => listRegionalVersions()).toThrow(/regional content folder not found/);
  });
});
