/** The five signals of LHV en NHG, Uitwerking AZWA opdracht D3, section 4.1, in the source's order. */
export const SIGNAL_IDS = ["owner-not-gp", "patients-per-fte", "no-gp-present", "unclear-organisation", "regional-cooperation"] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];

/**
 * The versions of the signal rules the code can evaluate. A version, once used, is frozen in code
 * (app/domain/signals/vN.ts): a submitted assessment keeps the results its version computed, and the
 * rules in force are named by `rulesVersion` in content/vN/parameters.yaml.
 */
export const RULES_VERSIONS = [1, 2] as const;
export type RulesVersion = (typeof RULES_VERSIONS)[number];
export const isRulesVersion = (v: unknown): v is RulesVersion => (RULES_VERSIONS as readonly unknown[]).includes(v);
