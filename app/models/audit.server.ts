import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
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

export async function listAuditForAssessment(db: Kysely<Database>, assessmentId: string) {
  return db
    .selectFrom("audit_event")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .orderBy("at", "desc")
    .limit(200)
    .execute();
}
