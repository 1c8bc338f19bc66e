/**
 * Frozen in time: never import app code here. Signing in at OWASP ASVS 5.0 level 2 (issue 11):
 * second factors (TOTP with its last used time step, hashed recovery codes, passkeys), a session that
 * knows when its second factor and its last authentication happened (re-authentication within ten
 * minutes) and carries a WebAuthn challenge, an organisation that requires a second factor of all its
 * people, the seeded demo people marked (only they may skip the second factor, in demo mode), and a
 * sign-up that waits for its address to be confirmed by mail.
 */
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("person").addColumn("demo", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("organisation").addColumn("require_mfa", "integer", (c) => c.notNull().defaultTo(0)).execute();

  /** When this session passed a second factor (null: password only). */
  await db.schema.alterTable("session").addColumn("mfa_at", "text").execute();
  /** When the person last proved who they are in this session (sign-in, re-authentication). */
  await db.schema.alterTable("session").addColumn("auth_at", "text").execute();
  /** The WebAuthn challenge handed out last, and when: used once. */
  await db.schema.alterTable("session").addColumn("challenge", "text").execute();
  await db.schema.alterTable("session").addColumn("challenge_at", "text").execute();
  /** New recovery codes until the person confirms they saved them, encrypted with a key from the cookie's token. */
  await db.schema.alterTable("session").addColumn("pending_codes", "text").execute();

  await db.schema
    .createTable("totp_factor")
    .addColumn("person_id", "text", (c) => c.primaryKey().references("person.id").onDelete("cascade"))
    /** Base32 secret (RFC 4648), as authenticator apps take it. */
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    /** null while the person has not yet entered a code from the app (enrolment not finished). */
    .addColumn("confirmed_at", "text")
    /** The 30-second time step of the last code accepted: a code is used once, an older one never. */
    .addColumn("last_step", "integer")
    .execute();

  await db.schema
    .createTable("recovery_code")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    /** SHA-256 of the normalised code (50 random bits each): the code itself is shown once, never stored. */
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("recovery_code_person_idx").on("recovery_code").columns(["person_id", "code_hash"]).execute();

  await db.schema
    .createTable("passkey")
    /** The credential id (base64url). */
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    /** COSE public key, base64url. */
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("counter", "integer", (c) => c.notNull())
    /** JSON array of transports the authenticator reported. */
    .addColumn("transports", "text")
    .addColumn("device_type", "text", (c) => c.notNull())
    .addColumn("backed_up", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("passkey_person_idx").on("passkey").column("person_id").execute();

  // A sign-up waits for its address to be confirmed: the answer is the same whether or not it has an account.
  await db.schema
    .createTable("signup_request")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    /** JSON: organisation, kind, identifiers, name, the Argon2id hash of the chosen password. */
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("signup_request_email_idx").on("signup_request").columns(["email", "created_at"]).execute();

  // Sessions made before this migration authenticated when they were made.
  await sql`update session set auth_at = created_at where auth_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("signup_request").execute();
  await db.schema.dropTable("passkey").execute();
  await db.schema.dropTable("recovery_code").execute();
  await db.schema.dropTable("totp_factor").execute();
  for (const column of ["pending_codes", "challenge_at", "challenge", "auth_at", "mfa_at"]) await db.schema.alterTable("session").dropColumn(column).execute();
  await db.schema.alterTable("organisation").dropColumn("require_mfa").execute();
  await db.schema.alterTable("person").dropColumn("demo").execute();
}
