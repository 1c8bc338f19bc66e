/**
 * Runs once when the server starts: configuration check, migrations, demo data for an empty database,
 * stored signals for assessments that lack them, the stored portfolios checked against their
 * definition, the retention purge (then on its interval),
 * and in demo mode without SMTP_URL the local SMTP server that fills the outbox.
 */
import { getDb } from "../../db/index.server";
import { seedDemoIfEmpty, verifyDemoOrganisations } from "../../db/seed";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { usesLocalSmtp } from "../models/mail.server";
import { resumeImports } from "../models/facts-import.server";
import { checkPortfolioSample, rebuildPortfolios, rebuildPortfoliosIfMissing } from "../models/portfolio.server";
import { startPurgeSchedule } from "../models/retention.server";
import { backfillAssessmentSignals } from "../models/signal-store.server";
import { getEnv } from "./env.server";
import { startLocalSmtp } from "./local-smtp.server";

let started: Promise<void> | undefined;

export function startup() {
  started ??= (async () => {
    const env = getEnv();
    getCurrentQuestionnaire(); // invalid content stops the start, not a page later
    const db = await getDb();
    if (env.SEED_DEMO) await seedDemoIfEmpty(db);
    // A demo database from before verification existed: its demo organisations are verified ("demo").
    if (env.DEMO_MODE && env.SEED_DEMO) await verifyDemoOrganisations(db);
    await backfillAssessmentSignals(db);
    // The stored portfolios are a cache of their definition: a sample is checked, and a difference
    // (a write path that forgot the portfolio, a restored backup) rebuilds them all.
    if ((await rebuildPortfoliosIfMissing(db)) === 0) {
      const differences = await checkPortfolioSample(db);
      if (differences.length > 0) {
        console.warn(`portfolio: ${differences.length} stored row(s) differ from their definition (${differences.slice(0, 3).join("; ")}); rebuilding`);
        await rebuildPortfolios(db);
      }
    }
    // An import whose confirmation a stop interrupted is finished; one half read is removed.
    await resumeImports();
    await startPurgeSchedule();
    if (usesLocalSmtp()) await startLocalSmtp();
  })();
  return started;
}
