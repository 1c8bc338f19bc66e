/**
 * Context en borging per signal (section 3.4 of the source): the practice's account of how it
 * safeguards the kernwaarden. Saved with the assessment, revision-guarded like answers; it never
 * changes a signal's status.
 */
import { getDb } from "../../db/index.server";
import type { Assessment } from "../../db/schema";
import type { SignalId } from "../domain/content/schema";
import { recordEvent } from "./audit.server";
import { FrozenAssessmentError } from "./assessment.server";
import type { Viewer } from "./viewer.server";

export interface StoredContext {
  text: string;
  revision: number;
  updatedAt: string;
}

export async function getSignalContexts(assessmentId: string): Promise<Map<string, StoredContext>> {
  const db = await getDb();
  const rows = await db
    .selectFrom("signal_context")
    .select(["signal_id", "text", "revision", "updated_at"])
    .where("assessment_id", "=", assessmentId)
    .execute();
  return new Map(rows.map((r) => [r.signal_id, { text: r.text, revision: r.revision, updatedAt: r.updated_at }]));
}

export type SaveContextResult = { ok: true; revision: number } | { ok: false; conflict: { theirs: string; revision: number } };

export async function saveSignalContext({
  assessment,
  viewer,
  signalId,
  text,
  seenRevision,
}: {
  assessment: Pick<Assessment, "id" | "status">;
  viewer: Viewer;
  signalId: SignalId;
  text: string;
  seenRevision: number;
}): Promise<SaveContextResult> {
  const db = await getDb();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("assessment").select("status").where("id", "=", assessment.id).executeTakeFirst();
    if (row?.status !== "concept") throw new FrozenAssessmentError("a submitted assessment cannot change");
    const current = await trx
      .selectFrom("signal_context")
      .select(["text", "revision"])
      .where("assessment_id", "=", assessment.id)
      .where("signal_id", "=", signalId)
      .executeTakeFirst();
    const storedRevision = current?.revision ?? 0;
    if ((current?.text ?? "") === text) return { ok: true, revision: storedRevision };
    if (storedRevision !== seenRevision) return { ok: false, conflict: { theirs: current?.text ?? "", revision: storedRevision } };
    const revision = storedRevision + 1;
    await trx
      .insertInto("signal_context")
      .values({ assessment_id: assessment.id, signal_id: signalId, text, revision, updated_at: now, updated_by: viewer.personId })
      .onConflict((oc) => oc.columns(["assessment_id", "signal_id"]).doUpdateSet({ text, revision, updated_at: now, updated_by: viewer.personId }))
      .execute();
    await trx.updateTable("assessment").set({ updated_at: now }).where("id", "=", assessment.id).execute();
    await recordEvent(trx, {
      viewer,
      at: now,
      action: "signal-context.changed",
      subjectType: "signal_context",
      subjectId: signalId,
      assessmentId: assessment.id,
      detail: { revision, from: current?.text ?? null, to: text },
    });
    return { ok: true, revision };
  });
}
