/**
 * Sessions stored in the database: revocable, a new random id at every login, idle and absolute
 * timeouts, all of a person's sessions ended at once when they leave an organisation or reset their
 * password. The cookie holds a random token; the table holds its SHA-256.
 */
import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "../../db/index.server";
import { getEnv } from "../utils/env.server";

export const sessionCookie = createCookie("kws_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
});

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Writes last_seen_at at most this often: every request reads the session, few need to write it. */
const TOUCH_EVERY_MS = 60_000;

/** A new session (new random token) for a person acting for an organisation, or for the platform (null). */
export async function createSession(personId: string, organisationId: string | null) {
  const env = getEnv();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const db = await getDb();
  await db
    .insertInto("session")
    .values({
      id_hash: sha256(token),
      person_id: personId,
      organisation_id: organisationId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + env.SESSION_ABSOLUTE_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return sessionCookie.serialize(token, { maxAge: env.SESSION_ABSOLUTE_HOURS * 3600 });
}

async function tokenOf(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

export interface SessionRow {
  idHash: string;
  personId: string;
  /** null: the platform beheerder's session. */
  organisationId: string | null;
}

/** The live session of a request, or null; an expired one is deleted on the way. */
export async function getSession(request: Request): Promise<SessionRow | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const db = await getDb();
  const idHash = sha256(token);
  const row = await db.selectFrom("session").selectAll().where("id_hash", "=", idHash).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = getEnv().SESSION_IDLE_MINUTES * 60_000;
  if (Date.parse(row.expires_at) <= now || Date.parse(row.last_seen_at) + idleLimit <= now) {
    await db.deleteFrom("session").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (Date.parse(row.last_seen_at) + TOUCH_EVERY_MS <= now) {
    await db.updateTable("session").set({ last_seen_at: new Date(now).toISOString() }).where("id_hash", "=", idHash).execute();
  }
  return { idHash, personId: row.person_id, organisationId: row.organisation_id };
}

export async function destroySession(request: Request) {
  const token = await tokenOf(request);
  if (token) {
    const db = await getDb();
    await db.deleteFrom("session").where("id_hash", "=", sha256(token)).execute();
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

export async function endAllSessions(personId: string, organisationId?: string) {
  const db = await getDb();
  let query = db.deleteFrom("session").where("person_id", "=", personId);
  if (organisationId) query = query.where("organisation_id", "=", organisationId);
  await query.execute();
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
