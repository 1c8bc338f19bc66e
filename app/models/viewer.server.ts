/**
 * Who is looking: the signed-in person acting for one organisation, from the database session.
 * Every model query takes the viewer's organisation, so authorization lives in the query.
 */
import { getDb } from "../../db/index.server";
import type { Kysely, Transaction } from "kysely";
import type { Database, MemberRole, OrganisationKind } from "../../db/schema";
import { getSession, loginRedirect } from "./session.server";

export interface Viewer {
  personId: string;
  personName: string;
  email: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationName: string;
  role: MemberRole;
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
    ]);
}

export async function getViewer(request: Request): Promise<Viewer | null> {
  const session = await getSession(request);
  if (!session) return null;
  const db = await getDb();
  const row = await selectViewer(db).where("person.id", "=", session.personId).where("organisation.id", "=", session.organisationId).executeTakeFirst();
  // A session whose membership is gone is no session.
  return row ?? null;
}

/** The signed-in viewer, or a redirect to the sign-in page that comes back here. */
export async function requireViewer(request: Request): Promise<Viewer> {
  const viewer = await getViewer(request);
  if (!viewer) throw loginRedirect(request);
  return viewer;
}

export const canEdit = (viewer: Viewer) => viewer.role === "beheerder" || viewer.role === "invuller";

/** For actions a role may not take on something it may see: 403 (the thing's existence is no secret to them). */
export function requireRole(viewer: Viewer, roles: readonly Viewer["role"][]) {
  if (!roles.includes(viewer.role)) throw new Response("Forbidden", { status: 403 });
}
