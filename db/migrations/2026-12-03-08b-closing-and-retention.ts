/**
 * Frozen in time: never import app code here. Closing an organisation and purging on a schedule (issue 10):
 * a closed organisation keeps its row (others' records name it: ketens in imports, grants in the audit
 * trail) with the moment it closed. Audit events are deleted by age and exported in order of time: this
 * index makes both range reads. Every erasure leaves its ids (never a name) in a ledger, so a restored
 * backup can have the erasures made after it repeated.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organisation").addColumn("closed_at", "text").execute();
  await db.schema.createIndex("audit_event_at_idx").on("audit_event").columns(["at", "id"]).execute();
  await db.schema
    .createTable("erasure")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('person', 'membership', 'organisation')`))
    // No foreign keys: what they named is gone.
    .addColumn("person_id", "text")
    .addColumn("organisation_id", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("erasure").execute();
  await db.schema.dropIndex("audit_event_at_idx").execute();
  await db.schema.alterTable("organisation").dropColumn("closed_at").execute();
}
