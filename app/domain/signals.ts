/**
 * The five signals (LHV en NHG, Uitwerking AZWA D3, section 4.1): one pure engine per version of the
 * rules, over normalised facts. A signal is an indication for dialogue, never a verdict (3.3);
 * "unknown" is itself a topic. Thresholds come from content parameters; wording, kernpunten and
 * questions from signals.yaml; which version is in force from parameters.yaml (`rulesVersion`).
 *
 * Every version stays in code (signals/v1.ts, signals/v2.ts): a result is stored with the version that
 * computed it, so a submitted assessment reads "as computed", and beside it "what the rules in force
 * would say".
 */
import type { Parameters } from "./content/schema";
import type { RulesVersion } from "./signal-ids";
import type { SignalResults } from "./signals/types";
import { evaluateV1, type SignalFactsV1 } from "./signals/v1";
import { evaluateV2, type KetenStatus, type SignalFactsV2 } from "./signals/v2";

export type { PatientsPerFteFigure, PresenceFigure, SignalFigure, SignalResult, SignalResults, SignalStatus } from "./signals/types";
export type { HuisartsPresence, KetenStatus } from "./signals/v2";
export type { SignalFactsV1 };
export { RULES_VERSIONS, isRulesVersion, type RulesVersion } from "./signal-ids";

/** The facts the rules in force read; every earlier version reads a subset of them. */
export type SignalFacts = SignalFactsV2;

/**
 * Facts as stored by an earlier version (an import of rules v1 lacks the later fields): what a later
 * version needs and the earlier one never asked counts as unknown.
 */
export function normaliseFacts(stored: SignalFactsV1 & Partial<SignalFacts>, fallback: { ketenOrHolding?: KetenStatus } = {}): SignalFacts {
  return {
    ...stored,
    huisartsenWithoutDays: stored.huisartsenWithoutDays ?? 0,
    huisartsen: stored.huisartsen ?? null,
    ketenOrHolding: stored.ketenOrHolding ?? fallback.ketenOrHolding ?? "onbekend",
    nearbyCooperation: stored.nearbyCooperation ?? "onbekend",
  };
}

/** The five signals by the given version of the rules (default: the one the parameters name). */
export function evaluateSignals(facts: SignalFacts, parameters: Parameters, version: RulesVersion = parameters.rulesVersion): SignalResults {
  switch (version) {
    case 1:
      return evaluateV1(facts, parameters);
    case 2:
      return evaluateV2(facts, parameters);
  }
}

/** What is stored beside the status columns: the results exactly as computed, with their version. */
export interface StoredSignals {
  rulesVersion: RulesVersion;
  results: SignalResults;
}
