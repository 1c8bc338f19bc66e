/**
 * Retention: what is kept how long, and the purge that enforces it. Runs in the server process on an
 * interval (PURGE_INTERVAL_MINUTES, unref'd so it never keeps a process alive) and by `npm run db:purge`.
 * Each purge is a few bounded statements; audit events go in batches so a first purge of years of
 * events does not hold the database for long.
 *
 * The periods are written down in README "Voor beheerders / For operators" and docs/decisions.md; the
 * organisation page shows them to beheerders (RETENTION below).
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import { getEnv } from "../utils/env.server";
import { recordEvent } from "./audit.server";

/** The fixed periods; the audit trail's is configurable (AUDIT_RETENTION_YEARS). */
export const RETENTION = {
  /** A used or expired reset/invitation link is kept this long: the reset limit per hour counts them. */
  tokenHours: 1,
  /** Demo mail in /outbox. */
  outboxDays: 7,
  /** An upload left in preview (never confirmed or discarded) is discarded, its parsed rows dropped. */
  importPreviewDays: 7,
  /** A removed conversation note: its row (and text) is deleted; the audit event keeps its id. */
  removedNoteDays: 30,
} as const;

const AUDIT_BATCH = 5000;

export interface PurgeResult {
  sessions: number;
  tokens: number;
  outbox: number;
  importPreviews: number;
  notes: number;
  auditEvents: number;
  /** Erasure ledger entries as old as the oldest audit events kept (no backup that old is restored). */
  erasures: number;
  /** Audit events from before this moment are gone. */
  auditCutoff: string;
}

const days = (n: number) => n * 86_400_000;

/** The moment before which audit events are purged: whole calendar years back from now. */
export function auditCutoff(now: Date, years: number) {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff.toISOString();
}

/** Deletes and discards what is past its period. Safe to run at any time, also beside a running server. */
export async function purgeExpired(
  db: Kysely<Database>,
  options: { now?: Date; auditRetentionYears?: number; sessionIdleMinutes?: number } = {},
): Promise<PurgeResult> {
  const env = getEnv();
  const now = options.now ?? new Date();
  const iso = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const nowIso = now.toISOString();
  const idle = (options.sessionIdleMinutes ?? env.SESSION_IDLE_MINUTES) * 60_000;

  const sessions = await db
    .deleteFrom("session")
    .where((eb) => eb.or([eb("expires_at", "<=", nowIso), eb("last_seen_at", "<=", iso(idle))]))
    .executeTakeFirst();

  const tokenLimit = iso(RETENTION.tokenHours * 3_600_000);
  const tokens = await db
    .deleteFrom("token")
    .where((eb) => eb.or([eb("used_at", "<=", tokenLimit), eb("expires_at", "<=", tokenLimit)]))
    .executeTakeFirst();

  const outbox = await db.deleteFrom("outbox_message").where("received_at", "<=", iso(days(RETENTION.outboxDays))).executeTakeFirst();

  // An upload nobody decided on: discarded like the importer's own "discard" would, and audited as such.
  const stale = await db
    .selectFrom("facts_import")
    .select(["id", "kind", "organisation_id"])
    .where("status", "=", "preview")
    // One being confirmed is finishing (resumed at start-up), not stale.
    .where((eb) => eb.or([eb("stage", "is", null), eb("stage", "=", "reading")]))
    .where("created_at", "<=", iso(days(RETENTION.importPreviewDays)))
    .execute();
  for (const item of stale) {
    await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable("facts_import")
        .set({ status: "discarded", preview: null, decided_at: nowIso })
        .where("id", "=", item.id)
        .where("status", "=", "preview")
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return;
      await trx.deleteFrom("import_row").where("import_id", "=", item.id).execute();
      await trx
        .insertInto("audit_event")
        .values({
          id: randomUUID(),
          at: nowIso,
          actor_person_id: null,
          actor_org_id: item.organisation_id,
          action: item.kind === "regions" ? "regions.expired" : "facts.expired",
          subject_type: item.kind === "regions" ? "region-import" : "facts_import",
          subject_id: item.id,
          assessment_id: null,
          detail: JSON.stringify({ afterDays: RETENTION.importPreviewDays }),
        })
        .execute();
    });
  }
  // A decided import never needs its parsed rows (confirm and discard empty them; this is the safety net).
  await db.updateTable("facts_import").set({ preview: null }).where("status", "!=", "preview").where("preview", "is not", null).execute();
  await db
    .deleteFrom("import_row")
    .where("import_id", "in", (eb) => eb.selectFrom("facts_import").select("id").where("status", "!=", "preview"))
    .execute();

  const notes = await db
    .deleteFrom("conversation_note")
    .where("deleted_at", "is not", null)
    .where("deleted_at", "<=", iso(days(RETENTION.removedNoteDays)))
    .executeTakeFirst();

  const cutoff = auditCutoff(now, options.auditRetentionYears ?? env.AUDIT_RETENTION_YEARS);
  let auditEvents = 0;
  for (;;) {
    const batch = await db
      .deleteFrom("audit_event")
      .where("id", "in", (eb) => eb.selectFrom("audit_event").select("id").where("at", "<", cutoff).limit(AUDIT_BATCH))
      .executeTakeFirst();
    const n = Number(batch.numDeletedRows);
    auditEvents += n;
    if (n < AUDIT_BATCH) break;
    // Let waiting requests through between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const erasures = await db.deleteFrom("erasure").where("at", "<", cutoff).executeTakeFirst();

  // The trail says where its own old events went (and when), so a gap in it is explained.
  if (auditEvents > 0) {
    await recordEvent(db, { viewer: null, at: nowIso, action: "audit.purged", subjectType: "audit_event", subjectId: "retention", detail: { before: cutoff, events: auditEvents } });
  }

  return {
    sessions: Number(sessions.numDeletedRows),
    tokens: Number(tokens.numDeletedRows),
    outbox: Number(outbox.numDeletedRows),
    importPreviews: stale.length,
    notes: Number(notes.numDeletedRows),
    auditEvents,
    erasures: Number(erasures.numDeletedRows),
    auditCutoff: cutoff,
  };
}

export function describePurge(r: PurgeResult) {
  return (
    `${r.sessions} sessions, ${r.tokens} tokens, ${r.outbox} demo mails, ${r.importPreviews} import previews, ` +
    `${r.notes} removed notes, ${r.auditEvents} audit events and ${r.erasures} erasure records (before ${r.auditCutoff.slice(0, 10)})`
  );
}

const purged = (r: PurgeResult) => r.sessions + r.tokens + r.outbox + r.importPreviews + r.notes + r.auditEvents + r.erasures;

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

/** One purge now, logged when it removed anything; never two at once, never a crash of the server. */
export async function purgeOnce() {
  if (running) return null;
  running = true;
  try {
    const result = await purgeExpired(await getDb());
    if (purged(result) > 0) console.log(`purge: ${describePurge(result)}`);
    return result;
  } catch (error) {
    console.error("purge failed:", error instanceof Error ? error.message : "unknown error");
    return null;
  } finally {
    running = false;
  }
}

/**
 * In the server process: a purge at start, then every PURGE_INTERVAL_MINUTES. The timer is unref'd, so
 * it never keeps a process alive that would otherwise exit. 0 minutes: no schedule (`npm run db:purge`).
 */
export async function startPurgeSchedule() {
  const minutes = getEnv().PURGE_INTERVAL_MINUTES;
  if (minutes === 0 || timer) return;
  await purgeOnce();
  timer = setInterval(() => void purgeOnce(), minutes * 60_000);
  timer.unref();
}
