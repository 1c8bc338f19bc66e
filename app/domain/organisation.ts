/**
 * The words the layers share about organisations and people: kinds, roles and the platform's
 * verification. The database schema (db/schema.ts) stores these; routes, components and the domain
 * take them from here.
 */
export type OrganisationKind = "praktijk" | "keten" | "zorgverzekeraar" | "toezichthouder" | "huisarts";
export type MemberRole = "beheerder" | "invuller" | "lezer";
/** Where an organisation stands with the platform beheerder (issue 11). */
export type VerificationStatus = "pending" | "verified" | "refused" | "withdrawn";
export type VerificationDecision = "requested" | "verified" | "refused" | "withdrawn";
