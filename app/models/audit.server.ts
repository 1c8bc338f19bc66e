import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import type { Viewer } from "./viewer.server";

/** Who acted: a person for an organisation (a Viewer), the platform beheerder (no organisation), or nobody (the system). */
export type AuditActor = Pick<Viewer, "personId"> & { organisationId: string | null };

export interface AuditInput {
  viewer: AuditActor | null;
  action: string;
  subjectType: string;
  subjectId: string;
  assessmentId?: string | null;
  detail?: unknown;
  at?: string;
}

export async function recordEvent(db: Kysely<Database> | Transaction<Database>, input: AuditInput) {
  await db
    .insertInto("audit_event")
    .values({
      id: randomUUID(),
      at: input.at ?? new Date().toISOString(),
      actor_person_id: input.viewer?.personId ?? null,
      actor_org_id: input.viewer?.organisationId ?? null,
      action: input.action,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      assessment_id: input.assessmentId ?? null,
      detail: input.detail === undefined ? null : JSON.stringify(input.detail),
    })
    .execute();
}

/** An event outside a transaction of its own (an export, a second factor passed). */
export async function logEvent(input: AuditInput) {
  await recordEvent(await getDb(), input);
}

/**
 * The latest 200 events of an assessment, each with the names of who acted (an erased person's events
 * keep a pseudonym and no name). The caller has checked that the viewer may read the trail.
 */
export async function listAuditForAssessment(assessmentId: string) {
  const db = await getDb();
  const events = await db.selectFrom("audit_event").selectAll().where("assessment_id", "=", assessmentId).orderBy("at", "desc").limit(200).execute();
  const ids = (values: Array<string | null>) => [...new Set(values.map((v) => v ?? ""))];
  const people = new Map((await db.selectFrom("person").select(["id", "name"]).where("id", "in", ids(events.map((e) => e.actor_person_id))).execute()).map((p) => [p.id, p.name]));
  const orgs = new Map((await db.selectFrom("organisation").select(["id", "name"]).where("id", "in", ids(events.map((e) => e.actor_org_id))).execute()).map((o) => [o.id, o.name]));
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    subject: e.subject_type === "answer" || e.subject_type === "signal_context" ? e.subject_id : "",
    person: people.get(e.actor_person_id ?? "") ?? "",
    erased: e.actor_person_id?.startsWith("erased:") ?? false,
    organisation: orgs.get(e.actor_org_id ?? "") ?? "",
  }));
}
