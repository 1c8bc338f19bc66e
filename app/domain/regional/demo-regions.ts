/**
 * Fictitious region data, so the matrix is never empty in the demo and nobody mistakes it for real
 * figures (issue 6, "Demo data"): every name ends in " (fictief)", every code starts with DEMO- (or
 * BENCH- for the benchmark set), and the region names are invented. The values are plausible and
 * spread so that the relative colouring shows all three colours, with some figures missing on purpose.
 * Deterministic: the same data on every start and in every test.
 */
import { emptyValues, withTrends, type RegionYearValues } from "./colouring";
import type { DERIVED_INDICATORS, IndicatorId } from "./schema";

export const DEMO_SUFFIX = " (fictief)";
export const DEMO_YEARS = [2024, 2025, 2026] as const;

export const isFictitiousRegionCode = (code: string) => /^(DEMO|BENCH)-/i.test(code.trim());

/** The indicators read from a source; the trend is computed from the years (withTrends). */
type Measured = Exclude<IndicatorId, (typeof DERIVED_INDICATORS)[number]>;
const MEASURED: readonly Measured[] = ["huisartsendichtheid", "verwachte-uitstroom", "zonder-vaste-huisarts", "bevolkingsgroei", "aandeel-ouderen", "aandeel-lage-ses"];

/** Published figures have a fixed precision; demo figures look the same. */
const PRECISION: Record<Measured, number> = {
  huisartsendichtheid: 1,
  "verwachte-uitstroom": 1,
  "zonder-vaste-huisarts": 2,
  bevolkingsgroei: 1,
  "aandeel-ouderen": 1,
  "aandeel-lage-ses": 1,
};

type Figures = Record<Measured, number | null>;

interface DemoRegion {
  code: string;
  name: string;
  /** The 2024 figures; null is a figure the region never has. */
  base: Figures;
  /** Change per year after 2024. */
  perYear: Partial<Record<Measured, number>>;
  /** Figures missing in particular years, as happens when a source publishes late. */
  missing?: Partial<Record<Measured, readonly number[]>>;
}

// Columns: huisartsendichtheid, verwachte-uitstroom, zonder-vaste-huisarts, bevolkingsgroei, aandeel-ouderen, aandeel-lage-ses.
const figures = (d: number, u: number | null, z: number | null, g: number, o: number, s: number | null): Figures => ({
  huisartsendichtheid: d,
  "verwachte-uitstroom": u,
  "zonder-vaste-huisarts": z,
  bevolkingsgroei: g,
  "aandeel-ouderen": o,
  "aandeel-lage-ses": s,
});

// Pressure under strain (low density, high outflow, rising share without a huisarts) and calm regions
// side by side, ageing rural regions with few people without a huisarts, growing urban ones with many.
const AGEING = { "aandeel-ouderen": 0.2, bevolkingsgroei: -0.2 } as const;
const DEMO: readonly DemoRegion[] = [
  { code: "DEMO-01", name: "Aldermeer", base: figures(5.6, 27.5, 2.8, 8.5, 9.1, 31.0), perYear: { ...AGEING, huisartsendichtheid: -0.1, "zonder-vaste-huisarts": 0.4, "verwachte-uitstroom": 0.6 } },
  { code: "DEMO-02", name: "Beekveld", base: figures(7.9, 14.2, 0.4, -1.2, 12.8, 8.5), perYear: { ...AGEING, huisartsendichtheid: 0.05 } },
  { code: "DEMO-03", name: "Dijkhoven", base: figures(6.3, 22.1, 1.9, 5.4, 7.6, 24.3), perYear: { ...AGEING, "zonder-vaste-huisarts": 0.3, "verwachte-uitstroom": 0.4 } },
  { code: "DEMO-04", name: "Eikenwoud", base: figures(8.4, 11.8, 0.3, 1.1, 10.2, 12.7), perYear: { ...AGEING, huisartsendichtheid: 0.1, "zonder-vaste-huisarts": -0.05 } },
  { code: "DEMO-05", name: "Grasland-Noord", base: figures(6.8, 25.4, 1.2, -3.4, 13.5, 19.8), perYear: { ...AGEING, "zonder-vaste-huisarts": 0.2, "verwachte-uitstroom": -0.3 } },
  { code: "DEMO-06", name: "Havenstad", base: figures(5.9, 18.6, 3.4, 11.2, 6.1, 38.2), perYear: { ...AGEING, huisartsendichtheid: -0.1, "zonder-vaste-huisarts": 0.5 } },
  { code: "DEMO-07", name: "Kanaalzone", base: figures(7.2, 19.9, 0.9, 3.8, 8.8, 21.5), perYear: { ...AGEING, "zonder-vaste-huisarts": 0.1 } },
  { code: "DEMO-08", name: "Lindenhorst", base: figures(7.6, 16.3, 0.6, 2.4, 9.7, null), perYear: { ...AGEING, "zonder-vaste-huisarts": -0.1 } },
  { code: "DEMO-09", name: "Merendal", base: figures(6.5, 29.8, 1.5, 6.7, 11.4, 16.1), perYear: { ...AGEING, "zonder-vaste-huisarts": 0.25, "verwachte-uitstroom": -0.8 } },
  { code: "DEMO-10", name: "Oeverland", base: figures(8.9, 12.5, 0.2, -0.6, 11.9, 10.4), perYear: { ...AGEING, huisartsendichtheid: 0.05 } },
  {
    code: "DEMO-11",
    name: "Veenhoek",
    base: figures(6.1, 23.0, 2.2, 4.9, 10.8, 27.6),
    perYear: { ...AGEING, "zonder-vaste-huisarts": 0.35, "verwachte-uitstroom": 0.5 },
    missing: { "verwachte-uitstroom": [2024] },
  },
  {
    code: "DEMO-12",
    name: "Zilverkust",
    base: figures(7.0, 21.7, 1.1, 7.8, 12.2, 14.9),
    perYear: { ...AGEING, "zonder-vaste-huisarts": 0.15 },
    // Only one year of this figure: the trend has no data for this region.
    missing: { "zonder-vaste-huisarts": [2024, 2025] },
  },
];

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
/** Only growth can be negative (krimp); a drifting share stops at zero. */
const floorOf = (id: Measured) => (id === "bevolkingsgroei" ? -100 : 0);

function regionYear(region: DemoRegion, year: number, firstYear: number): RegionYearValues {
  const values = emptyValues();
  for (const id of MEASURED) {
    const base = region.base[id];
    const missing = region.missing?.[id]?.includes(year) ?? false;
    values[id] = base === null || missing ? null : round(Math.max(floorOf(id), base + (region.perYear[id] ?? 0) * (year - firstYear)), PRECISION[id]);
  }
  return { code: region.code, name: region.name + DEMO_SUFFIX, year, values };
}

/** 12 fictitious regions × 2024-2026, with the trend computed from the years. */
export const DEMO_REGIONS: readonly RegionYearValues[] = withTrends(DEMO.flatMap((region) => DEMO_YEARS.map((year) => regionYear(region, year, DEMO_YEARS[0]))));

// ---------------------------------------------------------------------------------------------------
// Benchmark

/** mulberry32: small and repeatable, so the benchmark measures the same matrix every run. */
function seededRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible 2024 ranges per figure, and how far one region may move per year. */
const BENCH_RANGES: Record<Measured, { min: number; max: number; drift: number }> = {
  huisartsendichtheid: { min: 5.2, max: 9.4, drift: 0.15 },
  "verwachte-uitstroom": { min: 10, max: 32, drift: 0.8 },
  "zonder-vaste-huisarts": { min: 0.1, max: 4.2, drift: 0.4 },
  bevolkingsgroei: { min: -4, max: 12, drift: 0.3 },
  "aandeel-ouderen": { min: 5.5, max: 14, drift: 0.3 },
  "aandeel-lage-ses": { min: 6, max: 40, drift: 0 },
};

/**
 * A national-size matrix for `npm run bench` (issue 6: 30 regions × 5 years): same shape as the demo,
 * fictitious, about 3% of the figures missing.
 */
export function benchmarkRegions(options: { regions?: number; years?: readonly number[]; seed?: number } = {}): RegionYearValues[] {
  const { regions = 30, years = [2022, 2023, 2024, 2025, 2026], seed = 20261201 } = options;
  const rng = seededRng(seed);
  const between = (min: number, max: number) => min + rng() * (max - min);
  const generated: DemoRegion[] = Array.from({ length: regions }, (_, i) => {
    const base = {} as Figures;
    const perYear: Partial<Record<Measured, number>> = {};
    for (const id of MEASURED) {
      const { min, max, drift } = BENCH_RANGES[id];
      base[id] = between(min, max);
      perYear[id] = between(-drift, drift);
    }
    const missing: Partial<Record<Measured, number[]>> = {};
    for (const id of MEASURED) missing[id] = years.filter(() => rng() < 0.03);
    return { code: `BENCH-${String(i + 1).padStart(2, "0")}`, name: `Benchmarkregio ${String(i + 1).padStart(2, "0")}`, base, perYear, missing };
  });
  return withTrends(generated.flatMap((region) => years.map((year) => regionYear(region, year, years[0] ?? year))));
}
