/**
 * Hostile input never takes the server down and never stores anything invalid (issue 10, "Proof").
 * Every probe of the isolation suite's route list (tests/isolation/matrix.ts) is sent again as an
 * attacker and as a careless client would send it: wrong content types, oversized and chunked bodies,
 * broken multipart, control characters and unicode, huge numbers, arrays for scalars, duplicated and
 * missing fields, forged ids, hostile paths, query strings and headers. Signed in with a valid form
 * token, so each request gets as deep into the route as it can. Every answer must be below 500 and
 * say something; afterwards no stored row may be invalid (see invariants.ts). Last line:
 * `fuzz: N requests, E server errors, I invalid rows stored`.
 */
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEMO_PASSWORD, startServer, type TestServer } from "../e2e/harness";
import { Client, DbReader, must, type Reply } from "../isolation/helpers";
import { ACTORS, ROUTES, type Actor, type Probe, type World } from "../isolation/matrix";
import { invalidRows } from "./invariants";

let server: TestServer;
let db: DbReader;

beforeAll(async () => {
  server = await startServer();
  db = new DbReader(server.dbFile);
});
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const HAS_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Values no form of ours would send. */
const HOSTILE_VALUES = [
  "\u0000",
  "a\u0000b\u0007c\u001b[31m\u007f\u0085",
  "\u202eevil\u202c",
  "😀".repeat(200),
  "e\u0301\u0301\u0301\u0301",
  "\u200b\u200d\ufeff",
  "x".repeat(100_000),
  "1e309",
  "-1e309",
  "99999999999999999999999999",
  "-0",
  "NaN",
  "Infinity",
  "0x10",
  "1,5,5",
  "../../../../etc/passwd",
  "<script>alert(1)</script>",
  "'; drop table answer; --",
  "{{constructor.constructor('return process')()}}",
  "__proto__",
  "=HYPERLINK(\"http://evil.example\")",
  "true",
  "[]",
  "{}",
];

const HOSTILE_SEGMENTS = ["%00", "..%2F..%2Fetc%2Fpasswd", "%E2%80%AE", "x".repeat(3000), "1e999", "%ZZ", "%C0%AF", "'%22%3E%3Cscript%3E"];

const HOSTILE_QUERIES = [
  "?page=-1&page=1e999&sort=%00&signal=%F0%9F%98%80&status[]=x&q=" + "y".repeat(5000),
  "?redirectTo=%2F%09%2Fevil.example&token=%00&remove=" + "z".repeat(300),
  "?%ZZ=%ZZ&a=%C0%AF&lng=../../x",
];

/** A world built from the demo database, with what the probes' paths and forms name. */
async function buildWorld(clients: Map<string, Client>): Promise<World> {
  const verz = must(clients.get("verzekeraar.beheerder"), "insurer");
  const started = await verz.post("/?index", { _intent: "start-external", agb: "01234567" });
  const B = must(/\/assessments\/([0-9a-f-]{36})/.exec(started.location ?? "")?.[1], "the insurer's beoordeling");
  const org = Object.fromEntries(
    db
      .all<{ id: string; domain: string }>(
        "select organisation.id, substr(person.email, instr(person.email, '@') + 1) as domain from organisation join membership on membership.organisation_id = organisation.id join person on person.id = membership.person_id where person.email like 'beheerder@%'",
      )
      .map((r) => [r.domain.replace(".example.com", ""), r.id]),
  );
  const orgs = {
    praktijk: org["praktijk-de-linde"]!,
    ander: randomUUID(),
    keten: org["voorbeeldketen"]!,
    verzekeraar: org["voorbeeld-verzekeraar"]!,
    toezicht: org["voorbeeld-toezicht"]!,
    huisarts: org["huisartsengroep-overweging"]!,
    // The suite's unverified strangers do not exist in the demo database: their ids name nothing.
    onvKeten: randomUUID(),
    onvVerzekeraar: randomUUID(),
    onvToezicht: randomUUID(),
    onvHuisarts: randomUUID(),
  };
  const linde = must(db.one<{ id: string; name: string }>("select id, name from practice where organisation_id = ?", orgs.praktijk), "De Linde");
  const S = must(db.one<{ id: string }>("select id from assessment where practice_id = ? and perspective = 'zelfevaluatie'", linde.id), "De Linde's self-assessment").id;
  const importOf = (id: string) => db.one<{ id: string }>("select id from facts_import where organisation_id = ?", id)?.id ?? randomUUID();
  return {
    ids: {
      S,
      C: S,
      B,
      O: randomUUID(),
      X: "00000000-0000-4000-8000-0000000000ff",
      request: randomUUID(),
      practice: { linde: linde.id, ander: randomUUID() },
      org: orgs,
      lindeLezer: must(db.one<{ id: string }>("select id from person where email = 'lezer@praktijk-de-linde.example.com'"), "lezer").id,
      usedInvitation: "A".repeat(43),
      imports: { verzekeraar: importOf(orgs.verzekeraar), toezicht: importOf(orgs.toezicht) },
      regionImport: randomUUID(),
      note: randomUUID(),
    },
    markers: { S: "", C: "", B: "", O: "", X: "" },
    practiceNames: { linde: linde.name, ander: "" },
    orgNames: { praktijk: "", ander: "", keten: "", verzekeraar: "", toezicht: "", huisarts: "", onvKeten: "", onvVerzekeraar: "", onvToezicht: "", onvHuisarts: "" },
    secrets: { note: "", context: { C: "", B: "", O: "" }, audit: "" },
    unverified: new Set(),
    refused: "onvToezicht",
    grants: {},
    liveShare: null,
    requestOpen: true,
    revision: () => 0,
    contextRevision: () => 0,
  };
}

/** Every request sent, whatever variant sends it (some send several). */
let sent = 0;
function raw(c: Client, ...args: Parameters<Client["raw"]>) {
  sent++;
  return c.raw(...args);
}

interface Variant {
  name: string;
  send: (c: Client, path: string, form: Record<string, string>, csrf: string) => Promise<Reply>;
}

const urlencoded = (pairs: Array<[string, string]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of pairs) p.append(k, v);
  return p.toString();
};
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

/**
 * An oversized body through node:http, which reads the server's early answer even while the body is
 * still being written (the server answers 413 and closes without reading the rest; fetch would only
 * report the broken pipe).
 */
function oversize(c: Client, path: string, bytes: number, chunked: boolean): Promise<Reply> {
  sent++;
  return new Promise((resolve) => {
    const url = new URL(c.base + path);
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", cookie: c.cookies() };
    if (!chunked) headers["content-length"] = String(bytes);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: "POST", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null, body }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, location: null, body }));
    });
    // Writing into a closed connection is expected once the server has refused: the answer counts.
    req.on("error", () => setTimeout(() => resolve({ status: 0, location: null, body: "connection closed without an answer" }), 200));
    const chunk = Buffer.alloc(256 * 1024, "b");
    let written = 0;
    const pump = () => {
      while (written < bytes) {
        written += chunk.length;
        if (!req.write(chunk)) return req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

const POST_VARIANTS: Variant[] = [
  { name: "json", send: (c, p, f, t) => raw(c, "POST", p, { headers: { "content-type": "application/json" }, body: JSON.stringify({ ...f, csrf: t }) }) },
  { name: "text/plain", send: (c, p, f, t) => raw(c, "POST", p, { headers: { "content-type": "text/plain" }, body: urlencoded([...Object.entries(f), ["csrf", t]]) }) },
  { name: "xml", send: (c, p) => raw(c, "POST", p, { headers: { "content-type": "application/xml" }, body: "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>" }) },
  { name: "no content type", send: (c, p, f, t) => raw(c, "POST", p, { body: new Blob([urlencoded([...Object.entries(f), ["csrf", t]])]) }) },
  {
    name: "broken multipart",
    send: (c, p, _f, t) =>
      raw(c, "POST", p, { headers: { "content-type": "multipart/form-data; boundary=real" }, body: `--fake\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${t}\r\n--fake` }),
  },
  { name: "multipart without boundary", send: (c, p) => raw(c, "POST", p, { headers: { "content-type": "multipart/form-data" }, body: "x" }) },
  { name: "oversize", send: (c, p) => oversize(c, p, 11 * 1024 * 1024, false) },
  { name: "chunked oversize", send: (c, p) => oversize(c, p, 3 * 1024 * 1024, true) },
  { name: "not utf-8", send: (c, p, _f, t) => raw(c, "POST", p, { headers: formHeaders, body: new Blob([`csrf=${t}&name=`, new Uint8Array([0xff, 0xfe, 0xc0, 0xaf])]) }) },
  {
    name: "hostile values",
    send: (c, p, f, t) =>
      raw(c, "POST", p, { headers: formHeaders, body: urlencoded([["csrf", t], ...Object.keys(f).map((k, i): [string, string] => [k, HOSTILE_VALUES[i % HOSTILE_VALUES.length]!])]) }),
  },
  {
    // The form's own structure kept (section, question, intent, ids), so the values reach the deepest code.
    name: "every hostile value in every answer",
    send: async (c, p, f, t) => {
      const structural = (k: string) => k.startsWith("_") || k === "intent" || k === "token" || /Id$/.test(k);
      let last: Reply = { status: 0, location: null, body: "" };
      for (const value of HOSTILE_VALUES.slice(0, 10)) {
        const fields = Object.entries(f).map(([k, v]): [string, string] => [k, structural(k) ? v : value]);
        last = await raw(c, "POST", p, { headers: formHeaders, body: urlencoded([["csrf", t], ...fields]) });
        if (last.status >= 500) return last;
      }
      return last;
    },
  },
  {
    name: "arrays for scalars",
    send: (c, p, f, t) => raw(c, "POST", p, { headers: formHeaders, body: urlencoded([["csrf", t], ...Object.entries(f).flatMap(([k, v]): Array<[string, string]> => [[k, v], [k, `${v}x`], [`${k}[]`, v], [`${k}.0`, v]])]) }),
  },
  { name: "missing fields", send: (c, p, f, t) => raw(c, "POST", p, { headers: formHeaders, body: urlencoded([["csrf", t], ...(f._intent ? [["_intent", f._intent] as [string, string]] : [])]) }) },
  { name: "empty fields", send: (c, p, f, t) => raw(c, "POST", p, { headers: formHeaders, body: urlencoded([["csrf", t], ...Object.keys(f).map((k): [string, string] => [k, ""])]) }) },
  {
    name: "forged ids",
    send: (c, p, f, t) =>
      raw(c, "POST", p.replace(UUID, () => randomUUID()), {
        headers: formHeaders,
        body: urlencoded([["csrf", t], ...Object.entries(f).map(([k, v]): [string, string] => [k, v.replace(UUID, () => randomUUID())])]),
      }),
  },
  {
    name: "random intents and fields",
    send: (c, p, f, t) =>
      raw(c, "POST", p, {
        headers: formHeaders,
        body: urlencoded([["csrf", t], ["_intent", "x".repeat(500)], ["intent", "\u0000"], ["_section", "../x"], ["_only", "__proto__"], ["_rev.__proto__", "1e999"], ["_keep.x", "-1"], ["_take", "constructor"], ...Object.entries(f)]),
      }),
  },
  { name: "foreign origin", send: (c, p, f, t) => raw(c, "POST", p, { headers: { ...formHeaders, origin: "https://evil.example" }, body: urlencoded([...Object.entries(f), ["csrf", t]]) }) },
  { name: "null origin", send: (c, p, f, t) => raw(c, "POST", p, { headers: { ...formHeaders, origin: "null" }, body: urlencoded([...Object.entries(f), ["csrf", t]]) }) },
];

const GET_VARIANTS: Array<{ name: string; send: (c: Client, path: string) => Promise<Reply> }> = [
  { name: "as is", send: (c, p) => raw(c, "GET", p) },
  ...HOSTILE_QUERIES.map((q, i) => ({ name: `hostile query ${i + 1}`, send: (c: Client, p: string) => raw(c, "GET", p + (p.includes("?") ? q.replace("?", "&") : q)) })),
  ...HOSTILE_SEGMENTS.map((seg, i) => ({
    name: `hostile segment ${i + 1}`,
    send: (c: Client, p: string) => raw(c, "GET", HAS_UUID.test(p) ? p.replace(UUID, seg) : p.replace(/\/[^/?]*$/, `/${seg}`)),
  })),
  { name: "garbage cookies and language", send: (c, p) => raw(c, "GET", p, { headers: { cookie: "kws_session=%%%; kws_csrf=\u00ff; lng=../../etc", "accept-language": "x".repeat(5000) } }) },
  { name: "json accept", send: (c, p) => raw(c, "GET", p, { headers: { accept: "application/json", "x-forwarded-host": "evil.example" } }) },
  { name: "single fetch data", send: (c, p) => raw(c, "GET", `${p.split("?")[0]}.data?_routes=${encodeURIComponent("routes/../../x")}`) },
];

test("every route, hostile input: no server error, nothing invalid stored", async () => {
  const clients = new Map<string, Client>();
  const who: Actor[] = ACTORS.filter((a) => a.kind === "anonymous" || (a.kind === "person" && a.role === "beheerder" && (a.org === "praktijk" || a.org === "verzekeraar")));
  for (const actor of who) {
    const c = new Client(server.url, actor.key);
    if (actor.kind === "person") await c.signIn(actor.email, DEMO_PASSWORD);
    clients.set(actor.key, c);
  }
  const world = await buildWorld(clients);

  let attempts = 0;
  const serverErrors: string[] = [];
  const silent: string[] = [];
  const cached: string[] = [];
  const record = (label: string, reply: Reply) => {
    attempts++;
    if (reply.status >= 500 || reply.status === 0) serverErrors.push(`${label}: ${reply.status} ${reply.body.slice(0, 160)}`);
    else if (reply.status >= 400 && reply.body.trim() === "") silent.push(`${label}: ${reply.status} without a message`);
    // A page for a signed-in person is never kept in a cache (a shared PC, a proxy).
    if (reply.headers && !/no-store/.test(reply.headers.get("cache-control") ?? "") && /^(praktijk|verzekeraar)/.test(label) && reply.status === 200) cached.push(`${label}: Cache-Control ${reply.headers.get("cache-control")}`);
  };

  /** A request whose connection broke is a server error too (the server must answer, not hang up). */
  const timing = new Map<string, number>();
  const attempt = async (label: string, send: () => Promise<Reply>) => {
    const started = Date.now();
    let reply: Reply;
    try {
      reply = await send();
    } catch (error) {
      reply = { status: 0, location: null, body: `no answer: ${(error as Error).cause ?? error}` };
    }
    record(label, reply);
    if (process.env.FUZZ_TRACE) console.log(`${Date.now() - started} ms ${reply.status} ${label}`);
    const variant = /\(([^)]*)\)$/.exec(label)?.[1] ?? label;
    timing.set(variant, (timing.get(variant) ?? 0) + Date.now() - started);
  };

  const seen = new Set<string>();
  // FUZZ_ROUTES=a,b narrows the run to some routes (for finding a failure faster).
  const only = process.env.FUZZ_ROUTES?.split(",");
  for (const [route, entry] of Object.entries(ROUTES)) {
    if (only && !only.includes(route)) continue;
    for (const probe of entry.probes as Probe[]) {
      const path = probe.path(world, "S");
      const key = `${probe.method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const actor of who) {
        const c = clients.get(actor.key)!;
        // Signing out is not hostile input: it would only end the fuzzing person's session.
        if (route === "logout" && actor.kind === "person") continue;
        if (probe.method === "GET") {
          for (const v of GET_VARIANTS) await attempt(`${actor.key} GET ${route} (${v.name})`, () => v.send(c, path));
        } else {
          const form = probe.form?.(world, actor, "S") ?? {};
          const token = actor.kind === "person" ? await c.csrf() : "";
          for (const v of POST_VARIANTS) await attempt(`${actor.key} POST ${route} ${probe.name} (${v.name})`, () => v.send(c, path, form, token));
        }
        // A probe may have ended the session (a removed member, a reset): sign in again.
        if (actor.kind === "person" && (await c.get("/")).status === 302) {
          const again = new Client(server.url, actor.key);
          await again.signIn(actor.email, DEMO_PASSWORD);
          clients.set(actor.key, again);
        }
      }
    }
  }

  const invalid = invalidRows(server.dbFile);
  console.log(`fuzz timing: ${[...timing].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([v, ms]) => `${v} ${ms} ms`).join(", ")}`);
  if (serverErrors.length) console.log(`${serverErrors.slice(0, 40).join("\n")}\n--- server output ---\n${server.output().slice(-4000)}`);
  console.log(`fuzz detail: ${seen.size} probes × ${POST_VARIANTS.length} body variants or ${GET_VARIANTS.length} read variants × ${who.length} actors = ${attempts} attempts; ${silent.length} refusals without a message`);
  console.log(`fuzz: ${sent} requests, ${serverErrors.length} server errors, ${invalid.length} invalid rows stored`);
  expect(serverErrors).toEqual([]);
  expect(invalid).toEqual([]);
  expect(silent).toEqual([]);
  expect(cached).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(1000);
});
