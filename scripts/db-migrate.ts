/** `npm run db:migrate`: migrates DATABASE_PATH (default data/kernwaardenscan.db) to the latest schema. */
import { migrateToLatest, openDatabase } from "../db/index.server";
import { getEnv } from "../app/utils/env.server";

const db = openDatabase(getEnv().DATABASE_PATH);
const results = await migrateToLatest(db);
console.log(results.length ? results.map((r) => `${r.status}: ${r.migrationName}`).join("\n") : "already up to date");
await db.destroy();
