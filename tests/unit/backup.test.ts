/**
 * Backup and restore (issue 10, point 5): a backup taken while another process keeps writing is a
 * consistent, checked copy; a restore is refused while the database is open, refuses files that are not
 * intact Kernwaardenscan databases of this code or older, keeps the previous database aside, and the
 * restored database is exactly the backup.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { backupDatabase, inspectDatabase, MaintenanceError, readErasureLedger, restoreDatabase } from "../../db/backup";
import { migrateToLatest, openDatabase } from "../../db/index.server";
import { migrations } from "../../db/migrations";

const dir = mkdtempSync(path.join(tmpdir(), "kws-backup-"));
const live = path.join(dir, "live.db");
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

/** Another process writing numbered audit events as fast as it can, each in its own transaction, until killed. */
function startWriter(file: string, from: number): ChildProcess {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(file)});
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare("insert into audit_event (id, at, action, subject_type, subject_id) values (?, ?, 'test.write', 'test', ?)");
    let n = ${from};
    process.stdout.write("ready\\n");
    (function loop() {
      for (let i = 0; i < 20; i++) { n++; insert.run("w-" + String(n).padStart(9, "0"), new Date().toISOString(), String(n)); }
      setImmediate(loop);
    })();`;
  return spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
}

async function ready(child: ChildProcess) {
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`writer exited ${code}`)));
  });
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/** The numbers written so far, read beside the writer. */
function written(file: string): number[] {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare("select cast(subject_id as integer) as n from audit_event where action = 'test.write' order by n").all() as Array<{ n: number }>).map((r) => r.n);
  } finally {
    db.close();
  }
}

const isPrefix = (ns: number[]) => ns.every((n, i) => n === i + 1);

beforeAll(async () => {
  // A migrated database with some bulk, so the copy takes a moment while the writer goes on.
  const db = openDatabase(live);
  await migrateToLatest(db);
  await db.insertInto("organisation").values({ id: "org-1", kind: "praktijk", name: "Praktijk Back-up", created_at: new Date().toISOString() }).execute();
  const filler = "x".repeat(400);
  for (let i = 0; i < 40; i++) {
    await db
      .insertInto("outbox_message")
      .values(Array.from({ length: 250 }, (_, j) => ({ id: `m-${i}-${j}`, received_at: new Date().toISOString(), recipient: "a@example.com", subject: "vulling", body: filler })))
      .execute();
  }
  await db.destroy();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("backup and restore", () => {
  test("a backup under concurrent writes is a consistent copy, refused over an existing file, restored only once the writer is gone", async () => {
    const writer = startWriter(live, 0);
    try {
      await ready(writer);
      await new Promise((r) => setTimeout(r, 150));
      const before = written(live).length;
      const target = path.join(dir, "backups", "kws-1.db");
      const report = await backupDatabase(live, target);
      const after = written(live).length;
      expect(before).toBeGreaterThan(0);
      // The writer went on during the copy, and the copy is one moment of it: numbers 1..k, nothing missing.
      expect(after).toBeGreaterThan(before);
      const copied = written(target);
      expect(isPrefix(copied)).toBe(true);
      expect(copied.length).toBeGreaterThanOrEqual(before);
      expect(copied.length).toBeLessThanOrEqual(after);
      expect(report.applied).toEqual(Object.keys(migrations));
      expect(report.pending).toEqual([]);
      expect(report.counts.organisations).toBe(1);
      // One self-contained file, checked, nothing half-written left beside it.
      expect(readdirSync(path.dirname(target))).toEqual(["kws-1.db"]);
      const check = new SQLite(target, { readonly: true });
      expect(check.pragma("journal_mode", { simple: true })).toBe("delete");
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
      check.close();

      // An existing target is refused, and stays as it was; --force replaces it.
      const size = readFileSync(target).length;
      await expect(backupDatabase(live, target)).rejects.toMatchObject({ code: "target-exists" });
      expect(readFileSync(target).length).toBe(size);
      await backupDatabase(live, target, { force: true });
      expect(written(target).length).toBeGreaterThanOrEqual(after);

      // While the writer has the database open, a restore is refused and touches nothing.
      expect(() => restoreDatabase(target, live)).toThrow(expect.objectContaining({ code: "in-use" }));
      expect(readdirSync(dir).filter((f) => f.includes("before-restore"))).toEqual([]);
    } finally {
      await stop(writer);
    }

    // Stopped: restored; the previous database (with everything written after the backup) kept aside.
    const target = path.join(dir, "backups", "kws-1.db");
    const inBackup = written(target);
    const inLive = written(live);
    expect(inLive.length).toBeGreaterThan(inBackup.length);
    const restored = restoreDatabase(target, live, new Date("2026-12-03T10:00:00.000Z"));
    expect(restored.keptAside).toBe(`${live}.before-restore-20261203T100000Z`);
    expect(written(live)).toEqual(inBackup);
    expect(written(restored.keptAside!)).toEqual(inLive);
    expect(existsSync(`${live}-wal`)).toBe(false);
    // The restored database opens and migrates like any other.
    const db = openDatabase(live);
    expect(await migrateToLatest(db)).toEqual([]);
    expect(await db.selectFrom("organisation").select("name").execute()).toEqual([{ name: "Praktijk Back-up" }]);
    await db.destroy();
  });

  test("a restore refuses what is not an intact Kernwaardenscan database of this code", async () => {
    const refuse = (file: string, code: MaintenanceError["code"]) => {
      const before = readFileSync(live);
      expect(() => restoreDatabase(file, live)).toThrow(expect.objectContaining({ code }));
      expect(readFileSync(live).equals(before)).toBe(true);
    };
    refuse(path.join(dir, "missing.db"), "no-database");

    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "geen database");
    refuse(text, "not-sqlite");

    const other = path.join(dir, "other.db");
    const o = new SQLite(other);
    o.exec("create table things (id text)");
    o.close();
    refuse(other, "not-kernwaardenscan");
    // A database from before the erasure ledger has none to repeat; one with it gives its entries, oldest first.
    expect(readErasureLedger(other)).toEqual([]);
    const withLedger = path.join(dir, "ledger.db");
    copyFileSync(path.join(dir, "backups", "kws-1.db"), withLedger);
    const l = new SQLite(withLedger);
    l.prepare("insert into erasure (id, kind, person_id, organisation_id, at) values (?, ?, ?, ?, ?)").run("e2", "organisation", null, "org-1", "2026-12-02T00:00:00.000Z");
    l.prepare("insert into erasure (id, kind, person_id, organisation_id, at) values (?, ?, ?, ?, ?)").run("e1", "person", "p-1", null, "2026-12-01T00:00:00.000Z");
    l.close();
    expect(readErasureLedger(withLedger).map((e) => e.id)).toEqual(["e1", "e2"]);

    const newer = path.join(dir, "newer.db");
    copyFileSync(path.join(dir, "backups", "kws-1.db"), newer);
    const n = new SQLite(newer);
    n.prepare("insert into kysely_migration (name, timestamp) values (?, ?)").run("2099-01-01-99-from-the-future", new Date().toISOString());
    n.close();
    refuse(newer, "newer");

    // Pages in the middle of the file overwritten (as a bad disk or a half copy would): the integrity check finds it.
    const damaged = path.join(dir, "damaged.db");
    const bytes = readFileSync(path.join(dir, "backups", "kws-1.db"));
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xab, pageSize * 4, pageSize * 8);
    writeFileSync(damaged, bytes);
    refuse(damaged, "corrupt");

    // An older backup (a migration this code has that the file has not) is accepted: the server migrates it.
    const older = path.join(dir, "older.db");
    copyFileSync(path.join(dir, "backups", "kws-1.db"), older);
    const last = Object.keys(migrations).at(-1)!;
    const d = new SQLite(older);
    d.prepare("delete from kysely_migration where name = ?").run(last);
    d.close();
    expect(inspectDatabase(older).pending).toEqual([last]);

    // A plain copy of a live (WAL-mode) file, onto a machine with no database yet: restored as one
    // file, and the file given is only read (no WAL or shared-memory file appears beside it).
    const raw = path.join(dir, "raw", "copied-live.db");
    const wal = new SQLite(older);
    wal.pragma("journal_mode = WAL");
    wal.close();
    rmSync(path.dirname(raw), { recursive: true, force: true });
    mkdirSync(path.dirname(raw));
    copyFileSync(older, raw);
    const fresh = path.join(dir, "fresh", "k.db");
    expect(restoreDatabase(raw, fresh)).toMatchObject({ keptAside: null, pending: [last] });
    expect(readdirSync(path.dirname(raw))).toEqual(["copied-live.db"]);
    expect(readdirSync(path.dirname(fresh))).toEqual(["k.db"]);
  });
});
