/**
 * The colouring of the signaleringsmatrix: fixed and relative criteria, the direction of each
 * indicator, ties, missing values (never green), too few regions, a balanced spread (leidraad section
 * 2.1) and the trend over the years.
 */
import { describe, expect, test } from "vitest";
import {
  atPrecision,
  buildMatrix,
  colourMatrix,
  emptyValues,
  redCells,
  relativeBounds,
  scoreGroups,
  sortByRedCells,
  trendPerYear,
  withTrends,
  type Colour,
  type ColouredMatrix,
  type RegionYearValues,
} from "~/domain/regional/colouring";
import { DEMO_REGIONS, DEMO_YEARS, benchmarkRegions, isFictitiousRegionCode } from "~/domain/regional/demo-regions";
import { getRegionalCriteria } from "~/models/regional-content.server";
import { INDICATOR_IDS, type Criteria, type IndicatorId, type RegionalCriteria } from "~/domain/regional/schema";

const v1 = getRegionalCriteria(1);

/** v1 with one indicator's criteria replaced. */
function withCriteria(id: IndicatorId, criteria: Criteria): RegionalCriteria {
  return { ...v1, indicators: v1.indicators.map((i) => (i.id === id ? { ...i, criteria } : i)) };
}

/** Regions R01, R02, … of 2026 with one indicator set, the others unknown. */
function regions(id: IndicatorId, values: ReadonlyArray<number | null>, year = 2026): RegionYearValues[] {
  return values.map((value, i) => {
    const code = `R${String(i + 1).padStart(2, "0")}`;
    return { code, name: `Regio ${code} (fictief)`, year, values: { ...emptyValues(), [id]: value } };
  });
}

/** The colour of each region for one indicator, in input order (R01 first). */
function colours(matrix: ColouredMatrix, id: IndicatorId): Colour[] {
  return [...matrix.regions].sort((a, b) => a.code.localeCompare(b.code)).map((r) => r.cells[id].colour);
}

const colourOf = (criteria: RegionalCriteria, id: IndicatorId, values: ReadonlyArray<number | null>) => colours(colourMatrix(criteria, regions(id, values)), id);

describe("fixed criteria", () => {
  const density = withCriteria("huisartsendichtheid", { kind: "fixed", rood: 6, oranje: 7 });
  const outflow = withCriteria("verwachte-uitstroom", { kind: "fixed", rood: 25, oranje: 20 });

  test("lower is worse: at most rood is red, at most oranje orange, bounds inclusive", () => {
    expect(colourOf(density, "huisartsendichtheid", [5.2, 6, 6.1, 7, 7.1, 9])).toEqual(["rood", "rood", "oranje", "oranje", "groen", "groen"]);
  });

  test("higher is worse: at least rood is red", () => {
    expect(colourOf(outflow, "verwachte-uitstroom", [30, 25, 24.9, 20, 19.9])).toEqual(["rood", "rood", "oranje", "oranje", "groen"]);
  });

  test("compared as shown: 6.04 prints as 6,0 and is red like 6,0; 6.06 prints as 6,1 and is orange", () => {
    expect(atPrecision(6.04, 1)).toBe(6);
    expect(colourOf(density, "huisartsendichtheid", [6.04, 6.06])).toEqual(["rood", "oranje"]);
  });

  test("fixed criteria apply to any number of regions, even one", () => {
    expect(colourOf(density, "huisartsendichtheid", [5])).toEqual(["rood"]);
  });

  test("the cut-offs in force are reported with their direction", () => {
    const matrix = colourMatrix(density, regions("huisartsendichtheid", [5, 6.5, 8, null]));
    expect(matrix.cutOffs.huisartsendichtheid).toEqual({
      indicator: "huisartsendichtheid",
      kind: "fixed",
      direction: "lower-is-worse",
      operator: "<=",
      decimals: 1,
      regionsWithData: 3,
      rood: 6,
      oranje: 7,
      counts: { rood: 1, oranje: 1, groen: 1, "geen-gegevens": 1 },
    });
  });
});

describe("relative criteria (v1: worst 20% red, next 30% orange)", () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  test("higher is worse: the 2 highest of 10 red, the next 3 orange", () => {
    expect(colourOf(v1, "verwachte-uitstroom", ten)).toEqual([...Array(5).fill("groen"), "oranje", "oranje", "oranje", "rood", "rood"]);
  });

  test("lower is worse: the 2 lowest of 10 red", () => {
    expect(colourOf(v1, "huisartsendichtheid", ten.map((n) => n + 3))).toEqual(["rood", "rood", "oranje", "oranje", "oranje", ...Array(5).fill("groen")]);
  });

  test("population growth is worse the higher it is; krimp is the favourable end", () => {
    expect(colourOf(v1, "bevolkingsgroei", [-3, -1, 0, 1, 2, 3, 4, 5, 8, 12])).toEqual([...Array(5).fill("groen"), "oranje", "oranje", "oranje", "rood", "rood"]);
  });

  test("the computed cut-offs are the mildest red and orange values, with the shares", () => {
    const matrix = colourMatrix(v1, regions("huisartsendichtheid", ten.map((n) => n + 3)));
    expect(matrix.cutOffs.huisartsendichtheid).toMatchObject({
      kind: "relative",
      operator: "<=",
      applied: true,
      rood: 5,
      oranje: 8,
      roodShare: 0.2,
      oranjeShare: 0.3,
      regionsWithData: 10,
      counts: { rood: 2, oranje: 3, groen: 5, "geen-gegevens": 0 },
    });
  });

  test("a missing value is geen-gegevens, never green, and does not count in the ranking", () => {
    // 10 regions with data and 3 without: still 2 red, 3 orange among the 10.
    const matrix = colourMatrix(v1, regions("verwachte-uitstroom", [...ten, null, null, null]));
    expect(colours(matrix, "verwachte-uitstroom").slice(10)).toEqual(["geen-gegevens", "geen-gegevens", "geen-gegevens"]);
    expect(matrix.cutOffs["verwachte-uitstroom"].counts).toEqual({ rood: 2, oranje: 3, groen: 5, "geen-gegevens": 3 });
    expect(matrix.regions.find((r) => r.code === "R11")!.cells["verwachte-uitstroom"]).toEqual({ value: null, colour: "geen-gegevens", reason: "no-value" });
  });

  test("missing values are never green under fixed criteria either", () => {
    const fixed = withCriteria("verwachte-uitstroom", { kind: "fixed", rood: 25, oranje: 20 });
    expect(colourOf(fixed, "verwachte-uitstroom", [null, 10])).toEqual(["geen-gegevens", "groen"]);
  });

  test("equal values always get the same colour", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 7, 9, 10];
    const result = colourOf(v1, "verwachte-uitstroom", values);
    expect(result[6]).toBe(result[7]);
  });

  test("a tie straddling the red cut goes to orange: red never exceeds its share", () => {
    // Worst first: 10, 9, 9, … The red quota is 2; the pair of 9s would make 3, so only 10 is red.
    const result = colourOf(v1, "verwachte-uitstroom", [1, 2, 3, 4, 5, 6, 7, 9, 9, 10]);
    expect(result).toEqual([...Array(5).fill("groen"), "oranje", "oranje", "oranje", "oranje", "rood"]);
  });

  test("a tie straddling the orange cut goes to green", () => {
    // Red: 10, 9. Orange quota 5 in all: 8 fits (3), the three 7s would make 6, so they are green.
    const result = colourOf(v1, "verwachte-uitstroom", [1, 2, 3, 4, 7, 7, 7, 8, 9, 10]);
    expect(result).toEqual(["groen", "groen", "groen", "groen", "groen", "groen", "groen", "oranje", "rood", "rood"]);
  });

  test("values that print the same are tied: 2.004 and 2.001 (2,00 with two decimals) share a colour", () => {
    const result = colourOf(v1, "zonder-vaste-huisarts", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 2.001, 2.004]);
    expect(result[8]).toBe(result[9]);
    // Both 2,00 would be 2 reds: exactly the quota, so both red.
    expect(result.slice(8)).toEqual(["rood", "rood"]);
  });

  test("all values equal: nobody is worse than anybody, nothing red or orange", () => {
    expect(new Set(colourOf(v1, "aandeel-ouderen", Array(12).fill(10)))).toEqual(new Set(["groen"]));
  });

  test("below 5 regions with data the indicator is not coloured: nobody is red by position alone", () => {
    for (const values of [[9], [9, 1], [9, 5, 1], [9, 7, 5, 1]]) {
      const matrix = colourMatrix(v1, regions("verwachte-uitstroom", [...values, null]));
      const cells = matrix.regions.map((r) => r.cells["verwachte-uitstroom"]);
      expect(cells.every((c) => c.colour === "geen-gegevens")).toBe(true);
      expect(cells.filter((c) => c.reason === "too-few-regions")).toHaveLength(values.length);
      expect(matrix.cutOffs["verwachte-uitstroom"]).toMatchObject({ kind: "relative", applied: false, rood: null, oranje: null, regionsWithData: values.length });
    }
  });

  test("at exactly 5 regions with data the worst one is red and the next one orange", () => {
    expect(colourOf(v1, "verwachte-uitstroom", [1, 2, 3, 4, 5])).toEqual(["groen", "groen", "groen", "oranje", "rood"]);
  });

  test("shares are ceilings: 12 regions give 2 red (not 2.4 → 3) and 4 orange", () => {
    const result = colourOf(v1, "verwachte-uitstroom", Array.from({ length: 12 }, (_, i) => i));
    expect(result.filter((c) => c === "rood")).toHaveLength(2);
    expect(result.filter((c) => c === "oranje")).toHaveLength(4);
  });

  test("relativeBounds in isolation: worst first by direction", () => {
    expect(relativeBounds([5, 1, 4, 2, 3], "higher-is-worse", 0.2, 0.3)).toEqual({ rood: 5, oranje: 4 });
    expect(relativeBounds([5, 1, 4, 2, 3], "lower-is-worse", 0.2, 0.3)).toEqual({ rood: 1, oranje: 2 });
  });
});

describe("a balanced spread on 30 regions (section 2.1: not nearly all red, not just one)", () => {
  const rows = benchmarkRegions();
  const matrix = buildMatrix(v1, rows, 2026);

  test.each(INDICATOR_IDS)("%s: red at most 20%, red and orange at most 50%, not all one colour", (id) => {
    const { counts, regionsWithData } = matrix.cutOffs[id];
    expect(regionsWithData).toBeGreaterThanOrEqual(25);
    expect(counts.rood).toBeGreaterThan(1);
    expect(counts.rood).toBeLessThanOrEqual(0.2 * regionsWithData);
    expect(counts.rood + counts.oranje).toBeLessThanOrEqual(0.5 * regionsWithData);
    expect(counts.groen).toBeGreaterThan(0);
    expect(counts.oranje).toBeGreaterThan(0);
  });

  test("not nearly every region has a red cell somewhere, and more than one has", () => {
    const withRed = matrix.regions.filter((r) => r.red > 0).length;
    expect(withRed).toBeGreaterThan(1);
    expect(withRed).toBeLessThan(30);
  });

  test("30 regions × 5 years, deterministic, fictitious", () => {
    expect(rows).toHaveLength(150);
    expect(benchmarkRegions()).toEqual(rows);
    expect(rows.every((r) => isFictitiousRegionCode(r.code) && r.name.endsWith(" (fictief)"))).toBe(true);
  });
});

describe("the matrix", () => {
  test("regions are sorted by red cells, then orange cells, then name", () => {
    const sorted = sortByRedCells([
      { code: "A", name: "Ameland", red: 1, orange: 0 },
      { code: "B", name: "Beekveld", red: 2, orange: 0 },
      { code: "C", name: "Cadzand", red: 1, orange: 3 },
      { code: "D", name: "Dalfsen", red: 1, orange: 0 },
    ]);
    expect(sorted.map((r) => r.code)).toEqual(["B", "C", "A", "D"]);
  });

  test("redCells counts the red scores of a region, and the matrix order follows it", () => {
    const matrix = buildMatrix(v1, [...DEMO_REGIONS], 2026);
    for (const region of matrix.regions) expect(region.red).toBe(redCells(region, scoreGroups(v1)));
    const reds = matrix.regions.map((r) => r.red);
    expect(reds).toEqual([...reds].sort((a, b) => b - a));
    expect(matrix.indicators).toEqual(v1.indicators.map((i) => i.id));
    expect(matrix.criteriaVersion).toBe(1);
  });

  test("level and trend of 3.2a are one score: red when either is, never two red scores", () => {
    expect(scoreGroups(v1)).toEqual({ "trend-zonder-vaste-huisarts": "zonder-vaste-huisarts" });
    const cell = (colour: Colour) => ({ value: 1, colour, reason: null });
    const region = (level: Colour, trend: Colour, other: Colour = "groen") => ({
      cells: { ...Object.fromEntries(INDICATOR_IDS.map((id) => [id, cell("groen")])), "zonder-vaste-huisarts": cell(level), "trend-zonder-vaste-huisarts": cell(trend), bevolkingsgroei: cell(other) } as Record<IndicatorId, ReturnType<typeof cell>>,
    });
    const groups = scoreGroups(v1);
    expect(redCells(region("rood", "rood"), groups)).toBe(1);
    expect(redCells(region("rood", "rood"))).toBe(2); // counted cell by cell, as before: two
    expect(redCells(region("groen", "rood"), groups)).toBe(1);
    expect(redCells(region("rood", "groen"), groups)).toBe(1);
    expect(redCells(region("rood", "rood", "rood"), groups)).toBe(2);
    expect(redCells(region("groen", "groen"), groups)).toBe(0);
    // The matrix ranks with the groups: a region red in level and trend is not ahead of one red in two indicators.
    const matrix = colourMatrix(
      withCriteria("zonder-vaste-huisarts", { kind: "fixed", rood: 5, oranje: 3 }),
      [
        { code: "A", name: "Aa (fictief)", year: 2026, values: { ...emptyValues(), "zonder-vaste-huisarts": 6, "trend-zonder-vaste-huisarts": null } },
        { code: "B", name: "Bb (fictief)", year: 2026, values: { ...emptyValues(), "zonder-vaste-huisarts": 4 } },
      ],
    );
    expect(matrix.regions.map((r) => [r.code, r.red, r.orange])).toEqual([
      ["A", 1, 0],
      ["B", 0, 1],
    ]);
  });

  test("scoresWith must name another indicator that scores on its own", async () => {
    const { RegionalCriteriaFileSchema } = await import("~/domain/regional/schema");
    const bad = { ...v1, indicators: v1.indicators.map((i) => (i.id === "bevolkingsgroei" ? { ...i, scoresWith: "bevolkingsgroei" } : i)) };
    expect(RegionalCriteriaFileSchema.safeParse(bad).success).toBe(false);
    expect(RegionalCriteriaFileSchema.safeParse(v1).success).toBe(true);
  });

  test("one year at a time, each region once", () => {
    const two = [...regions("bevolkingsgroei", [1], 2025), ...regions("bevolkingsgroei", [1], 2026)];
    expect(() => colourMatrix(v1, two)).toThrow(/one year at a time/);
    expect(() => colourMatrix(v1, [...regions("bevolkingsgroei", [1]), ...regions("bevolkingsgroei", [2])])).toThrow(/R01 appears more than once/);
    expect(colourMatrix(v1, [], 2026)).toMatchObject({ year: 2026, regions: [] });
  });
});

describe("trend of verzekerden zonder vaste huisarts", () => {
  test("percentage points per year between the earliest and the latest year with data", () => {
    expect(trendPerYear([
      { year: 2022, value: 1.0 },
      { year: 2024, value: null },
      { year: 2026, value: 2.0 },
    ])).toBeCloseTo(0.25, 10);
    expect(trendPerYear([
      { year: 2026, value: 1.5 },
      { year: 2025, value: 2.0 },
    ])).toBeCloseTo(-0.5, 10);
  });

  test("fewer than two years with data is no trend", () => {
    expect(trendPerYear([])).toBeNull();
    expect(trendPerYear([{ year: 2026, value: 1 }])).toBeNull();
    expect(trendPerYear([{ year: 2025, value: null }, { year: 2026, value: 1 }])).toBeNull();
  });

  test("each year's trend uses only that year and earlier ones, and a rising share is worse", () => {
    const rows = [
      ...[2024, 2025, 2026].map((year, i) => ({ code: "A", name: "A (fictief)", year, values: { ...emptyValues(), "zonder-vaste-huisarts": 1 + i } })),
      { code: "B", name: "B (fictief)", year: 2026, values: { ...emptyValues(), "zonder-vaste-huisarts": 3 } },
    ];
    const trends = withTrends(rows).map((r) => [r.code, r.year, r.values["trend-zonder-vaste-huisarts"]]);
    expect(trends).toEqual([
      ["A", 2024, null],
      ["A", 2025, 1],
      ["A", 2026, 1],
      ["B", 2026, null],
    ]);
    expect(v1.indicators.find((i) => i.id === "trend-zonder-vaste-huisarts")!.direction).toBe("higher-is-worse");
  });

  test("the trend is computed, whatever the input says", () => {
    const row = { code: "A", name: "A (fictief)", year: 2026, values: { ...emptyValues(), "trend-zonder-vaste-huisarts": 9 } };
    expect(withTrends([row])[0]!.values["trend-zonder-vaste-huisarts"]).toBeNull();
  });
});

describe("demo data", () => {
  test("12 fictitious regions × 2024-2026", () => {
    expect(DEMO_REGIONS).toHaveLength(36);
    expect(new Set(DEMO_REGIONS.map((r) => r.code)).size).toBe(12);
    expect([...new Set(DEMO_REGIONS.map((r) => r.year))]).toEqual([...DEMO_YEARS]);
    expect(DEMO_REGIONS.every((r) => /^DEMO-\d{2}$/.test(r.code) && r.name.endsWith(" (fictief)"))).toBe(true);
  });

  test("every demo year's matrix shows red, orange, green and geen gegevens", () => {
    for (const year of DEMO_YEARS) {
      const matrix = buildMatrix(v1, [...DEMO_REGIONS], year);
      const seen = new Set(matrix.regions.flatMap((r) => Object.values(r.cells).map((c) => c.colour)));
      expect(seen).toEqual(new Set(["rood", "oranje", "groen", "geen-gegevens"]));
    }
  });

  test("by 2026 the trend is known for the regions with more than one year", () => {
    const matrix = buildMatrix(v1, [...DEMO_REGIONS], 2026);
    expect(matrix.cutOffs["trend-zonder-vaste-huisarts"]).toMatchObject({ applied: true, regionsWithData: 11 });
  });
});
