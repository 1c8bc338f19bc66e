/**
 * Frozen in time: never import app code here. Workspaces for insurers, toezichthouders and huisartsen
 * (issue 5): imported practice facts, notes and agreements of a conversation, and the five signals as
 * columns of every source (an assessment, an imported row) so a portfolio of the whole country filters,
 * sorts and counts them in SQL without pivoting a long table.
 */
import { sql, type Kysely } from "kysely";

const SIGNAL_COLUMNS = ["sig_owner_not_gp", "sig_patients_per_fte", "sig_no_gp_present", "sig_unclear_organisation", "sig_regional_cooperation"];
const STATUS_CHECK = (column: string) => sql`${sql.ref(column)} in ('signal', 'no-signal', 'unknown')`;

async function addSignalColumns(db: Kysely<any>, table: string) {
  for (const column of SIGNAL_COLUMNS) {
    await db.schema.alterTable(table).addColumn(column, "text", (c) => c.check(STATUS_CHECK(column))).execute();
  }
  // The figure against the 4000 line; null when unknown or infinite (patients without huisarts hours).
  await db.schema.alterTable(table).addColumn("patients_per_fte", "real").execute();
  // How many of the five are a signal: what "most signals first" sorts on.
  await db.schema.alterTable(table).addColumn("signal_count", "integer").execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // The long table of issue 4 gives way to columns; start-up recomputes every assessment's signals.
  await db.schema.dropTable("assessment_signal").ifExists().execute();
  await addSignalColumns(db, "assessment");
  await db.schema.alterTable("assessment").addColumn("signals_at", "text").execute();
  await db.schema.createIndex("assessment_author_practice_idx").on("assessment").columns(["author_org_id", "practice_id"]).execute();

  await db.schema
    .createTable("facts_import")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('preview', 'confirmed', 'discarded')`))
    .addColumn("file_name", "text", (c) => c.notNull())
    /** Where the figures come from, in the importer's words (e.g. "Vektis, AGB-register"). */
    .addColumn("source", "text", (c) => c.notNull())
    /** The date the figures describe (peildatum), YYYY-MM-DD. */
    .addColumn("source_date", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("error_count", "integer", (c) => c.notNull())
    /** The parsed rows and errors while in preview; emptied once confirmed or discarded. */
    .addColumn("preview", "text")
    .addColumn("created_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .execute();
  await db.schema.createIndex("facts_import_org_idx").on("facts_import").columns(["organisation_id", "created_at"]).execute();

  await db.schema
    .createTable("imported_facts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("practice_id", "text", (c) => c.notNull().references("practice.id"))
    .addColumn("import_id", "text", (c) => c.notNull().references("facts_import.id"))
    .addColumn("row_number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    /** The keten the spreadsheet names: a keten organisation when one has that name, else the name. */
    .addColumn("keten_id", "text", (c) => c.references("organisation.id"))
    .addColumn("keten_name", "text")
    .addColumn("region_id", "text", (c) => c.references("region.id"))
    /** JSON of the signal facts as read (never patient data). */
    .addColumn("facts", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
  await addSignalColumns(db, "imported_facts");
  // One current row per organisation and practice: a newer import replaces it, the import record stays.
  await db.schema.createIndex("imported_facts_org_practice_idx").unique().on("imported_facts").columns(["organisation_id", "practice_id"]).execute();

  await db.schema
    .createTable("conversation_note")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    /** A practice's guide (its id) or a keten's guide (its key). */
    .addColumn("subject_type", "text", (c) => c.notNull().check(sql`subject_type in ('practice', 'keten')`))
    .addColumn("subject_key", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('note', 'agreement')`))
    .addColumn("text", "text", (c) => c.notNull())
    /** The date of the conversation (a note) or the day it was agreed (an agreement), YYYY-MM-DD. */
    .addColumn("on_date", "text", (c) => c.notNull())
    /** An agreement's deadline, if any. */
    .addColumn("due_date", "text")
    .addColumn("created_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .addColumn("deleted_by", "text", (c) => c.references("person.id"))
    .execute();
  await db.schema.createIndex("conversation_note_subject_idx").on("conversation_note").columns(["organisation_id", "subject_type", "subject_key"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("conversation_note").execute();
  await db.schema.dropTable("imported_facts").execute();
  await db.schema.dropTable("facts_import").execute();
  await db.schema.dropIndex("assessment_author_practice_idx").execute();
  for (const column of [...SIGNAL_COLUMNS, "patients_per_fte", "signal_count", "signals_at"]) {
    await db.schema.alterTable("assessment").dropColumn(column).execute();
  }
}
