/**
 * Where the portfolio's time goes, without HTTP: seeds the country as `npm run bench` does, then times
 * each query of the portfolio page's loader for the insurer (median of 30) and prints SQLite's plan.
 * `npx tsx scripts/profile-portfolio.ts`
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const dbFile = path.join(mkdtempSync(path.join(os.tmpdir(), "kws-profile-")), "p.db");
process.env.DATABASE_PATH = dbFile;
process.env.SEED_DEMO = "false";
const { openDatabase, migrateToLatest, getDb } = await import("../db/index.server");
const { seedDemo } = await import("../db/seed");
const { seedNational, seedNationalWorkspaces } = await import("../db/seed-national");
const db = openDatabase(dbFile);
await migrateToLatest(db);
await seedDemo(db);
await seedNational(db);
const insurer = await db
  .selectFrom("organisation")
  .innerJoin("membership", "membership.organisation_id", "organisation.id")
  .innerJoin("person", "person.id", "membership.person_id")
  .select(["organisation.id", "person.id as personId"])
  .where("person.email", "=", "beheerder@voorbeeld-verzekeraar.example.com")
  .executeTakeFirstOrThrow();
await seedNationalWorkspaces(db, { insurerOrgId: insurer.id });
const { backfillAssessmentSignals } = await import("../app/models/signal-store.server");
await backfillAssessmentSignals(db);
const { rebuildPortfolios, getPortfolio, listPortfolioFacets, DEFAULT_QUERY } = await import("../app/models/portfolio.server");
await rebuildPortfolios(db);
await db.destroy();
await getDb();
const { selectViewer } = await import("../app/models/viewer.server");
const viewer = await selectViewer(await getDb()).where("person.id", "=", insurer.personId).where("organisation.id", "=", insurer.id).executeTakeFirstOrThrow();
const { redCellsByRegion } = await import("../app/models/regions.server");

async function time(name: string, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < 35; i++) {
    const t = performance.now();
    await fn();
    if (i >= 5) samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name.padEnd(50)} median ${samples[15]!.toFixed(1)} ms  p95 ${samples[28]!.toFixed(1)} ms`);
}
const q = (over: Partial<typeof DEFAULT_QUERY>) => ({ ...DEFAULT_QUERY, ...over, filter: { ...DEFAULT_QUERY.filter, ...(over.filter ?? {}) } });
await time("getPortfolio default", () => getPortfolio(viewer, q({})));
await time("getPortfolio signal filter, group keten", () => getPortfolio(viewer, q({ filter: { signal: "patients-per-fte", status: "signal" }, group: "keten" })));
await time("getPortfolio group region page 40", () => getPortfolio(viewer, q({ group: "region", page: 40 })));
await time("getPortfolio hasSelf, sort ppf", () => getPortfolio(viewer, q({ filter: { hasSelf: true }, sort: "patients-per-fte" })));
await time("listPortfolioFacets", () => listPortfolioFacets(viewer));
await time("redCellsByRegion", () => redCellsByRegion());
