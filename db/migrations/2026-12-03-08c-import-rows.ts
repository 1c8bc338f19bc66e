/**
 * Frozen in time: never import app code here. An upload's rows are staged one row per record instead
 * of one JSON document per upload: the file is read as a stream and written in batches, the preview
 * reads a page of them, and confirming works through them in batches (resumable after a restart) so a
 * country-size import neither holds the server up nor sits in memory.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("import_row")
    .addColumn("import_id", "text", (c) => c.notNull().references("facts_import.id").onDelete("cascade"))
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("ok", "integer", (c) => c.notNull())
    .addColumn("agb", "text")
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("import_row_pk", ["import_id", "line"])
    .execute();
  await db.schema.createIndex("import_row_ok_idx").on("import_row").columns(["import_id", "ok", "line"]).execute();
  // While a file is read ('reading') or its rows are applied ('confirming'); null when at rest.
  await db.schema.alterTable("facts_import").addColumn("stage", "text", (c) => c.check(sql`stage in ('reading', 'confirming')`)).execute();
  await db.schema.alterTable("facts_import").addColumn("confirmed_through", "integer").execute();
  await db.schema.alterTable("facts_import").addColumn("new_practices", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("facts_import").dropColumn("new_practices").execute();
  await db.schema.alterTable("facts_import").dropColumn("confirmed_through").execute();
  await db.schema.alterTable("facts_import").dropColumn("stage").execute();
  await db.schema.dropTable("import_row").execute();
}
