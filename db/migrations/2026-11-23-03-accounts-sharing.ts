/** Frozen in time: never import app code here. Accounts, sessions, sharing and requests (issue 4). */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person").addColumn("password_hash", "text").execute();

  // The cookie holds a random token; the database only its SHA-256, so a copy of the database opens no session.
  await db.schema
    .createTable("session")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_person_idx").on("session").column("person_id").execute();

  await db.schema
    .createTable("token")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('password-reset', 'invitation')`))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.references("person.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id").onDelete("cascade"))
    .addColumn("role", "text")
    .addColumn("created_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("share")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assessment_id", "text", (c) => c.notNull().references("assessment.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("granted_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "text", (c) => c.references("person.id"))
    .execute();
  await db.schema.createIndex("share_grantee_idx").on("share").columns(["organisation_id", "assessment_id"]).execute();
  await db.schema.createIndex("share_assessment_idx").on("share").column("assessment_id").execute();

  await db.schema
    .createTable("assessment_request")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("practice_id", "text", (c) => c.notNull().references("practice.id").onDelete("cascade"))
    .addColumn("requester_org_id", "text", (c) => c.notNull().references("organisation.id").onDelete("cascade"))
    .addColumn("message", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('open', 'accepted', 'declined')`))
    .addColumn("share_id", "text", (c) => c.references("share.id"))
    .addColumn("created_by", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text", (c) => c.references("person.id"))
    .execute();
  await db.schema.createIndex("request_practice_idx").on("assessment_request").columns(["practice_id", "status"]).execute();
  await db.schema.createIndex("request_requester_idx").on("assessment_request").column("requester_org_id").execute();

  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["outbox_message", "assessment_request", "share", "token", "session"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("person").dropColumn("password_hash").execute();
}
