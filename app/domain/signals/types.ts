/**
 * What every version of the signal rules returns. A result is stored as computed (JSON, with the
 * version that computed it), so its shape only ever grows: old results must stay readable.
 */
import type { SignalId } from "../signal-ids";

export type SignalStatus = "signal" | "no-signal" | "unknown";

export interface PatientsPerFteFigure {
  name: "patientsPerFte";
  value: number | null;
  infinite: boolean;
  threshold: number;
}

/**
 * Beside no-gp-present (rules v2): the huisartsen present on fewer days than the source prefers, and a
 * practice run only by waarnemers. A figure for the conversation, not a sixth signal.
 */
export interface PresenceFigure {
  name: "presence";
  /** Huisartsen whose days are known and fewer than `minDays`; null when the facts list no huisartsen. */
  belowMinDays: number | null;
  minDays: number;
  /** Every huisarts is a waarnemer; null when not known (no list, or a role not given). */
  onlyWaarnemers: boolean | null;
  /** How many huisartsen the facts list; null when they list none (a spreadsheet). */
  huisartsen: number | null;
}

export type SignalFigure = PatientsPerFteFigure | PresenceFigure;

export interface SignalResult {
  id: SignalId;
  status: SignalStatus;
  /** A stable code for why: the UI words it ("signals.reason.<code>"). */
  reason: string;
  /** Values the reason's wording names, as value codes ("deels", "ja", …); rules v2 on. */
  params?: Record<string, string | number>;
  /** The facts the rule looked at, as given. */
  evidence: Record<string, unknown>;
  /** The computed figure against its threshold, where the rule has one. */
  figure?: SignalFigure;
}

export type SignalResults = Record<SignalId, SignalResult>;
