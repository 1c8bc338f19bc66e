/**
 * Frozen in time: never import app code here. The practice register (issue 13): name, AGB, postcode and
 * region of a practice (and the KvK-nummer of its organisation) are kept in one place and shown in the
 * questionnaire as given facts with where they come from: when the register was last changed, and by whom.
 * Every change is also an audit event (`practice.register-changed`); these columns are what the
 * questionnaire shows, and they outlive the audit trail's retention.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  /** When a person last changed the register facts of this practice (null: as signed up or imported). */
  await db.schema.alterTable("practice").addColumn("register_changed_at", "text").execute();
  /** Who did (a person id; nulled when that person is erased). */
  await db.schema.alterTable("practice").addColumn("register_changed_by", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("practice").dropColumn("register_changed_by").execute();
  await db.schema.alterTable("practice").dropColumn("register_changed_at").execute();
}
