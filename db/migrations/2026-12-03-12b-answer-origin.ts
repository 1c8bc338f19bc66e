/**
 * Frozen in time: never import app code here. Issue 13, "start from what is known" and "next year in
 * five minutes":
 * - `answer.origin`: JSON saying where a prefilled answer came from (a shared self-assessment version, the
 *   organisation's own import), with its date; null for an answer someone gave. A change clears it.
 * - `answer.confirmed_by/at`: who confirmed a prefilled answer as it is (the value stays, so does its revision).
 * - `section_confirmation`: "Klopt nog" on a section of a next version: who and when.
 * - `portfolio_entry.signals_changed`: whether the source's signals differ from its previous version
 *   (null: no previous version). Stored rows are dropped so start-up rebuilds them with the column.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("answer").addColumn("origin", "text").execute();
  await db.schema.alterTable("answer").addColumn("confirmed_by", "text", (c) => c.references("person.id")).execute();
  await db.schema.alterTable("answer").addColumn("confirmed_at", "text").execute();
  await db.schema
    .createTable("section_confirmation")
    .addColumn("assessment_id", "text", (c) => c.notNull().references("assessment.id").onDelete("cascade"))
    .addColumn("section_id", "text", (c) => c.notNull())
    .addColumn("confirmed_by", "text", (c) => c.references("person.id"))
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("section_confirmation_pk", ["assessment_id", "section_id"])
    .execute();
  await db.schema.alterTable("portfolio_entry").addColumn("signals_changed", "integer").execute();
  await sql`delete from portfolio_entry`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("portfolio_entry").dropColumn("signals_changed").execute();
  await db.schema.dropTable("section_confirmation").execute();
  await db.schema.alterTable("answer").dropColumn("confirmed_at").execute();
  await db.schema.alterTable("answer").dropColumn("confirmed_by").execute();
  await db.schema.alterTable("answer").dropColumn("origin").execute();
}
