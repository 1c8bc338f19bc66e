/**
 * `npm run db:rebuild-portfolios`: rewrites every organisation's stored portfolio (portfolio_entry) from
 * its definition, then checks a sample. The server checks a sample at start-up and rebuilds on a
 * difference; run this after changing the definition or repairing data by hand. Safe beside the server.
 */
import { getDb } from "../db/index.server";
import { checkPortfolioSample, rebuildPortfolios } from "../app/models/portfolio.server";

const db = await getDb();
const started = performance.now();
const owners = await rebuildPortfolios(db);
const differences = await checkPortfolioSample(db, { owners: 20, practices: 200 });
console.log(`portfolios rebuilt: ${owners} organisations in ${((performance.now() - started) / 1000).toFixed(1)} s; sample check: ${differences.length} differences`);
await db.destroy();
if (differences.length > 0) process.exit(1);
