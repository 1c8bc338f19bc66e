/**
 * `npm run db:backup -- FILE [--force]`: a consistent, integrity-checked copy of DATABASE_PATH (default
 * data/kernwaardenscan.db) at FILE, while the server runs. Refuses an existing FILE unless --force.
 * Exit 0 when the copy is written and checked, 1 otherwise.
 */
import { backupDatabase, MaintenanceError } from "../db/backup";
import { getEnv } from "../app/utils/env.server";

const args = process.argv.slice(2);
const force = args.includes("--force");
const files = args.filter((a) => a !== "--force");
if (files.length !== 1 || files[0]!.startsWith("-")) {
  console.error("usage: npm run db:backup -- FILE [--force]");
  process.exit(1);
}

const source = getEnv().DATABASE_PATH;
try {
  const report = await backupDatabase(source, files[0]!, { force });
  const { counts } = report;
  console.log(
    `backup: ${source} → ${report.target}: integrity ok, ${(report.bytes / 1_048_576).toFixed(1)} MB in ${report.milliseconds} ms; ` +
      `${counts.organisations} organisations, ${counts.people} people, ${counts.assessments} assessments, ${counts.auditEvents} audit events; ` +
      `schema ${report.applied.at(-1)}`,
  );
} catch (error) {
  console.error(`backup refused: ${error instanceof MaintenanceError ? error.message : String(error)}`);
  process.exit(1);
}
