/**
 * `npm run db:restore -- FILE`: restores a backup into DATABASE_PATH (default data/kernwaardenscan.db)
 * with the server stopped. Refused while the database is open (a running server), or when FILE is not an
 * intact Kernwaardenscan database of this version or older. The previous database is kept aside as
 * DATABASE_PATH.before-restore-<time>. The erasures the replaced database recorded (people erased,
 * organisations closed, perhaps after the backup was made) are then repeated on the restored one, so a
 * restore never brings an erased person back. Exit 0 when restored, 1 when refused or not completed.
 */
import { MaintenanceError, readErasureLedger, restoreDatabase } from "../db/backup";
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
  if (report.keptAside) {
    let entries: ReturnType<typeof readErasureLedger> = [];
    try {
      entries = readErasureLedger(report.keptAside);
    } catch (error) {
      console.error(`the previous database's erasures could not be read (${(error as Error).message}): repeat any erasure made after the backup by hand`);
      process.exitCode = 1;
    }
    if (entries.length > 0) {
      // Migrates the restored database first (as the server would at start), then repeats what it lacks.
      const { reapplyErasures } = await import("../app/models/erasure.server");
      const { getDb } = await import("../db/index.server");
      const repeated = await reapplyErasures(entries);
      await (await getDb()).destroy();
      console.log(`erasures: ${entries.length} recorded, ${repeated} repeated on the restored database`);
    }
  }
  if (report.pending.length > 0) console.log(`the server applies ${report.pending.length} newer migration(s) at start: ${report.pending.join(", ")}`);
} catch (error) {
  console.error(`restore refused: ${error instanceof MaintenanceError ? error.message : String(error)}`);
  process.exit(1);
}
