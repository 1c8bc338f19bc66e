/**
 * Frozen in time: never import app code here. Settings the application keeps with its database, such
 * as the secret that signs CSRF tokens when SESSION_SECRET is not set (demo and development): kept with
 * the data, so a restart does not invalidate every open form.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("app_setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("app_setting").execute();
}
