/**
 * Who is looking: the signed-in person acting for one organisation, or the platform beheerder (a
 * person outside every organisation), from the database session. Every model query takes the
 * viewer's organisation, so authorization lives in the query. Whether the organisation is verified is
 * read with the viewer on every request, so a withdrawal takes effect at the next request.
 */
import { getDb } from "../../db/index.server";
import type { Kysely, Transaction } from "kysely";
import type { Database, MemberRole, OrganisationKind, VerificationStatus } from "../../db/schema";
import { getSession, loginRedirect } from "./session.server";

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

export async function getViewer(request: Request): Promise<Viewer | null> {
  const session = await getSession(request);
  if (!session || session.organisationId === null) return null;
  const db = await getDb();
  const row = await selectViewer(db)
    .where("person.id", "=", session.personId)
    .where("organisation.id", "=", session.organisationId)
    .where("person.platform_admin", "=", 0)
    .executeTakeFirst();
  // A session whose membership is gone is no session.
  return row ?? null;
}

/** The platform beheerder of this request's session, or null. */
export async function getPlatformViewer(request: Request): Promise<PlatformViewer | null> {
  const session = await getSession(request);
  if (!session || session.organisationId !== null) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("person")
    .select(["id as personId", "name as personName", "email"])
    .where("id", "=", session.personId)
    .where("platform_admin", "=", 1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The signed-in viewer, or a redirect to the sign-in page that comes back here. The platform
 * beheerder has no organisation: an organisation's page is not found for it.
 */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (viewer) return viewer;
  if (await getPlatformViewer(request)) throw new Response("Not found", { status: 404 });
  throw loginRedirect(request);
}

/** The platform beheerder, or: a 404 for anyone signed in for an organisation, the sign-in page for anyone else. */
export async function requirePlatformViewer(request: Request): Promise<PlatformViewer> {
  const admin = await getPlatformViewer(request);
  if (admin) return admin;
  if (await getViewer(request)) throw new Response("Not found", { status: 404 });
  throw loginRedirect(request);
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

/** Pages of national data (the matrix) are read by everyone signed in: an organisation's person or the platform beheerder. */
export async function requireReader(request: Request): Promise<{ viewer: Viewer; admin: null } | { viewer: null; admin: PlatformViewer }> {
  const viewer = await getViewer(request);
  if (viewer) return { viewer, admin: null };
  const admin = await getPlatformViewer(request);
  if (admin) return { viewer: null, admin };
  throw loginRedirect(request);
}
