/**
 * Frozen in time: never import app code here. Signal rules carry a version (issue 12): every stored
 * signal records the version that computed it, and the results themselves (status, reason, evidence,
 * figure) are kept as JSON, so a submitted assessment still reads exactly as it was computed after the
 * rules change. Everything stored before this migration was computed by rules version 1; the app fills
 * in the JSON of those rows with its frozen v1 engine at start-up and brings concepts to the current
 * rules (app/models/signal-store.server.ts).
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["assessment", "imported_facts"]) {
    await db.schema.alterTable(table).addColumn("signals_rules_version", "integer").execute();
    await db.schema.alterTable(table).addColumn("signal_results", "text").execute();
  }
  await db.schema.alterTable("portfolio_entry").addColumn("signals_rules_version", "integer").execute();
  await sql`update assessment set signals_rules_version = 1 where signals_at is not null`.execute(db);
  await sql`update imported_facts set signals_rules_version = 1`.execute(db);
  await sql`update portfolio_entry set signals_rules_version = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("portfolio_entry").dropColumn("signals_rules_version").execute();
  for (const table of ["imported_facts", "assessment"]) {
    await db.schema.alterTable(table).dropColumn("signal_results").execute();
    await db.schema.alterTable(table).dropColumn("signals_rules_version").execute();
  }
}
