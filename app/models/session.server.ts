/**
 * Sessions stored in the database: revocable, a new random id at every sign-in, at every second factor
 * and at every re-authentication (ASVS V7.2.4), idle and absolute timeouts, all of a person's sessions
 * ended at once when they leave an organisation, reset or change their password. The cookie holds a
 * random token; the table holds its SHA-256. A session knows when it passed a second factor (mfa_at)
 * and when its person last proved who they are (auth_at: re-authentication within ten minutes before
 * changing a factor, an e-mail address or the password, or closing an organisation).
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { getDb } from "../../db/index.server";
import { getEnv } from "../utils/env.server";
import { safeRedirect } from "../utils/safe-redirect";

export const sessionCookie = createCookie("kws_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
});

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Writes last_seen_at at most this often: every request reads the session, few need to write it. */
const TOUCH_EVERY_MS = 60_000;
/** How recent an authentication must be before a factor, an address or the password changes. */
export const REAUTH_MINUTES = 10;
/** How long a WebAuthn challenge is good for. */
const CHALLENGE_MS = 5 * 60_000;

/**
 * A new session (new random token) for a person acting for an organisation, or for the platform
 * (null). `mfa`: the second factor was passed in this sign-in.
 */
export async function createSession(personId: string, organisationId: string | null, options: { mfa?: boolean } = {}) {
  const { cookie } = await insertSession({ personId, organisationId, mfaAt: options.mfa ? new Date().toISOString() : null, expiresAt: null });
  return cookie;
}

async function insertSession(input: { personId: string; organisationId: string | null; mfaAt: string | null; expiresAt: string | null; pendingCodes?: string[] }) {
  const env = getEnv();
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + env.SESSION_ABSOLUTE_HOURS * 3_600_000).toISOString();
  const db = await getDb();
  await db
    .insertInto("session")
    .values({
      id_hash: sha256(token),
      person_id: input.personId,
      organisation_id: input.organisationId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      mfa_at: input.mfaAt,
      auth_at: now.toISOString(),
      pending_codes: input.pendingCodes ? sealCodes(token, input.pendingCodes) : null,
    })
    .execute();
  const maxAge = Math.max(1, Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000));
  return { cookie: await sessionCookie.serialize(token, { maxAge }), token };
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
  createdAt: string;
  /** When this session passed a second factor; null: password only. */
  mfaAt: string | null;
  /** When the person last proved who they are in it. */
  authAt: string;
}

/** The live session of a request, or null; an expired one is deleted on the way. */
export async function getSession(request: Request): Promise<SessionRow | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const db = await getDb();
  const idHash = sha256(token);
  const row = await db.selectFrom("session").select(["person_id", "organisation_id", "created_at", "last_seen_at", "expires_at", "mfa_at", "auth_at"]).where("id_hash", "=", idHash).executeTakeFirst();
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
  return { idHash, personId: row.person_id, organisationId: row.organisation_id, createdAt: row.created_at, mfaAt: row.mfa_at, authAt: row.auth_at ?? row.created_at };
}

/**
 * The session gets a new token (the old one ends): after a second factor (`mfa`), a re-authentication
 * or a password change. Its person, organisation and absolute end stay; it counts as authenticated now.
 * `pendingCodes`: new recovery codes to show once, sealed with the new token.
 */
export async function rotateSession(session: SessionRow, changes: { mfa?: boolean; pendingCodes?: string[] } = {}) {
  const db = await getDb();
  const row = await db.selectFrom("session").select("expires_at").where("id_hash", "=", session.idHash).executeTakeFirst();
  const { cookie } = await insertSession({
    personId: session.personId,
    organisationId: session.organisationId,
    mfaAt: changes.mfa ? new Date().toISOString() : session.mfaAt,
    expiresAt: row?.expires_at ?? null,
    pendingCodes: changes.pendingCodes,
  });
  await db.deleteFrom("session").where("id_hash", "=", session.idHash).execute();
  return cookie;
}

/** Whether the person proved who they are in this session within the last ten minutes. */
export const isRecentAuth = (session: Pick<SessionRow, "authAt">, now = Date.now()) => Date.parse(session.authAt) + REAUTH_MINUTES * 60_000 > now;

/**
 * For the lead and any action that changes a factor, an e-mail address or the password, or closes an
 * organisation: a session whose person proved who they are within ten minutes, or a redirect to
 * /security/confirm that comes back to `returnTo` (default: the page of this request). Throws the
 * redirect (or the sign-in redirect when there is no session at all).
 */
export async function requireRecentAuth(request: Request, returnTo?: string): Promise<SessionRow> {
  const session = await getSession(request);
  if (!session) throw loginRedirect(request);
  if (isRecentAuth(session)) return session;
  const url = new URL(request.url);
  const back = safeRedirect(returnTo ?? url.pathname + url.search);
  throw redirect(`/security/confirm?redirectTo=${encodeURIComponent(back)}`);
}

export async function destroySession(request: Request) {
  const token = await tokenOf(request);
  if (token) {
    const db = await getDb();
    await db.deleteFrom("session").where("id_hash", "=", sha256(token)).execute();
  }
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Ends a person's sessions (for one organisation only, or all but one session). */
export async function endAllSessions(personId: string, organisationId?: string, options: { except?: string } = {}) {
  const db = await getDb();
  let query = db.deleteFrom("session").where("person_id", "=", personId);
  if (organisationId) query = query.where("organisation_id", "=", organisationId);
  if (options.except) query = query.where("id_hash", "!=", options.except);
  await query.execute();
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  return redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/* ------------------------------------------------------------------------------------------------
 * WebAuthn challenges: one at a time per session, used once, five minutes
 * ---------------------------------------------------------------------------------------------- */

export async function storeChallenge(session: SessionRow, challenge: string) {
  const db = await getDb();
  await db.updateTable("session").set({ challenge, challenge_at: new Date().toISOString() }).where("id_hash", "=", session.idHash).execute();
}

/** The session's challenge, cleared in the same step so it cannot be used twice; null when none or too old. */
export async function takeChallenge(session: SessionRow) {
  const db = await getDb();
  const row = await db.selectFrom("session").select(["challenge", "challenge_at"]).where("id_hash", "=", session.idHash).executeTakeFirst();
  if (!row?.challenge || !row.challenge_at) return null;
  const taken = await db
    .updateTable("session")
    .set({ challenge: null, challenge_at: null })
    .where("id_hash", "=", session.idHash)
    .where("challenge", "=", row.challenge)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return null;
  return Date.parse(row.challenge_at) + CHALLENGE_MS > Date.now() ? row.challenge : null;
}

/* ------------------------------------------------------------------------------------------------
 * New recovery codes, shown once: sealed with a key derived from the cookie's token, which the
 * database never holds (it keeps only the token's SHA-256), so a copy of the database reads nothing.
 * ---------------------------------------------------------------------------------------------- */

const keyOf = (token: string) => Buffer.from(hkdfSync("sha256", Buffer.from(token), Buffer.alloc(0), "kernwaardenscan recovery codes", 32));

function sealCodes(token: string, codes: string[]) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(token), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(codes), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The new recovery codes waiting to be shown in this session, or null. */
export async function readPendingCodes(request: Request): Promise<string[] | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  const db = await getDb();
  const row = await db.selectFrom("session").select("pending_codes").where("id_hash", "=", sha256(token)).executeTakeFirst();
  if (!row?.pending_codes) return null;
  try {
    const sealed = Buffer.from(row.pending_codes, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyOf(token), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const codes = JSON.parse(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString("utf8")) as unknown;
    return Array.isArray(codes) ? codes.map(String) : null;
  } catch {
    return null;
  }
}

export async function clearPendingCodes(session: SessionRow) {
  const db = await getDb();
  await db.updateTable("session").set({ pending_codes: null }).where("id_hash", "=", session.idHash).execute();
}
