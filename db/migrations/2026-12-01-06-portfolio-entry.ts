/**
 * Frozen in time: never import app code here. The portfolio of each organisation, kept as rows: for
 * every practice it may see, the source that speaks for it and that source's signals (issue 5, "Scale":
 * the whole country's matrix filtered, sorted and counted in SQL within budget). Rewritten in the same
 * transaction as every change that can alter it (a save, a share or revocation, an import).
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("portfolio_entry")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("practice_id", "text", (c) => c.notNull().references("practice.id"))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('self', 'own', 'import')`))
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("version_no", "integer")
    .addColumn("sig_owner_not_gp", "text")
    .addColumn("sig_patients_per_fte", "text")
    .addColumn("sig_no_gp_present", "text")
    .addColumn("sig_unclear_organisation", "text")
    .addColumn("sig_regional_cooperation", "text")
    .addColumn("patients_per_fte", "real")
    .addColumn("signal_count", "integer")
    .addColumn("has_self", "integer", (c) => c.notNull())
    .addColumn("has_own", "integer", (c) => c.notNull())
    .addColumn("has_import", "integer", (c) => c.notNull())
    .addColumn("differs", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("portfolio_entry_pk", ["organisation_id", "practice_id"])
    .execute();
  // The default order (most signals first) and the filters read these without sorting the whole country.
  await db.schema.createIndex("portfolio_entry_signals_idx").on("portfolio_entry").columns(["organisation_id", "signal_count"]).execute();
  await db.schema.createIndex("portfolio_entry_practice_idx").on("portfolio_entry").column("practice_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("portfolio_entry").execute();
}
