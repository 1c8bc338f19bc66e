/**
 * Verification of organisations by the platform beheerder (pure): the statuses, the decisions each
 * status allows, and what a decision records as checked. Shared by the platform's model and its pages.
 */
import type { VerificationStatus } from "./organisation";

export const VERIFICATION_STATUSES = ["pending", "verified", "refused", "withdrawn"] as const satisfies readonly VerificationStatus[];

export type Decision = "verified" | "refused" | "withdrawn";

/** Which decisions an organisation's status allows. */
export const DECISIONS_FROM: Record<VerificationStatus, readonly Decision[]> = {
  pending: ["verified", "refused"],
  refused: ["verified"],
  withdrawn: ["verified", "refused"],
  verified: ["withdrawn"],
};

/** What the platform beheerder checked: the identifiers in their registers, or another source. */
export const CHECKS = ["kvk", "agb", "uzovi", "other"] as const;
export type Check = (typeof CHECKS)[number];
