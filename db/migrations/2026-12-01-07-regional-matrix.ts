/**
 * Frozen in time: never import app code here. The regional signaleringsmatrix (issue 6): indicator
 * values per huisartsenregio and year from public sources, imported like practice facts (the same
 * import table, of another kind), and the colouring criteria in force where they differ from content.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("facts_import").addColumn("kind", "text", (c) => c.notNull().defaultTo("practices").check(sql`kind in ('practices', 'regions')`)).execute();

  await db.schema
    .createTable("region_year")
    .addColumn("region_id", "text", (c) => c.notNull().references("region.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    /** JSON: every measured indicator in its canonical unit, null where the source has no figure. */
    .addColumn("indicator_values", "text", (c) => c.notNull())
    /** JSON: the counts behind a percentage, when the spreadsheet gave them. */
    .addColumn("counts", "text")
    .addColumn("import_id", "text", (c) => c.references("facts_import.id"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("region_year_pk", ["region_id", "year"])
    .execute();

  // The criteria content gives are the default; an agreed cut-off set here takes their place.
  await db.schema
    .createTable("matrix_criteria")
    .addColumn("indicator_id", "text", (c) => c.primaryKey())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id"))
    .addColumn("changed_by", "text", (c) => c.references("person.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("matrix_criteria").execute();
  await db.schema.dropTable("region_year").execute();
  await db.schema.alterTable("facts_import").dropColumn("kind").execute();
}
