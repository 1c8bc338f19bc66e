/**
 * Plain-HTTP helpers for the isolation suite: a signed-in person is a cookie jar with its CSRF token;
 * the database fingerprint is read read-only beside the running server (SQLite in WAL mode allows it).
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import * as OTPAuth from "otpauth";

export interface Reply {
  status: number;
  location: string | null;
  body: string;
  /** Only for raw requests. */
  headers?: Headers;
}

/** "own": the jar's own token; "none": no token at all; any other string: that token (another jar's). */
export type CsrfMode = "own" | "none" | { token: string };

/** One browser without a browser: cookies kept per person, redirects not followed. */
export class Client {
  private readonly jar = new Map<string, string>();
  private token: string | null = null;

  constructor(
    /** The server's address; a restarted server has a new one. */
    public base: string,
    readonly label: string,
  ) {}

  /** The Cookie header this person's requests carry. */
  cookies() {
    return this.cookieHeader();
  }

  private cookieHeader() {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private absorb(response: Response) {
    const session = this.jar.get("kws_session");
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      if (at < 1) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === "" || /max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    // Form tokens are bound to the session: a new session (sign-up, joining, signing in) means a new token.
    if (this.jar.get("kws_session") !== session) this.token = null;
  }

  has(cookie: string) {
    return this.jar.has(cookie);
  }

  async request(method: "GET" | "POST", path: string, options: { form?: Record<string, string>; csrf?: CsrfMode } = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    let body: URLSearchParams | undefined;
    if (method === "POST") {
      body = new URLSearchParams(options.form ?? {});
      const mode = options.csrf ?? "own";
      // Fetching the token may set the CSRF cookie: the cookie header is built after it.
      if (mode === "own") body.set("csrf", await this.csrf());
      else if (mode !== "none") body.set("csrf", mode.token);
      headers["content-type"] = "application/x-www-form-urlencoded";
    }
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    const response = await fetch(this.base + path, { method, headers, body, redirect: "manual" });
    this.absorb(response);
    return { status: response.status, location: response.headers.get("location"), body: await response.text() };
  }

  /** A file upload as a browser sends it (multipart/form-data), with this person's CSRF token. */
  async upload(path: string, fields: Record<string, string>, file: { name: string; content: Buffer; field?: string }): Promise<Reply> {
    const body = new FormData();
    body.set("csrf", await this.csrf());
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set(file.field ?? "file", new Blob([new Uint8Array(file.content)], { type: "text/csv" }), file.name);
    const response = await fetch(this.base + path, { method: "POST", headers: { cookie: this.cookieHeader() }, body, redirect: "manual" });
    this.absorb(response);
    return { status: response.status, location: response.headers.get("location"), body: await response.text() };
  }

  /** Anything at all, with this person's cookies: for bodies and headers a browser would never send. */
  async raw(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit | ReadableStream<Uint8Array> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader();
    if (cookie && !("cookie" in headers)) headers.cookie = cookie;
    const response = await fetch(this.base + path, {
      method,
      headers,
      body: init.body as BodyInit,
      redirect: "manual",
      ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    this.absorb(response);
    return { status: response.status, location: response.headers.get("location"), body: await response.text(), headers: response.headers };
  }

  get(path: string) {
    return this.request("GET", path);
  }

  post(path: string, form: Record<string, string>, csrf: CsrfMode = "own") {
    return this.request("POST", path, { form, csrf });
  }

  /** The CSRF token every page carries in its forms (with the kws_csrf cookie that goes with it). */
  async csrf(): Promise<string> {
    if (this.token) return this.token;
    // A session that still owes its second factor is sent on (to enrolment or the code): that page has the form.
    let page = await this.get("/");
    for (let hop = 0; hop < 3 && page.status === 302 && page.location?.startsWith("/"); hop++) page = await this.get(page.location);
    const token = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`${this.label}: no CSRF token on the home page (status ${page.status})`);
    this.token = token;
    return token;
  }

  /** The authenticator app of this person, once enrolled: its secret. */
  totpSecret: string | null = null;

  /**
   * The forced enrolment of a second factor, as a person does it: the setup page's key (beside the QR
   * code) goes into an "app" (otpauth), its code confirms, the recovery codes are "saved". Returns where
   * the enrolment sends the person next.
   */
  async enrolTotp(setupPath = "/security/setup"): Promise<string> {
    const page = await this.get(setupPath);
    if (page.status !== 200) throw new Error(`${this.label}: no enrolment page (${page.status} ${page.location ?? ""})`);
    const secret = /class="totp-secret">([A-Z2-7 ]+)</.exec(page.body)?.[1]?.replace(/\s/g, "");
    if (!secret) throw new Error(`${this.label}: no TOTP key on the enrolment page`);
    const redirectTo = new URL(setupPath, this.base).searchParams.get("redirectTo") ?? "/security?notice=enrolled";
    const code = OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret) });
    const confirmed = await this.post("/security/setup", { _intent: "totp-confirm", code, redirectTo });
    if (confirmed.status !== 302 || !confirmed.location?.startsWith("/security/recovery-codes")) throw new Error(`${this.label}: enrolment refused (${confirmed.status} ${confirmed.location ?? ""})`);
    this.totpSecret = secret;
    const codes = await this.get(confirmed.location);
    if (!/<ol class="recovery-codes">/.test(codes.body)) throw new Error(`${this.label}: no recovery codes shown`);
    const saved = await this.post(confirmed.location, { redirectTo });
    return saved.location ?? "/";
  }

  /** Signs in through the real form: POST /login → 302 with a kws_session cookie. */
  async signIn(email: string, password: string) {
    const reply = await this.post("/login", { email, password, redirectTo: "/" });
    if (reply.status !== 302 || !this.jar.has("kws_session")) {
      throw new Error(`${this.label}: sign-in as ${email} failed (${reply.status})`);
    }
    // Form tokens are bound to the session: the pages after signing in carry a new one.
    this.token = null;
  }
}

/** Setup steps must work; they are preconditions, not counted checks. */
export function must<T>(value: T | null | undefined | false, what: string): T {
  if (value === null || value === undefined || value === false) throw new Error(`setup: ${what}`);
  return value;
}

export function expectStatus(reply: Reply, status: number, what: string, location?: RegExp) {
  if (reply.status !== status || (location && !location.test(reply.location ?? ""))) {
    throw new Error(`setup: ${what}: got ${reply.status} ${reply.location ?? ""} ${reply.body.slice(0, 300)}`);
  }
  return reply;
}

/* ------------------------------------------------------------------------------------------------
 * The database fingerprint: what a refused request must leave exactly as it was.
 * ---------------------------------------------------------------------------------------------- */

const COUNTED = [
  "organisation",
  "person",
  "membership",
  "practice",
  "assessment",
  "answer",
  "signal_context",
  "share",
  "assessment_request",
  "token",
  "session",
  "audit_event",
  "facts_import",
  "imported_facts",
  "conversation_note",
  "portfolio_entry",
  "region",
  "region_year",
  "organisation_verification",
  "practice_claim",
  "criteria_publication",
  "own_criteria",
  "region_import",
] as const;

/** The columns that can change without a row count changing (a revoke, a submit, a role, an answer). */
const HASHED: Record<string, string> = {
  answer: "select assessment_id, question_id, value, revision, updated_by from answer order by assessment_id, question_id",
  assessment: "select id, practice_id, author_org_id, perspective, status, version_no, submitted_at, updated_at from assessment order by id",
  share: "select id, assessment_id, organisation_id, revoked_at from share order by id",
  assessment_request: "select id, status, share_id, decided_at from assessment_request order by id",
  signal_context: "select assessment_id, signal_id, text, revision from signal_context order by assessment_id, signal_id",
  membership: "select person_id, organisation_id, role from membership order by person_id, organisation_id",
  token: "select token_hash, purpose, used_at from token order by token_hash",
  person: "select id, email, name, password_hash from person order by id",
  organisation: "select id, kind, name, closed_at, verification, kvk, uzovi from organisation order by id",
  practice: "select id, organisation_id, keten_id, region_id, agb, name from practice order by id",
  session: "select id_hash, person_id, organisation_id, expires_at from session order by id_hash",
  facts_import: "select id, organisation_id, status, preview from facts_import order by id",
  imported_facts: "select id, organisation_id, practice_id, import_id, facts from imported_facts order by id",
  conversation_note: "select id, organisation_id, text, deleted_at from conversation_note order by id",
  region_year: "select region_id, year, indicator_values from region_year order by region_id, year",
  own_criteria: "select organisation_id, indicator_id, criteria from own_criteria order by organisation_id, indicator_id",
  practice_claim: "select id, status from practice_claim order by id",
  region_import: "select id, status from region_import order by id",
  portfolio_entry: "select organisation_id, practice_id, source, source_id, at, differs from portfolio_entry order by organisation_id, practice_id",
};

export type Fingerprint = Record<string, string>;

export class DbReader {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  fingerprint(): Fingerprint {
    const print: Fingerprint = {};
    for (const table of COUNTED) {
      const row = this.db.prepare(`select count(*) as n from ${table}`).get() as { n: number };
      print[`${table} rows`] = String(row.n);
    }
    for (const [table, query] of Object.entries(HASHED)) {
      const rows = this.db.prepare(query).raw().all();
      print[`${table} values`] = createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16);
    }
    return print;
  }

  one<T>(query: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(query).get(...params) as T | undefined;
  }

  all<T>(query: string, ...params: unknown[]): T[] {
    return this.db.prepare(query).all(...params) as T[];
  }

  close() {
    this.db.close();
  }
}

/** What differs between two fingerprints, e.g. ["share rows 1→2"]; empty when nothing changed. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys(before)
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key} ${before[key]}→${after[key]}`);
}

/* ------------------------------------------------------------------------------------------------
 * Counting: every status and every fingerprint comparison is one check; a failed check is a leak.
 * ---------------------------------------------------------------------------------------------- */

export class Tally {
  checks = 0;
  readonly leaks: string[] = [];
  /** Every check, passed or not, when ISOLATION_LOG names a file to write them to. */
  readonly log: string[] = [];

  check(ok: boolean, label: string) {
    this.checks++;
    if (!ok) this.leaks.push(label);
    if (process.env.ISOLATION_LOG) this.log.push(`${ok ? "ok  " : "LEAK"} ${label}`);
    return ok;
  }

  get line() {
    return `isolation: ${this.checks} checks, ${this.leaks.length} leaks`;
  }
}
