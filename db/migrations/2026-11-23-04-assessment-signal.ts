/**
 * Frozen in time: never import app code here. The five signals of each assessment, stored as they are
 * computed on every save, so a portfolio of thousands of practices filters and counts them in SQL.
 * The app fills rows for assessments that lack them at start-up (app/models/signal-store.server.ts).
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("assessment_signal")
    .addColumn("assessment_id", "text", (c) => c.notNull().references("assessment.id").onDelete("cascade"))
    .addColumn("signal_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    /** The figure against the threshold where the rule has one (patients per fte); null otherwise or unknown. */
    .addColumn("figure", "real")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_signal_pk", ["assessment_id", "signal_id"])
    .execute();
  await db.schema.createIndex("assessment_signal_status_idx").on("assessment_signal").columns(["signal_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessment_signal").execute();
}
