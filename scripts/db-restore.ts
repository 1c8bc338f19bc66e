/**
 * `npm run db:restore -- FILE`: restores a backup into DATABASE_PATH (default data/kernwaardenscan.db)
 * with the server stopped. Refused while the database is open (a running server), or when FILE is not an
 * intact Kernwaardenscan database of this version or older. The previous database is kept aside as
 * DATABASE_PATH.before-restore-<time>. Exit 0 when restored, 1 when refused.
 */
import { MaintenanceError, restoreDatabase } from "../db/backup";
import { getEnv } from "../app/utils/env.server";

const files = process.argv.slice(2);
if (files.length !== 1 || files[0]!.startsWith("-")) {
  console.error("usage: npm run db:restore -- FILE");
  process.exit(1);
}

const target = getEnv().DATABASE_PATH;
try {
  const report = restoreDatabase(files[0]!, target);
  const { counts } = report;
  console.log(`restore: ${files[0]} → ${target}: integrity ok; ${counts.organisations} organisations, ${counts.people} people, ${counts.assessments} assessments, ${counts.auditEvents} audit events`);
  console.log(report.keptAside ? `the previous database is kept as ${report.keptAside}` : "there was no previous database");
  if (report.pending.length > 0) console.log(`the server applies ${report.pending.length} newer migration(s) at start: ${report.pending.join(", ")}`);
} catch (error) {
  console.error(`restore refused: ${error instanceof MaintenanceError ? error.message : String(error)}`);
  process.exit(1);
}
