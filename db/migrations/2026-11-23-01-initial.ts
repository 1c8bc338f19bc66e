/** Frozen in time: never import app code here. */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('praktijk', 'keten', 'zorgverzekeraar', 'toezichthouder', 'huisarts')`),
    )
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("membership")
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('beheerder', 'invuller', 'lezer')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("membership_pk", ["person_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("region")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("practice")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id"))
    .addColumn("keten_id", "text", (c) => c.references("organisation.id"))
    .addColumn("region_id", "text", (c) => c.references("region.id"))
    .addColumn("agb", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("postcode", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("practice_organisation_idx").on("practice").column("organisation_id").execute();
  await db.schema.createIndex("practice_keten_idx").on("practice").column("keten_id").execute();
  await db.schema.createIndex("practice_region_idx").on("practice").column("region_id").execute();
  await db.schema.createIndex("practice_agb_idx").on("practice").column("agb").execute();

  await db.schema
    .createTable("assessment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("practice_id", "text", (c) => c.notNull().references("practice.id"))
    .addColumn("author_org_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("perspective", "text", (c) =>
      c.notNull().check(sql`perspective in ('zelfevaluatie', 'afweging', 'beoordeling', 'toezicht')`),
    )
    .addColumn("content_version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('concept', 'ingediend')`))
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("previous_id", "text", (c) => c.references("assessment.id"))
    .addColumn("created_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text")
    .execute();
  await db.schema.createIndex("assessment_practice_idx").on("assessment").column("practice_id").execute();
  await db.schema.createIndex("assessment_author_idx").on("assessment").columns(["author_org_id", "updated_at"]).execute();

  await db.schema
    .createTable("answer")
    .addColumn("assessment_id", "text", (c) => c.notNull().references("assessment.id").onDelete("cascade"))
    .addColumn("question_id", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("person.id"))
    .addPrimaryKeyConstraint("answer_pk", ["assessment_id", "question_id"])
    .execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_person_id", "text")
    .addColumn("actor_org_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("assessment_id", "text")
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("audit_event_assessment_idx").on("audit_event").columns(["assessment_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_event", "answer", "assessment", "practice", "region", "membership", "person", "organisation"]) {
    await db.schema.dropTable(table).execute();
  }
}
