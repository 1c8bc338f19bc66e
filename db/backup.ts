/**
 * Backup and restore of the SQLite database (`npm run db:backup -- FILE`, `npm run db:restore -- FILE`).
 *
 * Backup runs beside a running server: SQLite's online backup API (better-sqlite3's `db.backup()`)
 * copies every page in one step, which in WAL mode is one read transaction: a consistent copy while
 * writers go on. The copy is written beside the target, checked (`PRAGMA integrity_check`, a
 * Kernwaardenscan database) and only then renamed into place, so a failed run never leaves a half file
 * under the target's name. A target that exists is refused unless `force`.
 *
 * Restore runs with the server stopped. "Stopped" is checked, not assumed: switching the live database
 * out of WAL mode needs every other connection gone (an idle server keeps its connection open), so
 * SQLITE_BUSY means someone has it open and the restore is refused. That connection then holds an
 * exclusive lock while the files are swapped. The file to restore is checked first (integrity, the
 * migrations table, no migration newer than this code); the previous database is kept aside as
 * `<DATABASE_PATH>.before-restore-<time>`; the new one is copied beside the target and renamed over it.
 * Older backups are fine: the server migrates them at start.
 *
 * Dialect-specific by nature (SQLite files); a PostgreSQL deployment uses pg_dump instead.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { migrations } from "./migrations";

export class MaintenanceError extends Error {
  constructor(
    readonly code: "no-database" | "target-exists" | "not-sqlite" | "corrupt" | "not-kernwaardenscan" | "newer" | "in-use",
    message: string,
  ) {
    super(message);
  }
}

export interface DatabaseInfo {
  /** Applied migrations, in order. */
  applied: string[];
  /** Migrations of this code the file has not had yet (the server applies them at start). */
  pending: string[];
  counts: { organisations: number; people: number; assessments: number; auditEvents: number };
  bytes: number;
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");
const CORE_TABLES = ["organisation", "person", "membership", "assessment", "answer", "audit_event"];

function hasSqliteHeader(file: string) {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that a file is an intact Kernwaardenscan database this code can run: an SQLite file, integrity
 * "ok", the migrations table with the first migration, the core tables, and no migration unknown here.
 */
export function inspectDatabase(file: string, name = file): DatabaseInfo {
  if (!existsSync(file) || !statSync(file).isFile()) throw new MaintenanceError("no-database", `${name}: no such file`);
  if (!hasSqliteHeader(file)) throw new MaintenanceError("not-sqlite", `${name} is not an SQLite database`);
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new MaintenanceError("corrupt", `${name} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (error) {
      throw new MaintenanceError("corrupt", `${name} failed the integrity check: ${(error as Error).message}`);
    }
    if (integrity.length !== 1 || integrity[0] !== "ok") {
      throw new MaintenanceError("corrupt", `${name} failed the integrity check: ${integrity.slice(0, 5).join("; ")}`);
    }
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
    if (!tables.has("kysely_migration")) throw new MaintenanceError("not-kernwaardenscan", `${name} has no migrations table: not a Kernwaardenscan database`);
    const applied = (db.prepare("select name from kysely_migration order by name").all() as Array<{ name: string }>).map((r) => r.name);
    const known = Object.keys(migrations);
    if (!applied.includes(known[0]!) || CORE_TABLES.some((t) => !tables.has(t))) {
      throw new MaintenanceError("not-kernwaardenscan", `${name} lacks Kernwaardenscan's tables: not a Kernwaardenscan database`);
    }
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new MaintenanceError("newer", `${name} was made by a newer version of Kernwaardenscan (migrations unknown here: ${unknown.join(", ")}); restore it with that version`);
    }
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      applied,
      pending: known.filter((name) => !applied.includes(name)),
      counts: { organisations: count("organisation"), people: count("person"), assessments: count("assessment"), auditEvents: count("audit_event") },
      bytes: statSync(file).size,
    };
  } finally {
    db.close();
  }
}

function fsyncFile(file: string) {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const partial = (target: string, what: string) => path.join(path.dirname(target), `.${path.basename(target)}.${what}-${process.pid}`);

export interface BackupReport extends DatabaseInfo {
  target: string;
  milliseconds: number;
}

/** A consistent, checked copy of `source` at `target`, taken while the server may be running. */
export async function backupDatabase(source: string, target: string, options: { force?: boolean } = {}): Promise<BackupReport> {
  const started = Date.now();
  if (!existsSync(source)) throw new MaintenanceError("no-database", `no database at ${source}`);
  if (existsSync(target) && !options.force) throw new MaintenanceError("target-exists", `${target} exists: choose another name, or add --force to replace it`);
  if (path.resolve(source) === path.resolve(target)) throw new MaintenanceError("target-exists", "the backup cannot replace the database itself");
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = partial(target, "backup");
  rmSync(tmp, { force: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // Every remaining page in one step: one read transaction, so a write meanwhile cannot restart the copy.
    await db.backup(tmp, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    // One self-contained file: no WAL beside it.
    const copy = new SQLite(tmp);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    const info = inspectDatabase(tmp);
    fsyncFile(tmp);
    renameSync(tmp, target);
    return { ...info, target, milliseconds: Date.now() - started };
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

export interface RestoreReport extends DatabaseInfo {
  target: string;
  /** Where the previous database was put; null when there was none. */
  keptAside: string | null;
}

const SIDE_FILES = ["-wal", "-shm", "-journal"];

/**
 * Restores `backup` into `target` (DATABASE_PATH) with the server stopped: refused while anyone has the
 * target open; the previous database kept aside. The backup file itself is only read: it is copied
 * beside the target first, and the copy is what is checked and put in place.
 */
export function restoreDatabase(backup: string, target: string, now = new Date()): RestoreReport {
  if (!existsSync(backup) || !statSync(backup).isFile()) throw new MaintenanceError("no-database", `${backup}: no such file`);
  if (!hasSqliteHeader(backup)) throw new MaintenanceError("not-sqlite", `${backup} is not an SQLite database`);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const aside = `${target}.before-restore-${stamp}`;
  const tmp = partial(target, "restore");
  let lock: SQLite.Database | null = null;
  try {
    rmSync(tmp, { force: true });
    copyFileSync(backup, tmp);
    try {
      // A copy of a live file may say WAL: the restored file is one self-contained file either way.
      const copy = new SQLite(tmp, { fileMustExist: true });
      copy.pragma("journal_mode = DELETE");
      copy.close();
    } catch (error) {
      throw new MaintenanceError("corrupt", `${backup} cannot be opened: ${(error as Error).message}`);
    }
    const info = inspectDatabase(tmp, backup);
    fsyncFile(tmp);
    if (existsSync(target)) {
      try {
        lock = new SQLite(target, { fileMustExist: true });
        lock.pragma("busy_timeout = 0");
        // Leaving WAL mode needs every other connection closed: the test for a running server.
        lock.pragma("journal_mode = DELETE");
        lock.exec("BEGIN EXCLUSIVE");
      } catch (error) {
        lock?.close();
        lock = null;
        const code = (error as { code?: string }).code ?? "";
        if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
          throw new MaintenanceError("in-use", `${target} is in use (is the server still running?): stop it, then restore`);
        }
        // A damaged database cannot be locked; it is kept aside as it is, with its WAL.
      }
      // A second name for the old file first, then the new one renamed over the path: the path always holds a database.
      try {
        linkSync(target, aside);
      } catch {
        copyFileSync(target, aside);
      }
    }
    // A WAL or journal left beside the path belongs to the old file: it goes aside with it, never onto the new one.
    for (const side of SIDE_FILES) if (existsSync(target + side)) renameSync(target + side, aside + side);
    renameSync(tmp, target);
    return { ...info, target, keptAside: existsSync(aside) ? aside : null };
  } finally {
    if (lock) {
      if (lock.inTransaction) lock.exec("ROLLBACK");
      lock.close();
    }
    for (const side of ["", ...SIDE_FILES]) rmSync(tmp + side, { force: true });
  }
}

export interface LedgerEntry {
  id: string;
  kind: "person" | "membership" | "organisation";
  person_id: string | null;
  organisation_id: string | null;
  at: string;
}

/**
 * The erasures a database recorded (ids and times only), read from the file kept aside by a restore:
 * the restore repeats them on the restored database. A database from before the ledger has none.
 */
export function readErasureLedger(file: string): LedgerEntry[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const exists = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'erasure'").get();
    return exists ? (db.prepare("select id, kind, person_id, organisation_id, at from erasure order by at").all() as LedgerEntry[]) : [];
  } finally {
    db.close();
  }
}
