/**
 * Frozen in time: never import app code here. Trust first (issue 11):
 * - organisations start unverified; the platform beheerder verifies, refuses or withdraws, with a basis,
 *   kept as history; identifiers KvK and UZOVI on the organisation (the AGB stays on the practice);
 * - a platform beheerder is a person outside every organisation: sessions may have no organisation;
 * - one practice per AGB: duplicates are merged (or, for two accounts, reported as a claim), then a
 *   unique index; a claim table for an AGB in the register that a new sign-up says is theirs;
 * - at most one open request per requester and practice;
 * - national data belongs to the platform: criteria are published with their basis (history), an
 *   insurer's or toezichthouder's own cut-offs are its own; region imports are the platform's.
 *
 * Two tables are rebuilt (SQLite cannot drop NOT NULL or change a foreign key in place). The rebuild
 * copies the table's own CREATE statement and every column, so columns another migration added survive.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";

/** Rebuilds `table` from its own CREATE statement, changed by `edit`, keeping every column, row and index. */
async function rebuildTable(db: Kysely<any>, table: string, edit: (createSql: string) => string) {
  const master = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const createSql = master.rows[0]?.sql;
  if (!createSql) throw new Error(`no table ${table}`);
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
  const edited = edit(createSql);
  if (edited === createSql) throw new Error(`the rebuild of ${table} changed nothing: its CREATE statement is not as expected`);
  const temp = `${table}__rebuild`;
  const renamed = edited.replace(/^create table\s+("?)([\w]+)\1/i, `create table "${temp}"`);
  await sql.raw(renamed).execute(db);
  await sql.raw(`insert into "${temp}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${temp}" rename to "${table}"`).execute(db);
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
}

const now = () => new Date().toISOString();
const uuid = () => randomUUID();

export async function up(db: Kysely<any>): Promise<void> {
  // Foreign keys off for the rebuilds (a pragma that only works outside a transaction); checked at the end.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await organisations(db);
    await sessions(db);
    await practices(db);
    await requests(db);
    await nationalData(db);
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`foreign keys broken after the trust migration: ${JSON.stringify(broken.rows.slice(0, 5))}`);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function organisations(db: Kysely<any>) {
  // Every organisation that exists now is unverified: nobody has checked it. The demo start-up marks the
  // seeded demo organisations verified (basis "demo"); real ones wait for the platform beheerder.
  await db.schema
    .alterTable("organisation")
    .addColumn("verification", "text", (c) => c.notNull().defaultTo("pending").check(sql`verification in ('pending', 'verified', 'refused', 'withdrawn')`))
    .execute();
  await db.schema.alterTable("organisation").addColumn("verified_at", "text").execute();
  await db.schema.alterTable("organisation").addColumn("verified_by", "text", (c) => c.references("person.id")).execute();
  /** JSON: which identifiers were checked and the note, of the decision in force. */
  await db.schema.alterTable("organisation").addColumn("verification_basis", "text").execute();
  /** KvK-nummer, 8 digits as text; UZOVI-code, 4 digits as text (a zorgverzekeraar). */
  await db.schema.alterTable("organisation").addColumn("kvk", "text").execute();
  await db.schema.alterTable("organisation").addColumn("uzovi", "text").execute();
  await db.schema.createIndex("organisation_verification_idx").on("organisation").columns(["verification", "created_at"]).execute();

  await db.schema
    .createTable("organisation_verification")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    /** requested: the organisation asked (again) to be verified; the others are the platform's decisions. */
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('requested', 'verified', 'refused', 'withdrawn')`))
    /** JSON array of the identifiers checked ("kvk", "agb", "uzovi", "other"). */
    .addColumn("checked", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.references("person.id"))
    .addColumn("decided_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisation_verification_org_idx").on("organisation_verification").columns(["organisation_id", "decided_at"]).execute();

  // The platform beheerder: a person with no membership, marked here, made only from the command line.
  await db.schema.alterTable("person").addColumn("platform_admin", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

async function sessions(db: Kysely<any>) {
  // A platform beheerder's session acts for no organisation.
  await rebuildTable(db, "session", (createSql) => createSql.replace(/("organisation_id"\s+text)\s+not null/i, "$1"));
}

interface PracticeRow {
  id: string;
  organisation_id: string | null;
  keten_id: string | null;
  region_id: string | null;
  agb: string;
  postcode: string | null;
  created_at: string;
}

async function practices(db: Kysely<any>) {
  await db.schema
    .createTable("practice_claim")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("practice_id", "text", (c) => c.notNull().references("practice.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'approved', 'refused')`))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text", (c) => c.references("person.id"))
    .execute();
  await db.schema.createIndex("practice_claim_org_idx").on("practice_claim").columns(["organisation_id", "status"]).execute();
  await db.schema.createIndex("practice_claim_practice_idx").on("practice_claim").columns(["practice_id", "status"]).execute();

  // Duplicates of an AGB: the row with an organisation (the oldest first) stays; rows known only from
  // imports are merged into it; a second row with an account cannot be merged and loses the AGB, with a
  // claim the platform beheerder decides. Reported on the console and in the audit trail.
  const duplicates = await sql<{ agb: string }>`select agb from practice where agb is not null group by agb having count(*) > 1`.execute(db);
  let merged = 0;
  let conflicts = 0;
  for (const { agb } of duplicates.rows) {
    const rows = (
      await sql<PracticeRow>`select id, organisation_id, keten_id, region_id, agb, postcode, created_at from practice where agb = ${agb}
        order by (organisation_id is null), created_at, id`.execute(db)
    ).rows;
    const keep = rows[0]!;
    for (const other of rows.slice(1)) {
      const at = now();
      if (other.organisation_id !== null) {
        await sql`update practice set agb = null, updated_at = ${at} where id = ${other.id}`.execute(db);
        await sql`insert into practice_claim (id, practice_id, organisation_id, status, note, created_at) values
          (${uuid()}, ${keep.id}, ${other.organisation_id}, 'open', ${`Twee praktijken met AGB ${agb} gevonden bij de migratie; de AGB-code is bij deze organisatie weggehaald tot het platformbeheer beslist.`}, ${at})`.execute(db);
        await audit(db, "practice.agb-conflict", other.id, { agb, kept: keep.id, organisationId: other.organisation_id }, at);
        conflicts++;
        continue;
      }
      for (const table of ["assessment", "assessment_request"]) {
        await sql`update ${sql.table(table)} set practice_id = ${keep.id} where practice_id = ${other.id}`.execute(db);
      }
      await sql`update conversation_note set subject_key = ${keep.id} where subject_type = 'practice' and subject_key = ${other.id}`.execute(db);
      // One current import row per organisation and practice: the newest of the two stays.
      await sql`delete from imported_facts where practice_id in (${other.id}, ${keep.id}) and id not in (
          select id from (select id, row_number() over (partition by organisation_id order by imported_at desc, id) as n
                          from imported_facts where practice_id in (${other.id}, ${keep.id})) where n = 1)`.execute(db);
      await sql`update imported_facts set practice_id = ${keep.id} where practice_id = ${other.id}`.execute(db);
      await sql`delete from portfolio_entry where practice_id = ${other.id}`.execute(db);
      await sql`update practice set keten_id = coalesce(keten_id, ${other.keten_id}), region_id = coalesce(region_id, ${other.region_id}),
          postcode = coalesce(postcode, ${other.postcode}), updated_at = ${at} where id = ${keep.id}`.execute(db);
      await sql`delete from practice where id = ${other.id}`.execute(db);
      await audit(db, "practice.merged", keep.id, { agb, from: other.id, into: keep.id }, at);
      merged++;
    }
  }
  // Merged practices change what every portfolio shows: start-up rebuilds the stored rows when they are gone.
  if (merged > 0) await sql`delete from portfolio_entry`.execute(db);
  if (merged + conflicts > 0) {
    console.log(`[migration 2026-12-03-11-trust] AGB-codes: ${merged} dubbele praktijk(en) samengevoegd, ${conflicts} conflict(en) tussen accounts als aanspraak voor het platformbeheer klaargezet.`);
  }

  await db.schema.dropIndex("practice_agb_idx").ifExists().execute();
  await db.schema.createIndex("practice_agb_unique").unique().on("practice").column("agb").where(sql.ref("agb"), "is not", null).execute();
}

async function audit(db: Kysely<any>, action: string, subjectId: string, detail: unknown, at: string) {
  await sql`insert into audit_event (id, at, actor_person_id, actor_org_id, action, subject_type, subject_id, assessment_id, detail)
    values (${uuid()}, ${at}, null, null, ${action}, 'practice', ${subjectId}, null, ${JSON.stringify(detail)})`.execute(db);
}

async function requests(db: Kysely<any>) {
  // Older duplicates of an open request (same requester, same practice) are closed before the index.
  const closed = await sql`update assessment_request set status = 'declined', decided_at = ${now()}
    where status = 'open' and id not in (
      select id from (select id, row_number() over (partition by requester_org_id, practice_id order by created_at desc, id) as n
                      from assessment_request where status = 'open') where n = 1)`.execute(db);
  if (Number(closed.numAffectedRows ?? 0) > 0) console.log(`[migration 2026-12-03-11-trust] ${closed.numAffectedRows} dubbele open verzoeken gesloten.`);
  await db.schema
    .createIndex("request_open_unique")
    .unique()
    .on("assessment_request")
    .columns(["requester_org_id", "practice_id"])
    .where(sql.ref("status"), "=", "open")
    .execute();
  await db.schema.createIndex("request_requester_day_idx").on("assessment_request").columns(["requester_org_id", "created_at"]).execute();
}

async function nationalData(db: Kysely<any>) {
  // Criteria published by the platform, with their basis; the latest per indicator is in force (a row
  // without criteria returns the indicator to the content's criteria).
  await db.schema
    .createTable("criteria_publication")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    /** JSON of the criteria; null: back to the content's criteria. */
    .addColumn("criteria", "text")
    /** Who agreed them (e.g. "ZN, LHV en InEen"), where that is written down, and the day of the agreement. */
    .addColumn("agreed_by", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("agreed_on", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.references("person.id"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("criteria_publication_indicator_idx").on("criteria_publication").columns(["indicator_id", "published_at"]).execute();

  // An insurer's or toezichthouder's own cut-offs, for its own view only.
  await db.schema
    .createTable("own_criteria")
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("changed_by", "text", (c) => c.references("person.id"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("own_criteria_pk", ["organisation_id", "indicator_id"])
    .execute();
  // Cut-offs set before this migration were one organisation's choice shown to everyone as agreed: they
  // become that organisation's own cut-offs, and the matrix returns to the content's criteria.
  await sql`insert into own_criteria (organisation_id, indicator_id, criteria, changed_by, changed_at)
    select organisation_id, indicator_id, criteria, changed_by, changed_at from matrix_criteria where organisation_id is not null`.execute(db);
  await db.schema.dropTable("matrix_criteria").execute();

  // Region imports are the platform's: their own table, without an organisation.
  await db.schema
    .createTable("region_import")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('preview', 'confirmed', 'discarded')`))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("error_count", "integer", (c) => c.notNull())
    .addColumn("preview", "text")
    .addColumn("created_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .execute();
  await sql`insert into region_import (id, status, file_name, source, row_count, error_count, preview, created_by, created_at, decided_at)
    select id, status, file_name, source, row_count, error_count, preview, created_by, created_at, decided_at from facts_import where kind = 'regions'`.execute(db);
  await rebuildTable(db, "region_year", (createSql) => createSql.replace(/references\s+"facts_import"/i, 'references "region_import"'));
  await sql`delete from facts_import where kind = 'regions'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await rebuildTable(db, "region_year", (createSql) => createSql.replace(/references\s+"region_import"/i, 'references "facts_import"'));
    await db.schema.dropTable("region_import").execute();
    await db.schema
      .createTable("matrix_criteria")
      .addColumn("indicator_id", "text", (c) => c.primaryKey())
      .addColumn("criteria", "text", (c) => c.notNull())
      .addColumn("organisation_id", "text", (c) => c.references("organisation.id"))
      .addColumn("changed_by", "text", (c) => c.references("person.id"))
      .addColumn("changed_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.dropTable("own_criteria").execute();
    await db.schema.dropTable("criteria_publication").execute();
    await db.schema.dropIndex("request_requester_day_idx").execute();
    await db.schema.dropIndex("request_open_unique").execute();
    await db.schema.dropIndex("practice_agb_unique").execute();
    await db.schema.createIndex("practice_agb_idx").on("practice").column("agb").execute();
    await db.schema.dropTable("practice_claim").execute();
    await sql`delete from session where organisation_id is null`.execute(db);
    await rebuildTable(db, "session", (createSql) => createSql.replace(/("organisation_id"\s+text)(?!\s+not null)/i, "$1 not null"));
    await db.schema.alterTable("person").dropColumn("platform_admin").execute();
    await db.schema.dropTable("organisation_verification").execute();
    await db.schema.dropIndex("organisation_verification_idx").execute();
    for (const column of ["uzovi", "kvk", "verification_basis", "verified_by", "verified_at", "verification"]) {
      await db.schema.alterTable("organisation").dropColumn(column).execute();
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
