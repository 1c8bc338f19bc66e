/** The five signals of LHV en NHG, Uitwerking AZWA opdracht D3, section 4.1, in the source's order. */
export const SIGNAL_IDS = ["owner-not-gp", "patients-per-fte", "no-gp-present", "unclear-organisation", "regional-cooperation"] as const;
export type SignalId = (typeof SIGNAL_IDS)[number];
