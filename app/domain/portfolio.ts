/**
 * The portfolio's vocabulary, shared by the server query and the page: the sources that can speak for
 * a practice, the sorts, the groupings and the statuses a signal can have.
 */
import type { SignalId } from "./content/schema";

/** The database column of each signal (db/schema.ts SignalColumns). */
export const SIGNAL_COLUMN = {
  "owner-not-gp": "sig_owner_not_gp",
  "patients-per-fte": "sig_patients_per_fte",
  "no-gp-present": "sig_no_gp_present",
  "unclear-organisation": "sig_unclear_organisation",
  "regional-cooperation": "sig_regional_cooperation",
} as const satisfies Record<SignalId, string>;

/** Every signal's column, in the order of the signals: what each table that stores results has. */
export const SIGNAL_COLUMNS = Object.values(SIGNAL_COLUMN) as Array<(typeof SIGNAL_COLUMN)[SignalId]>;

export const SOURCES = ["self", "own", "import"] as const;
export type SourceKind = (typeof SOURCES)[number];
export const SORTS = ["name", "signals", "patients-per-fte", "keten", "region"] as const;
export type PortfolioSort = (typeof SORTS)[number];
export const GROUPS = ["none", "keten", "region"] as const;
export type PortfolioGroup = (typeof GROUPS)[number];
export const STATUSES = ["signal", "unknown", "no-signal"] as const;
export type SignalStatusValue = (typeof STATUSES)[number];

export interface PortfolioFilter {
  /** A signal, or "any": at least one signal. */
  signal?: SignalId | "any";
  /** With `signal`: the status it must have (default: signal). */
  status?: SignalStatusValue;
  /** A keten key (see ketenKeyOfName). */
  keten?: string;
  region?: string;
  /** Has a self-assessment the organisation may see. */
  hasSelf?: boolean;
  /** The source that speaks for the row. */
  source?: SourceKind;
  /** The self-assessment and the organisation's own assessment differ on a signal. */
  differs?: boolean;
  /** The signals changed since the source's previous version (issue 13). */
  changed?: boolean;
  /** Part of the name, or the AGB code. */
  q?: string;
}

export interface PortfolioQuery {
  filter: PortfolioFilter;
  sort: PortfolioSort;
  /** Descending; by default as NATURAL_DESC says for the sort. */
  desc: boolean;
  group: PortfolioGroup;
  page: number;
  pageSize: number;
}

/**
 * The first screen is not a ranking (002, par. 3.3: signals are indications for dialogue, not
 * verdicts): by name, A to Z. "Meeste signalen eerst" is a sort the reader chooses.
 */
export const DEFAULT_QUERY: PortfolioQuery = { filter: {}, sort: "name", desc: false, group: "none", page: 1, pageSize: 50 };

/** Each sort's own direction when the reader picks none: names A to Z, most signals and highest figure first. */
export const NATURAL_DESC: Record<PortfolioSort, boolean> = { name: false, signals: true, "patients-per-fte": true, keten: false, region: false };

export interface PortfolioRow {
  practiceId: string;
  name: string;
  agb: string | null;
  ketenKey: string | null;
  ketenName: string | null;
  regionId: string | null;
  regionName: string | null;
  source: SourceKind;
  sourceId: string;
  /** When the source last changed (an assessment) or was imported. */
  sourceAt: string;
  versionNo: number | null;
  signals: Record<SignalId, SignalStatusValue | null>;
  patientsPerFte: number | null;
  signalCount: number;
  /** The version of the signal rules the row's source was computed with (null: not known). */
  rulesVersion: number | null;
  /** The signals beside which the practice gave its own context (its self-assessment's context en borging). */
  contextGiven: SignalId[];
  hasSelf: boolean;
  hasOwn: boolean;
  hasImport: boolean;
  differs: boolean;
  /** A signal's status differs from the source's previous version the organisation may see; null: there is none. */
  signalsChanged: boolean | null;
  /** The organisation that speaks for the practice is verified by the platform: its name carries the mark. */
  practiceVerified: boolean;
  /** The keten is an organisation the platform verified. */
  ketenVerified: boolean;
}

/**
 * A keten's key: its organisation id when the practice belongs to a keten organisation (or the import
 * named one), else "n:" and the name the import gave, lowercased.
 */
export const ketenKeyOfName = (name: string) => `n:${name.trim().toLowerCase()}`;
