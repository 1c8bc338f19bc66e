/**
 * A read-only view of the database as it was at one moment, on a connection of its own: a long read
 * (the organisation's data export) sees one consistent state and never holds the app's one connection,
 * so every other request goes on meanwhile. SQLite's WAL gives each reader its own snapshot; writers
 * are not blocked (the WAL only cannot be checkpointed past the snapshot until it closes).
 */
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { getEnv } from "../app/utils/env.server";
import { getDb } from "./index.server";
import type { Database } from "./schema";

export interface Snapshot {
  db: Kysely<Database>;
  close: () => Promise<void>;
}

export async function openSnapshot(): Promise<Snapshot> {
  const shared = await getDb(); // migrated before anyone reads
  const file = getEnv().DATABASE_PATH;
  // An in-memory database (unit tests) has no second connection: read it as it is.
  if (file === ":memory:") return { db: shared, close: async () => {} };
  const sqlite = new SQLite(file, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("query_only = ON");
  sqlite.exec("BEGIN");
  // The snapshot starts with the first read, so take it now, not when the first page is asked for.
  sqlite.prepare("select count(*) from organisation").get();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    close: async () => {
      if (closed) return;
      closed = true;
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
      await db.destroy();
    },
  };
}
