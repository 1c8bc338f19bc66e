/**
 * `npm run db:purge`: removes what is past its retention period from DATABASE_PATH (expired sessions,
 * used or expired tokens, old demo mail, import previews nobody decided on, removed notes, audit events
 * older than AUDIT_RETENTION_YEARS). The server does the same every PURGE_INTERVAL_MINUTES; running this
 * beside it is safe.
 */
import { getDb } from "../db/index.server";
import { describePurge, purgeExpired } from "../app/models/retention.server";

const db = await getDb();
console.log(`purged: ${describePurge(await purgeExpired(db))}`);
await db.destroy();
