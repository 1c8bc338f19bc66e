/**
 * The summary that opens the overview, the report and the PDF (issue 13): the signals in a line
 * ("2 signalen, 1 onbekend"), the questions answered of those shown, the rules version and the date.
 */
import type { SignalStatus } from "./signals";

export interface AssessmentSummary {
  signals: number;
  unknown: number;
  answered: number;
  shown: number;
  /**
   * The version of the rules that computed the signals. SLOT: until the stored signals carry their own
   * rules version (issue 12), this is the content version the assessment is pinned to, whose
   * signals.yaml and parameters.yaml are those rules.
   */
  rulesVersion: number;
  /** Submitted: the day it was frozen; a concept: its last change. */
  date: { kind: "submitted" | "changed"; at: string };
}

export function assessmentSummary(input: {
  signals: ReadonlyArray<{ status: SignalStatus }>;
  totals: { answered: number; total: number };
  rulesVersion: number;
  assessment: { status: string; submitted_at: string | null; updated_at: string };
}): AssessmentSummary {
  const { assessment } = input;
  const submitted = assessment.status === "ingediend" && assessment.submitted_at !== null;
  return {
    signals: input.signals.filter((s) => s.status === "signal").length,
    unknown: input.signals.filter((s) => s.status === "unknown").length,
    answered: input.totals.answered,
    shown: input.totals.total,
    rulesVersion: input.rulesVersion,
    date: submitted ? { kind: "submitted", at: assessment.submitted_at! } : { kind: "changed", at: assessment.updated_at },
  };
}
