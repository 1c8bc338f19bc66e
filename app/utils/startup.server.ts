/** Runs once when the server starts: configuration check, migrations, demo data for an empty database. */
import { getDb } from "../../db/index.server";
import { seedDemoIfEmpty } from "../../db/seed";
import { getCurrentQuestionnaire } from "../domain/content/load.server";
import { getEnv } from "./env.server";

let started: Promise<void> | undefined;

export function startup() {
  started ??= (async () => {
    const env = getEnv();
    getCurrentQuestionnaire(); // invalid content stops the start, not a page later
    const db = await getDb();
    if (env.SEED_DEMO) await seedDemoIfEmpty(db);
  })();
  return started;
}
