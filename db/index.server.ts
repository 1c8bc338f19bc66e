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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
