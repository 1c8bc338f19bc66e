/**
 * The colouring of the regional signaleringsmatrix (leidraad 2027/2028, section 2: "Elke indicator
 * krijgt een kleurcode (rood, oranje, groen) op basis van vastgestelde criteria"). Pure: criteria and
 * values in, colours and the cut-offs that produced them out, so the matrix can always say why a cell
 * has its colour.
 *
 * Rules (documented here because the leidraad leaves them open, section 2.3):
 * - A region without a value is `geen-gegevens`, never green: no data is not good news.
 * - Values are compared at the precision they are shown with (the indicator's `decimals`), so two
 *   cells that print the same always get the same colour.
 * - Fixed criteria: inclusive bounds in the indicator's direction (at least / at most `rood` is red).
 * - Relative criteria (section 2.1, "een evenwichtige en realistische verdeling ... zonder dat vrijwel
 *   alle regio's rood kleuren of juist slechts één regio"), among the regions with a value that year:
 *   - ranked worst first by the indicator's direction; regions without a value do not count;
 *   - at most floor(n × roodShare) regions are red and at most floor(n × (roodShare + oranjeShare))
 *     red or orange: shares are ceilings, never rounded up;
 *   - equal values are never split: a group of equal values that would cross a boundary goes wholly
 *     to the milder colour, so red never exceeds its share (and it may mean fewer reds, or none);
 *   - with fewer than `minRegions` regions with a value the indicator is not coloured (every cell
 *     `geen-gegevens`, reason `too-few-regions`): with one or two regions, rank alone would make a
 *     region red or orange only because there are so few to compare with, and calling them green
 *     would claim a comparison that was never made.
 *   The relative cut-offs are then the mildest red and the mildest orange value, so a relative
 *   column reads like a fixed one ("rood: ≤ 6,1, slechtste 20%") and the same comparison colours it.
 */
import { INDICATOR_IDS, type Criteria, type Direction, type Indicator, type IndicatorId, type RegionalCriteria } from "./schema";

export type { IndicatorId } from "./schema";

export const COLOURS = ["rood", "oranje", "groen", "geen-gegevens"] as const;
export type Colour = (typeof COLOURS)[number];

/** Why a cell has no colour: the region has no value, or too few regions have one to compare. */
export type UncolouredReason = "no-value" | "too-few-regions";

/** The counts behind a percentage, kept when a spreadsheet gave them (app/domain/regional/region-row.ts). */
export interface RegionCounts {
  /** Insured people without a vaste huisarts, as a number of people. */
  zonderVasteHuisarts: number | null;
  /** What the percentage is of: the insured population, or the inhabitants when that is all there is. */
  population: number | null;
  populationKind: "verzekerden" | "inwoners" | null;
}

/** One region in one year, every indicator in its canonical unit (content/regional/vN/matrix.yaml). */
export interface RegionYearValues {
  code: string;
  name: string;
  year: number;
  values: Record<IndicatorId, number | null>;
  counts?: RegionCounts;
}

export interface ColouredCell {
  value: number | null;
  colour: Colour;
  /** null when the cell is coloured rood, oranje or groen. */
  reason: UncolouredReason | null;
}

export interface ColouredRegion {
  code: string;
  name: string;
  year: number;
  cells: Record<IndicatorId, ColouredCell>;
  /**
   * Red scores: the matrix ranks regions by them (section 2: "Regio's met de meeste rode scores"); one
   * per indicator of the leidraad, so level and trend of 3.2a are one score (see redCells).
   */
  red: number;
  orange: number;
}

interface CutOffsBase {
  indicator: IndicatorId;
  direction: Direction;
  /** How a value compares with a bound: "<=" for lower-is-worse, ">=" for higher-is-worse. */
  operator: "<=" | ">=";
  /** The precision values were compared at (and are shown with). */
  decimals: number;
  regionsWithData: number;
  counts: Record<Colour, number>;
}

/** Agreed cut-offs: a value `operator` rood is red, else `operator` oranje is orange, else green. */
export interface FixedCutOffs extends CutOffsBase {
  kind: "fixed";
  rood: number;
  oranje: number;
}

/**
 * Cut-offs computed from the ranking: `rood` is the mildest value that is red, `oranje` the mildest
 * that is orange (null when no region got that colour). `applied` is false below `minRegions`.
 */
export interface RelativeCutOffs extends CutOffsBase {
  kind: "relative";
  roodShare: number;
  oranjeShare: number;
  minRegions: number;
  applied: boolean;
  rood: number | null;
  oranje: number | null;
}

export type IndicatorCutOffs = FixedCutOffs | RelativeCutOffs;

export interface ColouredMatrix {
  year: number;
  /** The content version of the criteria (content/regional/vN/), shown on the matrix. */
  criteriaVersion: number;
  /** Column order, as the content lists the indicators. */
  indicators: IndicatorId[];
  /** Most red cells first, then most orange, then by name. */
  regions: ColouredRegion[];
  cutOffs: Record<IndicatorId, IndicatorCutOffs>;
}

// ---------------------------------------------------------------------------------------------------
// Comparing

/** Rounded as Intl and toFixed round (on the exact binary value), so a cell prints what was compared. */
export function atPrecision(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

const isAsBadAs = (value: number, bound: number, direction: Direction) =>
  direction === "higher-is-worse" ? value >= bound : value <= bound;

/** Worst first. */
const byBadness = (direction: Direction) => (a: number, b: number) => (direction === "higher-is-worse" ? b - a : a - b);

interface Bounds {
  rood: number | null;
  oranje: number | null;
}

function colourOf(value: number, bounds: Bounds, direction: Direction): Colour {
  if (bounds.rood !== null && isAsBadAs(value, bounds.rood, direction)) return "rood";
  if (bounds.oranje !== null && isAsBadAs(value, bounds.oranje, direction)) return "oranje";
  return "groen";
}

/** floor(n × share), without 0.29 × 100 = 28.999… costing a whole region. */
const quota = (n: number, share: number) => Math.floor(n * share + 1e-9);

/**
 * The mildest red and the mildest orange value under the relative rules: walk the groups of equal
 * values worst first, and take a whole group into a colour only while it fits that colour's quota.
 */
export function relativeBounds(values: readonly number[], direction: Direction, roodShare: number, oranjeShare: number): Bounds {
  const sorted = [...values].sort(byBadness(direction));
  const groups: Array<{ value: number; size: number }> = [];
  for (const value of sorted) {
    const last = groups.at(-1);
    if (last && last.value === value) last.size++;
    else groups.push({ value, size: 1 });
  }
  const quotas: Array<[keyof Bounds, number]> = [
    ["rood", quota(sorted.length, roodShare)],
    ["oranje", quota(sorted.length, roodShare + oranjeShare)],
  ];
  const bounds: Bounds = { rood: null, oranje: null };
  let taken = 0;
  let next = 0;
  for (const [colour, limit] of quotas) {
    while (next < groups.length && taken + groups[next]!.size <= limit) {
      bounds[colour] = groups[next]!.value;
      taken += groups[next]!.size;
      next++;
    }
  }
  return bounds;
}

// ---------------------------------------------------------------------------------------------------
// One indicator

const emptyCounts = (): Record<Colour, number> => ({ rood: 0, oranje: 0, groen: 0, "geen-gegevens": 0 });

function boundsFor(criteria: Criteria, values: readonly number[], direction: Direction): Bounds & { applied: boolean } {
  if (criteria.kind === "fixed") return { rood: criteria.rood, oranje: criteria.oranje, applied: true };
  if (values.length < criteria.minRegions) return { rood: null, oranje: null, applied: false };
  return { ...relativeBounds(values, direction, criteria.roodShare, criteria.oranjeShare), applied: true };
}

function colourIndicator(indicator: Indicator, raw: ReadonlyArray<number | null>): { cells: ColouredCell[]; cutOffs: IndicatorCutOffs } {
  const { id, direction, decimals, criteria } = indicator;
  const compared = raw.map((v) => (v === null ? null : atPrecision(v, decimals)));
  const present = compared.filter((v): v is number => v !== null);
  const bounds = boundsFor(criteria, present, direction);
  const counts = emptyCounts();
  const cells = raw.map((value, i): ColouredCell => {
    const v = compared[i] ?? null;
    const cell: ColouredCell =
      v === null
        ? { value, colour: "geen-gegevens", reason: "no-value" }
        : !bounds.applied
          ? { value, colour: "geen-gegevens", reason: "too-few-regions" }
          : { value, colour: colourOf(v, bounds, direction), reason: null };
    counts[cell.colour]++;
    return cell;
  });
  const base = { indicator: id, direction, operator: direction === "higher-is-worse" ? ">=" : "<=", decimals, regionsWithData: present.length, counts } as const;
  const cutOffs: IndicatorCutOffs =
    criteria.kind === "fixed"
      ? { ...base, kind: "fixed", rood: criteria.rood, oranje: criteria.oranje }
      : {
          ...base,
          kind: "relative",
          roodShare: criteria.roodShare,
          oranjeShare: criteria.oranjeShare,
          minRegions: criteria.minRegions,
          applied: bounds.applied,
          rood: bounds.rood,
          oranje: bounds.oranje,
        };
  return { cells, cutOffs };
}

// ---------------------------------------------------------------------------------------------------
// The matrix

/** Region codes compare without case or surrounding spaces ("demo-01" is DEMO-01). */
export const regionKey = (code: string) => code.trim().toUpperCase();

/** Which score each indicator counts towards: its own, or the one it shares (`scoresWith`, level and trend). */
export type ScoreGroups = Partial<Record<IndicatorId, IndicatorId>>;

export function scoreGroups(criteria: Pick<RegionalCriteria, "indicators">): ScoreGroups {
  return Object.fromEntries(criteria.indicators.filter((i) => i.scoresWith).map((i) => [i.id, i.scoresWith!]));
}

/** Per score (an indicator, or level and trend together), its worst colour: red beats orange beats the rest. */
function scores(region: Pick<ColouredRegion, "cells">, groups: ScoreGroups) {
  const worst = new Map<IndicatorId, Colour>();
  for (const [id, cell] of Object.entries(region.cells) as Array<[IndicatorId, ColouredCell]>) {
    const score = groups[id] ?? id;
    const before = worst.get(score);
    if (before === undefined || cell.colour === "rood" || (cell.colour === "oranje" && before !== "rood")) worst.set(score, cell.colour);
  }
  return [...worst.values()];
}

/**
 * Red scores of a region: what the matrix ranks regions by (section 2: "Regio's met de meeste rode
 * scores"). One per indicator of the leidraad: level and trend of 3.2a count once, red when either is.
 */
export function redCells(region: Pick<ColouredRegion, "cells">, groups: ScoreGroups = {}): number {
  return scores(region, groups).filter((c) => c === "rood").length;
}

function orangeCells(region: Pick<ColouredRegion, "cells">, groups: ScoreGroups): number {
  return scores(region, groups).filter((c) => c === "oranje").length;
}

/** Most red scores first (section 2), then most orange, then by name as a Dutch reader sorts. */
export function sortByRedCells<T extends Pick<ColouredRegion, "red" | "orange" | "name" | "code">>(regions: readonly T[]): T[] {
  return [...regions].sort((a, b) => b.red - a.red || b.orange - a.orange || a.name.localeCompare(b.name, "nl") || a.code.localeCompare(b.code));
}

/**
 * Colours the regions of one year. Every region must be of that year and appear once: a matrix that
 * mixed years would compare figures that were never meant to be compared. `year` is needed only for a
 * year without any region (an empty matrix still says which year it is).
 */
export function colourMatrix(criteria: RegionalCriteria, regions: readonly RegionYearValues[], year: number | undefined = regions[0]?.year): ColouredMatrix {
  if (year === undefined) throw new Error("colourMatrix: no regions and no year");
  const other = regions.find((r) => r.year !== year);
  if (other) throw new Error(`colourMatrix: one year at a time; ${other.code} is of ${other.year}, the matrix of ${year}`);
  const keys = regions.map((r) => regionKey(r.code));
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice !== undefined) throw new Error(`colourMatrix: region ${twice} appears more than once`);

  const indicators = criteria.indicators.map((i) => i.id);
  const columns = new Map(criteria.indicators.map((indicator) => [indicator.id, colourIndicator(indicator, regions.map((r) => r.values[indicator.id] ?? null))]));
  const cutOffs = Object.fromEntries([...columns].map(([id, c]) => [id, c.cutOffs])) as Record<IndicatorId, IndicatorCutOffs>;
  const groups = scoreGroups(criteria);
  const coloured = regions.map((region, i): ColouredRegion => {
    const cells = Object.fromEntries(indicators.map((id) => [id, columns.get(id)!.cells[i]!])) as Record<IndicatorId, ColouredCell>;
    return { code: region.code, name: region.name, year: region.year, cells, red: redCells({ cells }, groups), orange: orangeCells({ cells }, groups) };
  });
  return { year, criteriaVersion: criteria.version, indicators, regions: sortByRedCells(coloured), cutOffs };
}

// ---------------------------------------------------------------------------------------------------
// Over the years

/**
 * The change in percentage points per year between the earliest and the latest year with a value
 * (section 3.2a, "niveau en trend"); null with fewer than two such years. The two ends and not a
 * fitted line: it is what a reader can check by hand from the region page.
 */
export function trendPerYear(values: ReadonlyArray<{ year: number; value: number | null }>): number | null {
  const known = values.filter((v): v is { year: number; value: number } => v.value !== null).sort((a, b) => a.year - b.year);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last || last.year === first.year) return null;
  return (last.value - first.value) / (last.year - first.year);
}

/**
 * Every row with its trend filled in from its region's rows up to and including its own year, so a
 * matrix of an earlier year never uses figures from later ones. The trend is always computed, never
 * taken from the input.
 */
export function withTrends(rows: readonly RegionYearValues[]): RegionYearValues[] {
  const byRegion = new Map<string, RegionYearValues[]>();
  for (const row of rows) {
    const key = regionKey(row.code);
    byRegion.set(key, [...(byRegion.get(key) ?? []), row]);
  }
  return rows.map((row) => {
    const history = byRegion.get(regionKey(row.code))!.filter((r) => r.year <= row.year);
    const trend = trendPerYear(history.map((r) => ({ year: r.year, value: r.values["zonder-vaste-huisarts"] })));
    return { ...row, values: { ...row.values, "trend-zonder-vaste-huisarts": trend } };
  });
}

/** The years the rows cover, oldest first. */
export function matrixYears(rows: readonly Pick<RegionYearValues, "year">[]): number[] {
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

/** The matrix of one year from rows of any number of years: trends first, then that year's colours. */
export function buildMatrix(criteria: RegionalCriteria, rows: readonly RegionYearValues[], year: number): ColouredMatrix {
  return colourMatrix(criteria, withTrends(rows).filter((r) => r.year === year), year);
}

/** A values record with every indicator unknown: the starting point for a row being filled in. */
export function emptyValues(): Record<IndicatorId, number | null> {
  return Object.fromEntries(INDICATOR_IDS.map((id) => [id, null])) as Record<IndicatorId, number | null>;
}
