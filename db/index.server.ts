/**
 * The one Kysely instance. Opened lazily on first use with its pragmas and migrated to latest.
 * The demo seed is a separate start-up step (app/utils/startup.server.ts) because it uses the models.
 * Dialect-specific bits stay in this folder.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from "kysely";
import { getEnv } from "../app/utils/env.server";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export function openDatabase(file: string): Kysely<Database> {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // An answer that was confirmed as saved must survive a power cut, not only a crash of the server.
  sqlite.pragma("synchronous = FULL");
  // After a checkpoint the write-ahead log is cut back to this size, so a big import does not leave it
  // hundreds of megabytes large.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  sqlites.set(file, sqlite);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

const sqlites = new Map<string, SQLite.Database>();

/**
 * After a big write (an import): the write-ahead log is folded into the database and truncated, if no
 * reader holds it (never waiting for one: a streamed export may be reading); otherwise the next
 * checkpoint cuts it back to journal_size_limit. Returns whether the log was truncated.
 */
export function checkpoint(): boolean {
  const sqlite = sqlites.get(getEnv().DATABASE_PATH);
  if (!sqlite || !sqlite.open || sqlite.memory) return false;
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
    return result?.busy === 0;
  } catch {
    return false;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>) {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ""} failed: ${String(error ?? "")}`);
  }
  return results ?? [];
}

let instance: Promise<Kysely<Database>> | undefined;

export function getDb(): Promise<Kysely<Database>> {
  instance ??= (async () => {
    const env = getEnv();
    const db = openDatabase(env.DATABASE_PATH);
    await migrateToLatest(db);
    return db;
  })();
  return instance;
}
