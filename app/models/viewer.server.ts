/**
 * Who is looking. Until accounts arrive (issue 4) the app runs in demo mode as the demo practice's
 * invuller; every model query already takes the viewer's organisation, so authorization stays in the
 * query when real sessions replace this.
 */
import { getDb } from "../../db/index.server";
import type { MemberRole, OrganisationKind } from "../../db/schema";

export interface Viewer {
  personId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationName: string;
  role: MemberRole;
}

export const DEMO_VIEWER_EMAIL = "invuller@praktijk-de-linde.example.com";

export async function requireViewer(_request: Request): Promise<Viewer> {
  const db = await getDb();
  const row = await db
    .selectFrom("person")
    .innerJoin("membership", "membership.person_id", "person.id")
    .innerJoin("organisation", "organisation.id", "membership.organisation_id")
    .select([
      "person.id as personId",
      "organisation.id as organisationId",
      "organisation.kind as organisationKind",
      "organisation.name as organisationName",
      "membership.role as role",
    ])
    .where("person.email", "=", DEMO_VIEWER_EMAIL)
    .executeTakeFirst();
  if (!row) throw new Response("No demo organisation in this database", { status: 503 });
  return row;
}
