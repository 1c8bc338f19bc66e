/**
 * Who is looking: the signed-in person acting for one organisation, or the platform beheerder (a
 * person outside every organisation), from the database session. Every model query takes the
 * viewer's organisation, so authorization lives in the query. Read on every request, never cached in
 * the session: whether the organisation is verified (a withdrawal takes effect at the next request)
 * and whether the person must use a second factor, and whether this session passed one.
 *
 * A second factor is required (ASVS 5.0 V6.3.3, issue 11) for the platform beheerder, every person of
 * a zorgverzekeraar or toezichthouder, every beheerder, everyone in an organisation whose beheerder
 * requires it, and anyone who has enrolled one. In demo mode a seeded demo person without a factor may
 * skip it. A session without the second factor it needs reaches only the second-factor step (or, with
 * no factor yet, the enrolment) and ends after fifteen minutes.
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database, MemberRole, OrganisationKind, VerificationStatus } from "../../db/schema";
import { getEnv } from "../utils/env.server";
import { getSession, loginRedirect, type SessionRow } from "./session.server";
import { redirect } from "@remix-run/node";

export interface Viewer {
  personId: string;
  personName: string;
  email: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationName: string;
  role: MemberRole;
  /** The organisation's standing with the platform beheerder; only "verified" acts on others. */
  verification: VerificationStatus;
}

/** The platform beheerder: no organisation, its own pages under /beheer. */
export interface PlatformViewer {
  personId: string;
  personName: string;
  email: string;
}

/** A person in an organisation, in the Viewer shape; callers add the where clauses. */
export function selectViewer(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom("person")
    .innerJoin("membership", "membership.person_id", "person.id")
    .innerJoin("organisation", "organisation.id", "membership.organisation_id")
    .select([
      "person.id as personId",
      "person.name as personName",
      "person.email as email",
      "organisation.id as organisationId",
      "organisation.kind as organisationKind",
      "organisation.name as organisationName",
      "membership.role as role",
      "organisation.verification as verification",
    ]);
}

/** Where a signed-in session stands with its second factor: done (or not needed), to verify, or to enrol first. */
export type MfaStep = "ok" | "verify" | "enrol";

export type Auth =
  | { kind: "none" }
  | { kind: "organisation"; session: SessionRow; viewer: Viewer; mfa: MfaStep; mfaRequired: boolean }
  | { kind: "platform"; session: SessionRow; admin: PlatformViewer; mfa: MfaStep; mfaRequired: boolean };

/** How long a session may wait for the second factor it needs. */
const MFA_PENDING_MS = 15 * 60_000;

/** Whether a factor exists, in SQL beside the person (read per request). */
const hasFactor = sql<number>`(exists (select 1 from totp_factor t where t.person_id = person.id and t.confirmed_at is not null)
  or exists (select 1 from passkey k where k.person_id = person.id))`;

/** The policy, pure: who needs a second factor, and where this session stands. */
export function mfaStep(input: {
  platform: boolean;
  kind: OrganisationKind | null;
  role: MemberRole | null;
  requireMfa: boolean;
  demoPerson: boolean;
  demoMode: boolean;
  hasFactor: boolean;
  sessionMfa: boolean;
}): { step: MfaStep; required: boolean } {
  const required = input.platform || input.kind === "zorgverzekeraar" || input.kind === "toezichthouder" || input.role === "beheerder" || input.requireMfa;
  const exempt = input.demoMode && input.demoPerson && !input.hasFactor;
  const needed = input.hasFactor || (required && !exempt);
  if (!needed || input.sessionMfa) return { step: "ok", required };
  return { step: input.hasFactor ? "verify" : "enrol", required };
}

/** Everything the guards need about a request's session: who, for which organisation, and its second factor. */
export async function getAuth(request: Request): Promise<Auth> {
  const session = await getSession(request);
  if (!session) return { kind: "none" };
  const auth = await authOf(session);
  // A password without the second factor it needs is good for the second-factor step only, and not for long.
  if (auth.kind !== "none" && auth.mfa !== "ok" && Date.parse(session.createdAt) + MFA_PENDING_MS <= Date.now()) {
    const db = await getDb();
    await db.deleteFrom("session").where("id_hash", "=", session.idHash).execute();
    return { kind: "none" };
  }
  return auth;
}

/** Where a session that just passed the password stands (the sign-in's next step). */
export async function stepAfterPassword(personId: string, organisationId: string | null): Promise<MfaStep> {
  const now = new Date().toISOString();
  const auth = await authOf({ idHash: "", personId, organisationId, createdAt: now, mfaAt: null, authAt: now });
  return auth.kind === "none" ? "ok" : auth.mfa;
}

async function authOf(session: SessionRow): Promise<Auth> {
  const db = await getDb();
  const demoMode = getEnv().DEMO_MODE;
  let auth: Auth;
  if (session.organisationId === null) {
    const row = await db
      .selectFrom("person")
      .select(["id as personId", "name as personName", "email", hasFactor.as("has_factor")])
      .where("id", "=", session.personId)
      .where("platform_admin", "=", 1)
      .executeTakeFirst();
    if (!row) return { kind: "none" };
    const { step, required } = mfaStep({ platform: true, kind: null, role: null, requireMfa: true, demoPerson: false, demoMode, hasFactor: Boolean(row.has_factor), sessionMfa: session.mfaAt !== null });
    auth = { kind: "platform", session, admin: { personId: row.personId, personName: row.personName, email: row.email }, mfa: step, mfaRequired: required };
  } else {
    const row = await selectViewer(db)
      .select(["organisation.require_mfa", "person.demo", hasFactor.as("has_factor")])
      .where("person.id", "=", session.personId)
      .where("organisation.id", "=", session.organisationId)
      .where("person.platform_admin", "=", 0)
      .executeTakeFirst();
    // A session whose membership is gone is no session.
    if (!row) return { kind: "none" };
    const { require_mfa, demo, has_factor, ...viewer } = row;
    const { step, required } = mfaStep({
      platform: false,
      kind: viewer.organisationKind,
      role: viewer.role,
      requireMfa: require_mfa === 1,
      demoPerson: demo === 1,
      demoMode,
      hasFactor: Boolean(has_factor),
      sessionMfa: session.mfaAt !== null,
    });
    auth = { kind: "organisation", session, viewer, mfa: step, mfaRequired: required };
  }
  return auth;
}

/** Where a session that still needs its second factor goes next, coming back to `returnTo`. */
export function mfaRedirect(step: Exclude<MfaStep, "ok">, returnTo: string) {
  return redirect(`${step === "verify" ? "/login/verify" : "/security/setup"}?redirectTo=${encodeURIComponent(returnTo)}`);
}

const here = (request: Request) => {
  const url = new URL(request.url);
  return url.pathname + url.search;
};

export async function getViewer(request: Request): Promise<Viewer | null> {
  const auth = await getAuth(request);
  return auth.kind === "organisation" && auth.mfa === "ok" ? auth.viewer : null;
}

/** The platform beheerder of this request's session (with its second factor passed), or null. */
export async function getPlatformViewer(request: Request): Promise<PlatformViewer | null> {
  const auth = await getAuth(request);
  return auth.kind === "platform" && auth.mfa === "ok" ? auth.admin : null;
}

/**
 * The signed-in viewer, or: the second-factor step (or enrolment) when the session still needs it, a
 * 404 for the platform beheerder (an organisation's page is not its), the sign-in page for anyone else.
 */
export async function requireViewer(request: Request): Promise<Viewer> {
  const auth = await getAuth(request);
  if (auth.kind === "organisation" && auth.mfa === "ok") return auth.viewer;
  if (auth.kind !== "none" && auth.mfa !== "ok") throw mfaRedirect(auth.mfa, here(request));
  if (auth.kind === "platform") throw new Response("Not found", { status: 404 });
  throw loginRedirect(request);
}

/** The platform beheerder, or: its second-factor step, a 404 for anyone of an organisation, the sign-in page for anyone else. */
export async function requirePlatformViewer(request: Request): Promise<PlatformViewer> {
  const auth = await getAuth(request);
  if (auth.kind === "platform" && auth.mfa === "ok") return auth.admin;
  if (auth.kind !== "none" && auth.mfa !== "ok") throw mfaRedirect(auth.mfa, here(request));
  if (auth.kind === "organisation") throw new Response("Not found", { status: 404 });
  throw loginRedirect(request);
}

/** Pages of national data (the matrix) are read by everyone signed in: an organisation's person or the platform beheerder. */
export async function requireReader(request: Request): Promise<{ viewer: Viewer; admin: null } | { viewer: null; admin: PlatformViewer }> {
  const auth = await getAuth(request);
  if (auth.kind !== "none" && auth.mfa !== "ok") throw mfaRedirect(auth.mfa, here(request));
  if (auth.kind === "organisation") return { viewer: auth.viewer, admin: null };
  if (auth.kind === "platform") return { viewer: null, admin: auth.admin };
  throw loginRedirect(request);
}

/** Any signed-in session, whatever its second factor: for the second-factor step, the enrolment and account pages. */
export async function requireSignedIn(request: Request): Promise<Exclude<Auth, { kind: "none" }>> {
  const auth = await getAuth(request);
  if (auth.kind === "none") throw loginRedirect(request);
  return auth;
}

/** The person behind a signed-in session, in the shape the account pages need. */
export function personOf(auth: Exclude<Auth, { kind: "none" }>) {
  return auth.kind === "organisation"
    ? { id: auth.viewer.personId, name: auth.viewer.personName, email: auth.viewer.email, organisationId: auth.viewer.organisationId as string | null }
    : { id: auth.admin.personId, name: auth.admin.personName, email: auth.admin.email, organisationId: null as string | null };
}

export const canEdit = (viewer: Viewer) => viewer.role === "beheerder" || viewer.role === "invuller";

/** Only a verified organisation acts on others: shares, requests, looks practices up, imports, reads members. */
export const isVerified = (viewer: Pick<Viewer, "verification">) => viewer.verification === "verified";

/** For actions a role may not take on something it may see: 403 (the thing's existence is no secret to them). */
export function requireRole(viewer: Viewer, roles: readonly Viewer["role"][]) {
  if (!roles.includes(viewer.role)) throw new Response("Forbidden", { status: 403 });
}

/** For actions on others that an unverified organisation may not take yet: 403. */
export function requireVerified(viewer: Viewer) {
  if (!isVerified(viewer)) throw new Response("Forbidden", { status: 403 });
}
