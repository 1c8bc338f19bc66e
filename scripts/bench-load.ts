/**
 * The benchmark's load figures (issue 10): what many people at once and big work do to everyone else.
 * - Autosave under load: 50 editors save as fast as the server answers, each its own assessment; the
 *   floor (/healthz) is measured in the same seconds, under the same load. Budget: p95 ≤ 2× that floor.
 * - Big work beside small work: a 200,000-row portfolio export and a 50,000-row import (read, then
 *   confirmed) run while /healthz is asked every 20 ms. Budget: its p95 stays under 10× its idle p95.
 *   The server's peak memory (VmHWM) during the import alone and the write-ahead log after it are printed.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, statSync, existsSync } from "node:fs";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

export const BIG_EXPORT_ROWS = 200_000;
export const BIG_IMPORT_ROWS = 50_000;
const BIG_EMAIL = "beheerder@bench-groot.example.com";

/**
 * An insurer whose portfolio holds 200,000 imported practices (written directly: the bench measures
 * the export, not the seeding), signing in with the demo password.
 */
export async function seedBigPortfolio(db: Kysely<Database>, passwordHashFrom: string) {
  const { evaluateSignals } = await import("../app/domain/signals");
  const { storedSignalColumns } = await import("../app/models/signal-store.server");
  const { getQuestionnaire } = await import("../app/models/content.server");
  const parameters = getQuestionnaire(1).parameters;
  const now = new Date().toISOString();
  const orgId = randomUUID();
  const personId = randomUUID();
  const importId = randomUUID();
  const hash = (await db.selectFrom("person").select("password_hash").where("email", "=", passwordHashFrom).executeTakeFirstOrThrow()).password_hash;
  await db.transaction().execute(async (trx) => {
    // Verified (a portfolio is an insurer's only once the platform verified it) and a demo person (no second factor in demo mode).
    await trx
      .insertInto("organisation")
      .values({ id: orgId, kind: "zorgverzekeraar", name: "Benchmark Verzekeraar groot (fictief)", created_at: now, verification: "verified", verified_at: now, verification_basis: JSON.stringify({ checked: ["other"], note: "benchmark" }) })
      .execute();
    await trx.insertInto("person").values({ id: personId, email: BIG_EMAIL, name: "Benchmark beheerder", password_hash: hash, created_at: now, demo: 1 }).execute();
    await trx.insertInto("membership").values({ person_id: personId, organisation_id: orgId, role: "beheerder", created_at: now }).execute();
    await trx
      .insertInto("facts_import")
      .values({ id: importId, organisation_id: orgId, status: "confirmed", file_name: "groot.csv", source: "Benchmark (fictief)", source_date: now.slice(0, 10), row_count: BIG_EXPORT_ROWS, error_count: 0, preview: null, created_by: personId, created_at: now, decided_at: now })
      .execute();
    const CHUNK = 400;
    for (let start = 0; start < BIG_EXPORT_ROWS; start += CHUNK) {
      const practices = [];
      const facts = [];
      const entries = [];
      for (let i = start; i < Math.min(start + CHUNK, BIG_EXPORT_ROWS); i++) {
        const id = randomUUID();
        const signalFacts = {
          owner: i % 10 === 0 ? ("bestuurder" as const) : ("huisarts" as const),
          registeredPatients: 2000 + (i % 9000),
          huisartsHoursPerWeek: 40 + (i % 80),
          weekdaysPresent: ["ma", "di", "wo", "do", "vr"] as Array<"ma" | "di" | "wo" | "do" | "vr">,
          medicallyResponsibleGp: "ja" as const,
          governanceDocumented: i % 7 === 0 ? ("nee" as const) : ("ja" as const),
          hagro: "ja" as const,
          anw: "ja" as const,
          huisartsenWithoutDays: 0,
          huisartsen: null,
          ketenOrHolding: "nee" as const,
          nearbyCooperation: "ja" as const,
        };
        const { signal_results, ...signals } = storedSignalColumns(evaluateSignals(signalFacts, parameters), parameters.rulesVersion);
        practices.push({ id, organisation_id: null, keten_id: null, region_id: null, agb: String(40_000_000 + i), name: `Benchmarkpraktijk ${i}`, postcode: null, created_at: now, updated_at: now });
        facts.push({ id: randomUUID(), organisation_id: orgId, practice_id: id, import_id: importId, row_number: i + 2, name: `Benchmarkpraktijk ${i}`, keten_id: null, keten_name: null, region_id: null, facts: JSON.stringify(signalFacts), imported_at: now, ...signals, signal_results });
        entries.push({ organisation_id: orgId, practice_id: id, source: "import" as const, source_id: facts.at(-1)!.id, at: now, version_no: null, ...signals, has_self: 0, has_own: 0, has_import: 1, differs: 0 });
      }
      await trx.insertInto("practice").values(practices).execute();
      await trx.insertInto("imported_facts").values(facts).execute();
      await trx.insertInto("portfolio_entry").values(entries).execute();
    }
  });
  return { email: BIG_EMAIL };
}

/** A Dutch spreadsheet of `rows` practices new to the register (AGBs from `first`). */
export function importFile(rows: number, first: number) {
  const lines = ["agb;naam;eigenaar;ingeschreven_patienten;uren_huisarts_per_week;dagen_huisarts_fysiek_aanwezig;medisch_eindverantwoordelijke_huisarts;governance_vastgelegd;hagro;anw"];
  for (let i = 0; i < rows; i++) lines.push(`${first + i};Ingelezen praktijk ${i};huisarts;${3000 + (i % 6000)};${40 + (i % 60)},5;ma di wo do vr;ja;ja;ja;ja`);
  return Buffer.from("\ufeff" + lines.join("\r\n") + "\r\n");
}

interface Session {
  cookie: string;
  csrfToken: string;
}

/** The session's form token as its pages carry it (tokens are bound to the session). */
export async function sessionToken(base: string, session: Session) {
  const page = await fetch(`${base}/`, { headers: { Cookie: session.cookie } });
  return /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
}

/** Memory of a process: current resident set and its high-water mark (Linux), in MB. */
export function memoryOf(pid: number) {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return { rssMb: NaN, peakMb: NaN };
  const status = readFileSync(file, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export const walMb = (dbFile: string) => (existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size / 1024 / 1024 : 0);

/** Upload a spreadsheet (multipart, as the browser form sends it) and confirm its preview. */
export async function uploadAndConfirm(base: string, session: Session, file: Buffer, name: string) {
  const token = await sessionToken(base, session);
  const form = new FormData();
  form.set("csrf", token);
  form.set("source", "Benchmark (fictief)");
  form.set("sourceDate", new Date().toISOString().slice(0, 10));
  form.set("file", new Blob([new Uint8Array(file)], { type: "text/csv" }), name);
  const t0 = performance.now();
  const uploaded = await fetch(`${base}/portfolio/import`, { method: "POST", body: form, redirect: "manual", headers: { Cookie: session.cookie } });
  await uploaded.text();
  const previewMs = performance.now() - t0;
  const id = /\/portfolio\/import\/([0-9a-f-]{36})/.exec(uploaded.headers.get("location") ?? "")?.[1];
  if (uploaded.status !== 302 || !id) return { ok: false as const, note: `upload: ${uploaded.status}` };
  const t1 = performance.now();
  const confirmed = await fetch(`${base}/portfolio/import/${id}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: session.cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: token, _intent: "confirm" }),
  });
  await confirmed.text();
  const confirmMs = performance.now() - t1;
  if (confirmed.status !== 302) return { ok: false as const, note: `confirm: ${confirmed.status}` };
  return { ok: true as const, previewMs, confirmMs };
}

/** The whole portfolio as CSV: time, size and rows. */
export async function exportAll(base: string, session: Session) {
  const t0 = performance.now();
  const res = await fetch(`${base}/portfolio.csv?sort=name&dir=asc`, { headers: { Cookie: session.cookie } });
  let bytes = 0;
  let lines = 0;
  let firstByteMs = NaN;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - t0;
    bytes += chunk.byteLength;
    for (const b of chunk) if (b === 0x0a) lines++;
  }
  return { status: res.status, ms: performance.now() - t0, firstByteMs, mb: bytes / 1024 / 1024, rows: lines - 1 };
}

/** /healthz asked every `everyMs` until `until` resolves: the latencies the small work saw. */
export async function probeWhile(base: string, until: Promise<unknown>, everyMs = 20) {
  const samples: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const t = performance.now();
    const res = await fetch(`${base}/healthz`);
    await res.text();
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return samples;
}

/**
 * 50 editors, each on its own assessment, saving as fast as the server answers for `seconds`; the floor
 * is probed in the same seconds. Returns both sets of latencies.
 */
export async function autosaveUnderLoad(base: string, editors: Array<{ session: Session; assessmentId: string; token: string }>, seconds: number, fail: (note: string) => void) {
  const saves: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const editing = editors.map(async (editor, e) => {
    let revision = 0;
    let keep: number | null = null;
    let n = 0;
    while (performance.now() < deadline) {
      const value = ["ja", "deels"][n++ % 2]!;
      const body: URLSearchParams = new URLSearchParams({ csrf: editor.token, _section: "continuiteit", _only: "vaste-huisarts", "_rev.vaste-huisarts": String(keep ?? revision), "vaste-huisarts.choice": value, "vaste-huisarts.note": `editor ${e}` });
      if (keep !== null) body.set("_keep.vaste-huisarts", String(keep));
      const t = performance.now();
      const res: Response = await fetch(`${base}/assessments/${editor.assessmentId}/answers`, { method: "POST", body, headers: { Accept: "application/json", Cookie: editor.session.cookie } });
      const text = await res.text();
      saves.push(performance.now() - t);
      const json = JSON.parse(text) as { revisions?: Record<string, number>; conflicts?: Array<{ revision: number }> };
      // An assessment the insurer already had answers in: the editor keeps its own answer, as a person would.
      keep = res.status === 409 && json.conflicts?.[0] ? json.conflicts[0].revision : null;
      if (res.status !== 200 && keep === null) {
        fail(`autosave under load: ${res.status} ${text.slice(0, 120)}`);
        return;
      }
      revision = json.revisions?.["vaste-huisarts"] ?? revision;
    }
  });
  const floor = await probeWhile(base, Promise.all(editing), 10);
  return { saves, floor };
}
