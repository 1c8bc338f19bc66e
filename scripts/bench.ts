/**
 * `npm run bench`: the performance budgets of the questionnaire, measured against the built production
 * server on a database the size of the country (5,700 practices with complete self-assessments).
 *
 * Budgets (issue): section page render p95 < 30 ms, answer save p95 < 20 ms, questionnaire page JS
 * < 150 KB gzip; the overview page is reported only. The machines are 2 shared, noisy cores, so every
 * page figure is printed beside the floor (a bare route, /healthz) measured interleaved with it: the
 * ratio shows what the page costs above what the machine and HTTP cost at that moment.
 *
 * Exit code 1 only when something failed functionally (a non-200, a save that was not ok); a budget
 * that is missed is printed as FAIL but does not fail the run.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT); // content/ and build/ are found from the working directory

const WARMUP = 30;
const N = 300;
const BUDGET = { sectionP95: 30, saveP95: 20, jsKbGzip: 150, reportP95: 50, csvSeconds: 1, portfolioP95: 300, ketenP95: 100, matrixP95: 50 };
const INSURER_EMAIL = "beheerder@voorbeeld-verzekeraar.example.com";
/** Questions the save figure alternates between: an integer fact and two statements. */
const SAVE_QUESTIONS = [
  { section: "praktijkgegevens", question: "ingeschreven-patienten", kind: "integer", values: ["6300", "6400"] },
  { section: "continuiteit", question: "vaste-huisarts", kind: "statement", values: ["ja", "deels"] },
  { section: "governance", question: "incidentenprocedure", kind: "statement", values: ["ja", "nee"] },
] as const;

let failures = 0;
const failureNotes: string[] = [];
function fail(note: string) {
  failures++;
  if (failureNotes.length < 10) failureNotes.push(note);
}

// ---------------------------------------------------------------------------------------------------
// 1. Build when there is none.
if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
  console.log("build/server/index.js is missing: running npm run build");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit", cwd: ROOT });
  if (built.status !== 0) {
    console.error("npm run build failed");
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. A fresh database: migrated, the demo seed, then the country.
const tmp = mkdtempSync(path.join(os.tmpdir(), "kernwaardenscan-bench-"));
const dbFile = path.join(tmp, "bench.db");
// The app modules read the environment once, on first use: set it before importing them.
process.env.DATABASE_PATH = dbFile;
process.env.SEED_DEMO = "false";

const { openDatabase, migrateToLatest } = await import("../db/index.server");
const { seedDemo } = await import("../db/seed");
const { seedNational } = await import("../db/seed-national");
const { getQuestionnaire } = await import("../app/models/content.server");
const { DEMO_PRACTICE_EMAIL: DEMO_VIEWER_EMAIL, DEMO_PASSWORD } = await import("../db/seed");
const { sql } = await import("kysely");

const questionnaire = getQuestionnaire(1);
const sectionIds = questionnaire.sections.map((s) => s.id);

const seedStart = performance.now();
const db = openDatabase(dbFile);
await migrateToLatest(db);
const tMigrated = performance.now();
await seedDemo(db);
const tDemo = performance.now();
const national = await seedNational(db);
const { seedNationalWorkspaces } = await import("../db/seed-national");
const insurerOrg = await db
  .selectFrom("organisation")
  .innerJoin("membership", "membership.organisation_id", "organisation.id")
  .innerJoin("person", "person.id", "membership.person_id")
  .select("organisation.id")
  .where("person.email", "=", INSURER_EMAIL)
  .executeTakeFirstOrThrow();
const workspaces = await seedNationalWorkspaces(db, { insurerOrgId: insurerOrg.id });
// The signaleringsmatrix at the issue's size: 30 regions × 5 years (the demo's fictitious regions make way).
const { benchmarkRegions } = await import("../app/domain/regional/demo-regions");
const { storeRegionRows } = await import("../app/models/regions.server");
await db.deleteFrom("region_year").execute();
const benchRegions = benchmarkRegions();
await db.transaction().execute((trx) => storeRegionRows(trx, benchRegions, { importId: null, source: "Benchmark (fictief)", at: new Date().toISOString() }));
const matrixYearsBench = [...new Set(benchRegions.map((r) => r.year))].sort();
// The largest keten the insurer sees: what the keten view is measured on.
const largestKeten = await db
  .selectFrom("practice")
  .select(["keten_id", (eb) => eb.fn.countAll<number>().as("n")])
  .where("keten_id", "is not", null)
  .groupBy("keten_id")
  .orderBy("n", "desc")
  .limit(1)
  .executeTakeFirstOrThrow();
// The stored signals every save keeps current; the national seed wrote answers directly, so compute them once here.
const { backfillAssessmentSignals } = await import("../app/models/signal-store.server");
const tNational = performance.now();
const signalRows = await backfillAssessmentSignals(db);
// The national seed wrote shares and imports directly: every organisation's portfolio rows from scratch.
const { rebuildPortfolios } = await import("../app/models/portfolio.server");
const tSignals = performance.now();
const portfolioOwners = await rebuildPortfolios(db);
const tSeeded = performance.now();

const counts: Record<string, number> = {};
for (const table of ["region", "organisation", "person", "membership", "practice", "assessment", "answer", "audit_event", "imported_facts", "share"] as const) {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  counts[table] = Number(row.n);
}
const demo = await db
  .selectFrom("assessment")
  .innerJoin("membership", "membership.organisation_id", "assessment.author_org_id")
  .innerJoin("person", "person.id", "membership.person_id")
  .select("assessment.id")
  .where("person.email", "=", DEMO_VIEWER_EMAIL)
  .where("assessment.perspective", "=", "zelfevaluatie")
  .executeTakeFirstOrThrow();
const demoAnswers = await db.selectFrom("answer").select(["question_id", "value", "revision"]).where("assessment_id", "=", demo.id).execute();
const demoStored = new Map(demoAnswers.map((a) => [a.question_id, a]));
// Issue 10's load figures: an insurer with a 200,000-row portfolio, and 50 practices for 50 editors.
const { seedBigPortfolio, BIG_EXPORT_ROWS, BIG_IMPORT_ROWS, importFile, memoryOf, walMb, uploadAndConfirm, exportAll, probeWhile, autosaveUnderLoad, sessionToken } = await import("./bench-load");
const tBigStart = performance.now();
const big = await seedBigPortfolio(db, INSURER_EMAIL);
const tBig = performance.now() - tBigStart;
const editorAgbs = (
  await db.selectFrom("practice").select("agb").where("name", "not like", "%(demo)%").where("organisation_id", "is not", null).where("agb", "is not", null).orderBy("agb").limit(50).execute()
).map((p) => p.agb!);
// The server starts on a checkpointed file, not on a WAL full of seed pages.
await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
await db.destroy();
const dbBytes = readFileSync(dbFile).byteLength;

const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`\nSeed (${dbFile})`);
console.log(
  `  migrate ${fmtS(tMigrated - seedStart)} · demo ${fmtS(tDemo - tMigrated)} · national ${fmtS(tNational - tDemo)} ` +
    `· stored signals for ${signalRows} assessments ${fmtS(tSignals - tNational)} · portfolios of ${portfolioOwners} organisations ${fmtS(tSeeded - tSignals)} ` +
    `(organisations+practices+assessments ${fmtS(national.ms.organisations)}, answers ${fmtS(national.ms.answers)}, demo completion ${fmtS(national.ms.demo)}) · total ${fmtS(tSeeded - seedStart)}`,
);
console.log(`  load figures: an insurer with ${BIG_EXPORT_ROWS.toLocaleString("en")} imported practices (${fmtS(tBig)})`);
console.log(`  signaleringsmatrix: ${new Set(benchRegions.map((r) => r.code)).size} regions × ${matrixYearsBench.length} years (${matrixYearsBench.join(", ")})`);
console.log(
  `  insurer's portfolio: ${workspaces.imported.toLocaleString("en")} imported practices, ${workspaces.shared} shared self-assessments, ${workspaces.ownAssessments} own beoordelingen (${fmtS(workspaces.ms)}); largest keten ${largestKeten.n} practices`,
);
console.log(`  rows: ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(" · ")}`);
console.log(`  database file ${(dbBytes / 1024 / 1024).toFixed(1)} MB · demo assessment ${demo.id}: ${demoStored.size}/${questionnaire.questionById.size} questions answered`);
if (demoStored.size !== questionnaire.questionById.size) fail("the demo assessment is not complete");

// ---------------------------------------------------------------------------------------------------
// 3. The built production server on a free port.
async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const serverLog: string[] = [];
const server: ChildProcess = spawn(process.execPath, ["server.mjs"], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", INSECURE_COOKIES: "true", DEMO_MODE: "true", DATABASE_PATH: dbFile, SEED_DEMO: "false" },
  stdio: ["ignore", "pipe", "pipe"],
});
// Drain the request log, or a full pipe would stall the server mid-measurement.
const keep = (chunk: Buffer) => {
  serverLog.push(...chunk.toString().split("\n").filter(Boolean));
  if (serverLog.length > 200) serverLog.splice(0, serverLog.length - 200);
};
server.stdout!.on("data", keep);
server.stderr!.on("data", keep);
let serverExited = false;
server.on("exit", () => (serverExited = true));

/** SIGTERM, a second, then SIGKILL if it is still there. */
async function stopServer() {
  if (serverExited) return;
  server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  if (!serverExited) server.kill("SIGKILL");
}
async function finish(code: number) {
  await stopServer();
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGINT", () => void finish(130));

async function waitForServer() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (serverExited) break;
    try {
      const res = await fetch(`${base}/healthz`);
      await res.text();
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
const serverStart = performance.now();
if (!(await waitForServer())) {
  console.error("the server did not answer /healthz within 30 s; its last output:\n" + serverLog.join("\n"));
  await finish(1);
}
console.log(`\nServer: server.mjs on ${base} (ready in ${fmtS(performance.now() - serverStart)})`);

// Sign in through the real form (CSRF cookie and token, then the session): the demo practice's
// invuller for the questionnaire figures, the insurer's beheerder for the portfolio figures.
async function signIn(email: string) {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      jar.set(name!.trim(), rest.join("="));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const loginPage = await fetch(`${base}/login`);
  remember(loginPage);
  const token = /name="csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1] ?? "";
  const loginRes = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: header(), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: token, email, password: DEMO_PASSWORD, redirectTo: "/" }),
  });
  remember(loginRes);
  if (loginRes.status !== 302 || !jar.has("kws_session")) fail(`sign-in as ${email} failed: ${loginRes.status}`);
  // Form tokens are bound to the session: the pages after signing in carry the one to use.
  const session = { cookie: header(), csrfToken: "" };
  session.csrfToken = await sessionToken(base, session);
  return session;
}
const practiceSession = await signIn(DEMO_VIEWER_EMAIL);
const insurerSession = await signIn(INSURER_EMAIL);
const cookieHeader = () => practiceSession.cookie;
const csrfToken = practiceSession.csrfToken;

// ---------------------------------------------------------------------------------------------------
// 4. Timings, sequential, over HTTP.
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
interface Stats {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), n: sorted.length };
}

async function timedGet(url: string, expect?: (body: string, res: Response) => string | null, cookie = cookieHeader()) {
  const t = performance.now();
  const res = await fetch(url, { headers: { Accept: "text/html", Cookie: cookie } });
  const body = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200) fail(`GET ${url.replace(base, "")}: ${res.status}`);
  else {
    const problem = expect?.(body, res);
    if (problem) fail(`GET ${url.replace(base, "")}: ${problem}`);
  }
  return ms;
}

const floorGet = () => timedGet(`${base}/healthz`, (body) => (body === "ok" ? null : "unexpected body"));
const isHtml = (body: string, res: Response) =>
  (res.headers.get("content-type") ?? "").includes("text/html") && body.includes("</html>") ? null : "not a full HTML page";

/**
 * Runs `op` WARMUP + N times; with `interleaveFloor` a /healthz request follows each one, so the page
 * and its floor see the same machine load.
 */
async function measure(op: (i: number) => Promise<number>, interleaveFloor: boolean) {
  const samples: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const ms = await op(i);
    const f = interleaveFloor ? await floorGet() : NaN;
    if (i >= WARMUP) {
      samples.push(ms);
      if (interleaveFloor) floor.push(f);
    }
  }
  return { stats: stats(samples), floor: interleaveFloor ? stats(floor) : undefined, samples };
}

const loadBefore = os.loadavg();
const benchStart = performance.now();

const floorRun = await measure(() => floorGet(), false);

const sectionSamples = new Map<string, number[]>();
const sectionRun = await measure(async (i) => {
  const sectionId = sectionIds[i % sectionIds.length]!;
  const ms = await timedGet(`${base}/assessments/${demo.id}/sections/${sectionId}`, isHtml);
  if (i >= WARMUP) sectionSamples.set(sectionId, [...(sectionSamples.get(sectionId) ?? []), ms]);
  return ms;
}, true);

// Saves: alternate the value of each question so every save changes it, carrying the returned revision.
const saveState = SAVE_QUESTIONS.map((q) => {
  const stored = demoStored.get(q.question);
  const parsed = stored ? (JSON.parse(stored.value) as unknown) : null;
  const current = q.kind === "integer" ? String(parsed) : ((parsed as { choice?: string } | null)?.choice ?? "");
  return { ...q, revision: stored?.revision ?? 0, current };
});
const saveRun = await measure(async (i) => {
  const q = saveState[i % saveState.length]!;
  const next = q.values.find((v) => v !== q.current) ?? q.values[0];
  const body = new URLSearchParams({ csrf: csrfToken, _section: q.section, _only: q.question, [`_rev.${q.question}`]: String(q.revision) });
  if (q.kind === "integer") body.set(q.question, next);
  else {
    body.set(`${q.question}.choice`, next);
    body.set(`${q.question}.note`, "");
  }
  const t = performance.now();
  const res = await fetch(`${base}/assessments/${demo.id}/answers`, { method: "POST", body, headers: { Accept: "application/json", Cookie: cookieHeader() } });
  const text = await res.text();
  const ms = performance.now() - t;
  let json: { ok?: boolean; revisions?: Record<string, number>; changed?: string[] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // reported below
  }
  const revision = json.revisions?.[q.question];
  if (res.status !== 200 || json.ok !== true) fail(`POST answers (${q.question}): ${res.status} ${text.slice(0, 200)}`);
  else if (revision !== q.revision + 1 || !json.changed?.includes(q.question)) {
    fail(`POST answers (${q.question}): expected revision ${q.revision + 1}, got ${revision}`);
  }
  if (typeof revision === "number") q.revision = revision;
  if (res.status === 200 && json.ok === true) q.current = next;
  return ms;
}, true);

const overviewRun = await measure(() => timedGet(`${base}/assessments/${demo.id}/overview`, isHtml), true);
const reportRun = await measure(() => timedGet(`${base}/assessments/${demo.id}/report`, isHtml), true);
// The insurer's workspace over the whole country: the matrix as it opens (worst first), filtered and
// grouped, a later page, and the keten view of the largest keten.
const shows = (what: RegExp) => (body: string, res: Response) => isHtml(body, res) ?? (what.test(body) ? null : `does not show ${what}`);
const portfolioViews = ["/portfolio", "/portfolio?signal=patients-per-fte&status=signal&group=keten", "/portfolio?group=region&sort=name&dir=asc&page=40", "/portfolio?self=ja&sort=patients-per-fte"];
const portfolioRun = await measure(
  (i) => timedGet(`${base}${portfolioViews[i % portfolioViews.length]}`, shows(/praktijken: signalen per kolom/), insurerSession.cookie),
  true,
);
const ketenRun = await measure(() => timedGet(`${base}/ketens/${largestKeten.keten_id}`, shows(/Signalen over de hele keten/), insurerSession.cookie), true);
// The matrix: the latest year, an earlier year, filtered; and a region over the years.
const matrixViews = ["/regions", `/regions?jaar=${matrixYearsBench[0]}`, "/regions?rood=1"];
const matrixRun = await measure((i) => timedGet(`${base}${matrixViews[i % matrixViews.length]}`, shows(/Signaleringsmatrix/), insurerSession.cookie), true);
const regionRun = await measure(() => timedGet(`${base}/regions/${benchRegions[0]!.code}`, shows(/Indicatoren door de jaren/), insurerSession.cookie), true);
const httpSeconds = (performance.now() - benchStart) / 1000;

// ---------------------------------------------------------------------------------------------------
// 4b. Load (issue 10): 50 editors at once; then big work beside small work.
const LOAD_SECONDS = 15;
const editors = [];
for (const agb of editorAgbs) {
  const session = await signIn(INSURER_EMAIL);
  const started = await fetch(`${base}/?index`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: session.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: session.csrfToken, _intent: "start-external", agb }),
  });
  await started.text();
  const assessmentId = /\/assessments\/([0-9a-f-]{36})/.exec(started.headers.get("location") ?? "")?.[1];
  if (!assessmentId) fail(`start a beoordeling for ${agb}: ${started.status}`);
  else editors.push({ session, assessmentId, token: session.csrfToken });
}
const underLoad = await autosaveUnderLoad(base, editors, LOAD_SECONDS, fail);
const loadSaves = stats(underLoad.saves);
const loadFloor = stats(underLoad.floor);

const bigSession = await signIn(big.email);
const idleFloor = stats((await measure(() => floorGet(), false)).samples);
const serverPid = server.pid!;
const memBefore = memoryOf(serverPid);
const importAlone = await uploadAndConfirm(base, insurerSession, importFile(BIG_IMPORT_ROWS, 50_000_000), "import-50000.csv");
if (!importAlone.ok) fail(`import of ${BIG_IMPORT_ROWS} rows: ${importAlone.note}`);
const memAfterImport = memoryOf(serverPid);
const walAfterImport = walMb(dbFile);
const exportAlone = await exportAll(base, bigSession);
if (exportAlone.status !== 200 || exportAlone.rows !== BIG_EXPORT_ROWS) fail(`export: ${exportAlone.status}, ${exportAlone.rows} rows`);
const bigWork = Promise.all([exportAll(base, bigSession), uploadAndConfirm(base, insurerSession, importFile(BIG_IMPORT_ROWS, 60_000_000), "import-50000-b.csv")]);
const busyFloor = stats(await probeWhile(base, bigWork));
const [exportBusy, importBusy] = await bigWork;
if (exportBusy.status !== 200 || !importBusy.ok) fail(`big work side by side: export ${exportBusy.status}, import ${importBusy.ok ? "ok" : importBusy.note}`);
const memEnd = memoryOf(serverPid);

// ---------------------------------------------------------------------------------------------------
// 5. Client JS of a questionnaire page: what the HTML loads, and every chunk reachable from it.
interface Asset {
  url: string;
  raw: number;
  gzip: number;
  lazy: boolean;
}
const assets = new Map<string, Asset>();
const sectionUrl = `${base}/assessments/${demo.id}/sections/${sectionIds[1] ?? sectionIds[0]}`;
const pageRes = await fetch(sectionUrl, { headers: { Cookie: cookieHeader() } });
const html = await pageRes.text();
if (pageRes.status !== 200) fail(`GET section page for JS: ${pageRes.status}`);

/** import specifiers in JS: `from"./x.js"`, `import"./x.js"`, `import("./x.js")` and Vite's preload map. */
function jsImports(code: string): Array<{ spec: string; lazy: boolean; fromBase?: boolean }> {
  const found: Array<{ spec: string; lazy: boolean; fromBase?: boolean }> = [];
  for (const m of code.matchAll(/\bfrom\s*["']([^"']+\.js)["']/g)) found.push({ spec: m[1]!, lazy: false });
  for (const m of code.matchAll(/\bimport\s*["']([^"']+\.js)["']/g)) found.push({ spec: m[1]!, lazy: false });
  for (const m of code.matchAll(/\bimport\s*\(\s*["']([^"']+\.js)["']\s*\)/g)) found.push({ spec: m[1]!, lazy: true });
  // Vite lists a dynamic import's dependencies relative to the base: m.f=["assets/x.js", …]
  for (const m of code.matchAll(/__vite__mapDeps[\s\S]{0,200}?\[([^\]]*)\]/g)) {
    for (const s of m[1]!.matchAll(/["']([^"']+\.js)["']/g)) found.push({ spec: s[1]!, lazy: true, fromBase: true });
  }
  return found;
}

const queue: Array<{ url: string; lazy: boolean }> = [];
const enqueue = (spec: string, from: string, lazy: boolean) => {
  const url = new URL(spec, from);
  if (url.origin !== base || !url.pathname.startsWith("/assets/") || !url.pathname.endsWith(".js")) return;
  queue.push({ url: url.href, lazy });
};
for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
  const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
  if (src) enqueue(src, sectionUrl, false);
}
for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
  if (!/\brel="modulepreload"/.test(tag)) continue;
  const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
  if (href) enqueue(href, sectionUrl, false);
}
for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
  for (const imp of jsImports(m[1]!)) enqueue(imp.spec, sectionUrl, imp.lazy);
}
const initialFromHtml = queue.length;
while (queue.length > 0) {
  const { url, lazy } = queue.shift()!;
  const known = assets.get(url);
  if (known) {
    if (!lazy) known.lazy = false; // also reached statically from the page
    continue;
  }
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) {
    fail(`GET ${new URL(url).pathname}: ${res.status}`);
    continue;
  }
  assets.set(url, { url, raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength, lazy });
  for (const imp of jsImports(bytes.toString("utf8"))) enqueue(imp.spec, imp.fromBase ? `${base}/` : url, lazy || imp.lazy);
}
const kb = (n: number) => n / 1024;
const all = [...assets.values()];
const sum = (list: Asset[], key: "raw" | "gzip") => list.reduce((n, a) => n + a[key], 0);
const totalGzip = kb(sum(all, "gzip"));
/**
 * What a questionnaire page loads in one language: everything up front, and of the lazy chunks only its
 * language's texts. The other language and the workspace texts are reachable by dynamic import but a
 * questionnaire page never loads them (app/utils/workspace-texts.ts loads the latter only for pages
 * whose routes ask for them). The budget is the larger of the two languages.
 */
const localeOf = (a: Asset) => /\/assets\/(nl|en)-[^/]*\.js$/.exec(a.url)?.[1] ?? null;
const loadedIn = (lng: "nl" | "en") => all.filter((a) => !a.lazy || localeOf(a) === lng);
const perLanguage = { nl: kb(sum(loadedIn("nl"), "gzip")), en: kb(sum(loadedIn("en"), "gzip")) };
const pageGzip = Math.max(perLanguage.nl, perLanguage.en);

// ---------------------------------------------------------------------------------------------------
// 6. Report.
const loadAfter = os.loadavg();
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const cols = [46, 8, 8, 8, 12, 10, 11, 6];
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(cols[i]!) : c.padStart(cols[i]!))).join(" ");
const verdict = (ok: boolean | null) => (ok === null ? "report" : ok ? "PASS" : "FAIL");
const rows: string[][] = [];
const row = (name: string, s: Stats, budget: number | null, floor: Stats | undefined) =>
  rows.push([
    name,
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    budget === null ? "-" : `p95<${budget}ms`,
    floor ? ms(floor.p95) : "-",
    floor ? `${(s.p95 / floor.p95).toFixed(1)}x` : "-",
    verdict(budget === null ? null : s.p95 < budget),
  ]);

const cpus = os.cpus();
// ---------------------------------------------------------------------------------------------------
// 6. Bulk evaluation: a 5,700-row practice spreadsheet (Dutch Excel: `;`, BOM, CRLF, decimal comma),
// in-process (reader + engine) and as the whole `npm run signals` command (tsx start-up included).
const csvFile = path.join(tmp, "practices-5700.csv");
{
  const owners = ["huisarts", "huisarts", "huisarts", "andere-zorgverlener", "bestuurder", "onbekend"];
  const tri = ["ja", "ja", "ja", "nee", "onbekend", ""];
  const lines = ["agb;naam;eigenaar;ingeschreven_patienten;uren_huisarts_per_week;dagen_huisarts_fysiek_aanwezig;medisch_eindverantwoordelijke_huisarts;governance_vastgelegd;hagro;anw"];
  for (let i = 0; i < 5700; i++) {
    const pick = <T,>(list: readonly T[]) => list[(i * 7 + list.length * 3 + Math.floor(i / 5)) % list.length]!;
    const hours = (40 + ((i * 13) % 120)).toString() + (i % 3 === 0 ? ",5" : "");
    const days = i % 11 === 0 ? "ma di wo do" : i % 17 === 0 ? "" : "ma/di/wo/do/vr";
    lines.push(
      [String(10000000 + i).padStart(8, "0"), `Praktijk ${i}`, pick(owners), String(2000 + ((i * 37) % 10000)), hours, days, pick(tri), pick(tri), pick(["ja", "nee", "geen-hagro", "onbekend"]), pick(tri)].join(";"),
    );
  }
  writeFileSync(csvFile, "\ufeff" + lines.join("\r\n") + "\r\n");
}
const { runSignals } = await import("./signals");
const sink = { write: () => true };
const inProcess: number[] = [];
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const code = runSignals(csvFile, { stdout: sink, stderr: sink });
  inProcess.push(performance.now() - t0);
  if (code !== 0) fail(`runSignals on the generated CSV exited ${code}`);
}
// What `npm run signals` runs (the bundled CLI; bundled before the timing starts, as after any first run).
spawnSync(process.execPath, ["scripts/cli.mjs", "signals", "--help"], { cwd: ROOT });
const cliStart = performance.now();
const cli = spawnSync(process.execPath, ["scripts/cli.mjs", "signals", csvFile], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
const cliMs = performance.now() - cliStart;
const cliRows = cli.stdout.split("\n").filter(Boolean).length;
if (cli.status !== 0 || cliRows !== 5700) fail(`npm run signals: exit ${cli.status}, ${cliRows} rows out`);
const inProcessMedian = [...inProcess].sort((a, b) => a - b)[Math.floor(inProcess.length / 2)]!;

console.log(
  `\nMachine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ` +
    `Node ${process.version}, load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`,
);
console.log(`Requests: sequential, ${WARMUP} warm-up + ${N} measured per figure; HTTP phase ${httpSeconds.toFixed(1)} s\n`);
console.log(line(["figure", "p50 ms", "p95 ms", "p99 ms", "budget", "floor p95", "p95/floor", "result"]));
console.log("-".repeat(cols.reduce((a, b) => a + b + 1, 0)));
row("floor: GET /healthz", floorRun.stats, null, undefined);
row("section page render (7 in rotation)", sectionRun.stats, BUDGET.sectionP95, sectionRun.floor);
row("answer save (autosave POST)", saveRun.stats, BUDGET.saveP95, saveRun.floor);
row("overview page (signals, report-based)", overviewRun.stats, null, overviewRun.floor);
row("report page (complete assessment)", reportRun.stats, BUDGET.reportP95, reportRun.floor);
row("portfolio matrix, 5,700 practices (4 views)", portfolioRun.stats, BUDGET.portfolioP95, portfolioRun.floor);
row(`keten view (${largestKeten.n} practices)`, ketenRun.stats, BUDGET.ketenP95, ketenRun.floor);
row("signaleringsmatrix, 30 regions × 5 years (3 views)", matrixRun.stats, BUDGET.matrixP95, matrixRun.floor);
row("region page (5 years, its practices)", regionRun.stats, null, regionRun.floor);
rows.push([
  `autosave, ${editors.length} editors at once (${LOAD_SECONDS} s, n=${loadSaves.n})`,
  ms(loadSaves.p50),
  ms(loadSaves.p95),
  ms(loadSaves.p99),
  "p95≤2×floor",
  ms(loadFloor.p95),
  `${(loadSaves.p95 / loadFloor.p95).toFixed(1)}x`,
  verdict(loadSaves.p95 <= 2 * loadFloor.p95),
]);
rows.push([
  `/healthz during a ${BIG_EXPORT_ROWS / 1000}k export + ${BIG_IMPORT_ROWS / 1000}k import (n=${busyFloor.n})`,
  ms(busyFloor.p50),
  ms(busyFloor.p95),
  ms(busyFloor.p99),
  "p95<10×idle",
  ms(idleFloor.p95),
  `${(busyFloor.p95 / idleFloor.p95).toFixed(1)}x`,
  verdict(busyFloor.p95 < 10 * idleFloor.p95),
]);
rows.push(["5,700-row CSV: reader + engine (median of 7)", `${inProcessMedian.toFixed(0)}`, "-", "-", `<${BUDGET.csvSeconds * 1000}ms`, "-", "-", verdict(inProcessMedian < BUDGET.csvSeconds * 1000)]);
rows.push(["5,700-row CSV: whole command (1 run)", `${cliMs.toFixed(0)}`, "-", "-", `<${BUDGET.csvSeconds * 1000}ms`, "-", "-", verdict(cliMs < BUDGET.csvSeconds * 1000)]);
rows.push(["questionnaire page JS (gzip -9, as loaded)", "-", `${pageGzip.toFixed(1)}KB`, "-", `<${BUDGET.jsKbGzip}KB`, "-", "-", verdict(pageGzip < BUDGET.jsKbGzip)]);
for (const r of rows) console.log(line(r));

console.log(`\nBig work (issue 10; the floor column of /healthz above is its idle p95, measured alone):`);
console.log(`  export of ${exportAlone.rows.toLocaleString("en")} rows alone: ${fmtS(exportAlone.ms)}, first byte after ${exportAlone.firstByteMs.toFixed(0)} ms, ${exportAlone.mb.toFixed(1)} MB; beside the import: ${fmtS(exportBusy.ms)}`);
if (importAlone.ok) console.log(`  import of ${BIG_IMPORT_ROWS.toLocaleString("en")} rows alone: read and preview ${fmtS(importAlone.previewMs)}, confirm ${fmtS(importAlone.confirmMs)}; beside the export: ${importBusy.ok ? `${fmtS(importBusy.previewMs)} + ${fmtS(importBusy.confirmMs)}` : "failed"}`);
console.log(`  server memory: ${memBefore.rssMb.toFixed(0)} MB resident before the import, peak ${memBefore.peakMb.toFixed(0)} MB → ${memAfterImport.peakMb.toFixed(0)} MB during it (import's peak), ${memEnd.peakMb.toFixed(0)} MB after export and import side by side`);
console.log(`  write-ahead log after the import: ${walAfterImport.toFixed(1)} MB (checkpointed and cut back after big writes); now ${walMb(dbFile).toFixed(1)} MB`);

console.log(`\nSection pages, per section (p50 / p95 ms, about ${Math.round(N / sectionIds.length)} samples each):`);
for (const id of sectionIds) {
  const s = stats(sectionSamples.get(id) ?? []);
  console.log(`  ${id.padEnd(28)} ${ms(s.p50).padStart(6)} / ${ms(s.p95).padStart(6)}`);
}

console.log(`\nQuestionnaire page JS (${new URL(sectionUrl).pathname}; ${initialFromHtml} URLs named by the HTML, ${all.length} files reachable):`);
for (const a of [...all].sort((x, y) => y.gzip - x.gzip)) {
  console.log(`  ${new URL(a.url).pathname.padEnd(52)} ${kb(a.raw).toFixed(1).padStart(7)} KB raw ${kb(a.gzip).toFixed(1).padStart(6)} KB gzip${a.lazy ? "  (lazy: dynamic import)" : ""}`);
}
console.log(
  `  a Dutch page loads ${perLanguage.nl.toFixed(1)} KB gzip, an English one ${perLanguage.en.toFixed(1)} KB gzip (budgeted: the larger); ` +
    `every reachable chunk, both languages and the workspace texts included, ${kb(sum(all, "raw")).toFixed(1)} KB raw, ${totalGzip.toFixed(1)} KB gzip; ` +
    `loaded up front ${kb(sum(all.filter((a) => !a.lazy), "gzip")).toFixed(1)} KB gzip; ` +
    `lazy and not loaded by this page: ${all.filter((a) => a.lazy && localeOf(a) === null).map((a) => new URL(a.url).pathname).join(", ") || "none"}`,
);

if (!all.some((a) => /\/assets\/manifest-[^/]*\.js$/.test(a.url))) {
  console.log("  (no manifest-*.js: with v3_lazyRouteDiscovery Remix inlines a partial manifest in the HTML instead)");
}

if (failures > 0) {
  console.log(`\nFUNCTIONAL FAILURES: ${failures}`);
  for (const note of failureNotes) console.log(`  ${note}`);
  console.log("Server output (last lines):\n" + serverLog.slice(-20).join("\n"));
}
await finish(failures > 0 ? 1 : 0);
