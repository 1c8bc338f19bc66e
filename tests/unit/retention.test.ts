/**
 * Retention (issue 10, point 6): what the purge removes, what it leaves, the configurable audit period.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { auditCutoff, purgeExpired, RETENTION } from "~/models/retention.server";
import { makeOrganisation, makeViewer } from "../factories";

const NOW = new Date("2026-12-03T12:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("purge", () => {
  test("removes what is past its period and keeps everything else", async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "zorgverzekeraar" });
    const viewer = await makeViewer(db, { organisation: org, role: "beheerder" });
    const session = (id: string, lastSeen: string, expires: string) => ({ id_hash: id, person_id: viewer.personId, organisation_id: org.id, created_at: ago(DAY), last_seen_at: lastSeen, expires_at: expires });
    await db
      .insertInto("session")
      .values([session("live", ago(60_000), later(HOUR)), session("idle", ago(121 * 60_000), later(HOUR)), session("expired", ago(60_000), ago(1))])
      .execute();
    const token = (hash: string, expires: string, used: string | null) => ({
      token_hash: hash,
      purpose: "password-reset" as const,
      email: viewer.email,
      person_id: viewer.personId,
      organisation_id: null,
      role: null,
      created_by: null,
      created_at: ago(2 * HOUR),
      expires_at: expires,
      used_at: used,
    });
    await db
      .insertInto("token")
      .values([
        token("open", later(HOUR), null),
        token("used-just-now", later(HOUR), ago(60_000)),
        token("used-long-ago", later(HOUR), ago(2 * HOUR)),
        token("expired-just-now", ago(60_000), null),
        token("expired-long-ago", ago(2 * HOUR), null),
      ])
      .execute();
    await db
      .insertInto("outbox_message")
      .values([
        { id: "mail-new", received_at: ago(DAY), recipient: "a@example.com", subject: "x", body: "x" },
        { id: "mail-old", received_at: ago((RETENTION.outboxDays + 1) * DAY), recipient: "a@example.com", subject: "x", body: "x" },
      ])
      .execute();
    const upload = (id: string, created: string, status: "preview" | "confirmed") => ({
      id,
      organisation_id: org.id,
      kind: "practices" as const,
      status,
      file_name: "x.csv",
      source: "test",
      source_date: "2026-11-01",
      row_count: 1,
      error_count: 0,
      preview: "{}",
      created_by: viewer.personId,
      created_at: created,
      decided_at: null,
    });
    await db
      .insertInto("facts_import")
      .values([upload("preview-new", ago(DAY), "preview"), upload("preview-old", ago((RETENTION.importPreviewDays + 1) * DAY), "preview"), upload("confirmed-with-rows", ago(DAY), "confirmed")])
      .execute();
    const note = (id: string, deleted: string | null) => ({ id, organisation_id: org.id, subject_type: "practice" as const, subject_key: "p", kind: "note" as const, text: id, on_date: "2026-12-01", due_date: null, created_by: viewer.personId, created_at: ago(60 * DAY), deleted_at: deleted, deleted_by: deleted ? viewer.personId : null });
    await db
      .insertInto("conversation_note")
      .values([note("note-live", null), note("note-removed-recently", ago(DAY)), note("note-removed-long-ago", ago((RETENTION.removedNoteDays + 1) * DAY))])
      .execute();
    const event = (at: string) => ({ id: randomUUID(), at, actor_person_id: null, actor_org_id: org.id, action: "test.event", subject_type: "test", subject_id: "x", assessment_id: null, detail: null });
    await db.insertInto("audit_event").values([event("2019-12-03T11:59:59.000Z"), event("2019-12-03T12:00:00.000Z"), event("2024-01-01T00:00:00.000Z")]).execute();
    await db
      .insertInto("erasure")
      .values([
        { id: "erasure-old", kind: "person", person_id: "p-old", organisation_id: null, at: "2019-01-01T00:00:00.000Z" },
        { id: "erasure-kept", kind: "person", person_id: "p-new", organisation_id: null, at: "2025-01-01T00:00:00.000Z" },
      ])
      .execute();

    const result = await purgeExpired(db, { now: NOW, auditRetentionYears: 7, sessionIdleMinutes: 120 });
    expect(result).toEqual({ sessions: 2, tokens: 2, outbox: 1, importPreviews: 1, notes: 1, auditEvents: 1, erasures: 1, auditCutoff: "2019-12-03T12:00:00.000Z" });

    expect((await db.selectFrom("session").select("id_hash").execute()).map((r) => r.id_hash)).toEqual(["live"]);
    expect((await db.selectFrom("token").select("token_hash").orderBy("token_hash").execute()).map((r) => r.token_hash)).toEqual(["expired-just-now", "open", "used-just-now"]);
    expect((await db.selectFrom("outbox_message").select("id").execute()).map((r) => r.id)).toEqual(["mail-new"]);
    const uploads = await db.selectFrom("facts_import").select(["id", "status", "preview"]).orderBy("id").execute();
    expect(uploads).toEqual([
      { id: "confirmed-with-rows", status: "confirmed", preview: null },
      { id: "preview-new", status: "preview", preview: "{}" },
      { id: "preview-old", status: "discarded", preview: null },
    ]);
    expect((await db.selectFrom("conversation_note").select("id").orderBy("id").execute()).map((r) => r.id)).toEqual(["note-live", "note-removed-recently"]);
    expect((await db.selectFrom("erasure").select("id").execute()).map((r) => r.id)).toEqual(["erasure-kept"]);
    const events = await db.selectFrom("audit_event").select(["action", "at", "subject_id"]).where("actor_org_id", "=", org.id).orderBy("at").execute();
    // The old event gone; the one on the cut-off kept; the expired upload and the purge itself recorded.
    expect(events.map((e) => e.action)).toEqual(["test.event", "test.event", "facts.expired"]);
    const purged = await db.selectFrom("audit_event").select("detail").where("action", "=", "audit.purged").executeTakeFirstOrThrow();
    expect(JSON.parse(purged.detail!)).toEqual({ before: "2019-12-03T12:00:00.000Z", events: 1 });

    // A second purge finds nothing.
    expect(await purgeExpired(db, { now: NOW, auditRetentionYears: 7, sessionIdleMinutes: 120 })).toMatchObject({ sessions: 0, tokens: 0, outbox: 0, importPreviews: 0, notes: 0, auditEvents: 0, erasures: 0 });
  });

  test("deletes old audit events in batches until none is left", async () => {
    const db = await getDb();
    const rows = Array.from({ length: 12_345 }, (_, i) => ({ id: randomUUID(), at: `2001-01-01T00:00:${String(i % 60).padStart(2, "0")}.000Z`, actor_person_id: null, actor_org_id: null, action: "test.old", subject_type: "test", subject_id: String(i), assessment_id: null, detail: null }));
    for (let i = 0; i < rows.length; i += 500) await db.insertInto("audit_event").values(rows.slice(i, i + 500)).execute();
    const result = await purgeExpired(db, { now: NOW, auditRetentionYears: 7 });
    expect(result.auditEvents).toBe(12_345);
    expect(await db.selectFrom("audit_event").select("id").where("action", "=", "test.old").execute()).toEqual([]);
  });

  test("the cut-off is whole calendar years back", () => {
    expect(auditCutoff(new Date("2026-02-28T10:00:00.000Z"), 7)).toBe("2019-02-28T10:00:00.000Z");
    expect(auditCutoff(new Date("2026-12-03T12:00:00.000Z"), 1)).toBe("2025-12-03T12:00:00.000Z");
  });
});

describe("retention settings", () => {
  async function parse(env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const { vi } = await import("vitest");
      vi.resetModules();
      const { getEnv } = await import("~/utils/env.server");
      return getEnv();
    } finally {
      process.env = saved;
    }
  }

  test("audit events are kept 7 years unless configured; nonsense is refused at start", async () => {
    expect(await parse({})).toMatchObject({ AUDIT_RETENTION_YEARS: 7, PURGE_INTERVAL_MINUTES: 360 });
    expect(await parse({ AUDIT_RETENTION_YEARS: "10", PURGE_INTERVAL_MINUTES: "0" })).toMatchObject({ AUDIT_RETENTION_YEARS: 10, PURGE_INTERVAL_MINUTES: 0 });
    await expect(parse({ AUDIT_RETENTION_YEARS: "0" })).rejects.toThrow(/AUDIT_RETENTION_YEARS/);
    await expect(parse({ AUDIT_RETENTION_YEARS: "zeven" })).rejects.toThrow(/AUDIT_RETENTION_YEARS/);
    await expect(parse({ AUDIT_RETENTION_YEARS: "2.5" })).rejects.toThrow(/AUDIT_RETENTION_YEARS/);
    await expect(parse({ PURGE_INTERVAL_MINUTES: "-5" })).rejects.toThrow(/PURGE_INTERVAL_MINUTES/);
  });
});
