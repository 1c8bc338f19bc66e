/**
 * CSRF protection on every mutating form. The token is an HMAC of what the request is bound to: the
 * session (its cookie's hash) when signed in, otherwise a random anonymous cookie. So a token is tied
 * to one session and dies with it, and a token of one person is worthless for another. The secret is
 * SESSION_SECRET, or in demo and development one generated once and kept with the database, so a
 * restart does not refuse every open form. Every action calls readForm before reading anything else.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { getDb } from "../../db/index.server";
import { sessionCookie } from "../models/session.server";
import { getEnv } from "./env.server";
import { FORM_LIMIT_BYTES, readFormBody, UPLOAD_BODY_LIMIT_BYTES } from "./request-body.server";

const secure = process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true";

/** The anonymous binding: only for forms before sign-in (login, sign-up, password reset). */
const anonymousCookie = createCookie("kws_csrf", { path: "/", httpOnly: true, sameSite: "lax", secure });

let secretPromise: Promise<string> | undefined;

/** SESSION_SECRET, or the secret generated once and stored with the database. */
export function csrfSecret(): Promise<string> {
  secretPromise ??= (async () => {
    const fromEnv = getEnv().SESSION_SECRET;
    if (fromEnv) return fromEnv;
    const db = await getDb();
    const candidate = randomBytes(32).toString("hex");
    // Two processes starting at once agree on whichever secret was stored first.
    await db
      .insertInto("app_setting")
      .values({ key: "csrf-secret", value: candidate, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const row = await db.selectFrom("app_setting").select("value").where("key", "=", "csrf-secret").executeTakeFirstOrThrow();
    return row.value;
  })();
  return secretPromise;
}

async function sessionBinding(request: Request): Promise<string | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length > 20 ? `s:${createHash("sha256").update(token).digest("hex")}` : null;
}

async function anonymousBinding(request: Request): Promise<string | null> {
  const value = await anonymousCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{32,}$/.test(value) ? `a:${value}` : null;
}

async function tokenFor(binding: string) {
  return createHmac("sha256", await csrfSecret()).update(binding).digest("base64url");
}

/**
 * The token for this request's forms, and a Set-Cookie header when an anonymous binding had to be made.
 * A signed-in request is bound to its session.
 */
export async function commitCsrfToken(request: Request): Promise<[token: string, setCookie: string | null]> {
  const binding = (await sessionBinding(request)) ?? (await anonymousBinding(request));
  if (binding) return [await tokenFor(binding), null];
  const value = randomBytes(32).toString("base64url");
  return [await tokenFor(`a:${value}`), await anonymousCookie.serialize(value)];
}

function refuseCsrf() {
  return new Response("csrf", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Refused": "csrf", "Cache-Control": "no-store" } });
}

/** A cross-site post is refused whatever token it carries (browsers say where a request comes from). */
function crossSite(request: Request) {
  if (request.headers.get("Sec-Fetch-Site") === "cross-site") return true;
  const origin = request.headers.get("Origin");
  if (origin === null) return false;
  const allowed = new Set([new URL(request.url).origin]);
  const appUrl = getEnv().APP_URL;
  if (appUrl) allowed.add(new URL(appUrl).origin);
  return !allowed.has(origin);
}

async function tokenValid(request: Request, posted: FormDataEntryValue | null) {
  if (typeof posted !== "string" || posted.length === 0 || posted.length > 100) return false;
  // The same binding the token was made for: the session when there is one, never both.
  const binding = (await sessionBinding(request)) ?? (await anonymousBinding(request));
  if (!binding) return false;
  const expected = Buffer.from(await tokenFor(binding));
  const given = Buffer.from(posted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The posted form, read within its size limit, after its CSRF token was checked. A refused token or a
 * cross-site origin is a 403; a body that is not a form, too large or malformed, a 4xx (see
 * request-body.server.ts). Text values come back cleaned of control characters.
 */
export async function readForm(request: Request, options: { maxBytes?: number } = {}): Promise<FormData> {
  if (crossSite(request)) throw refuseCsrf();
  const form = await readFormBody(request, options.maxBytes ?? FORM_LIMIT_BYTES);
  if (!(await tokenValid(request, form.get("csrf")))) throw refuseCsrf();
  return form;
}

/** An upload form (a spreadsheet with its fields), read as readForm does; null when it is larger than allowed. */
export async function readUploadForm(request: Request): Promise<FormData | null> {
  try {
    return await readForm(request, { maxBytes: UPLOAD_BODY_LIMIT_BYTES });
  } catch (error) {
    if (error instanceof Response && error.status === 413) return null;
    throw error;
  }
}
