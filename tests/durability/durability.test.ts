/**
 * Nothing acknowledged is lost (issue 10, "Proof"): 50 clients autosave as fast as the server answers,
 * each its own question of one of two assessments (the practice's self-assessment, the insurer's
 * beoordeling); half-way the server is killed with SIGKILL and started again on the same database; the
 * clients carry on with the form tokens they had (the CSRF secret is kept with the database). Every save
 * the server answered 200 must then be in the database: the answer's revision at least the acknowledged
 * one, and at that revision exactly the acknowledged note. Last line:
 * `durability: N acknowledged, M present, K lost`.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEMO_PASSWORD, startServer, type TestServer } from "../e2e/harness";
import { Client, expectStatus, must } from "../isolation/helpers";

const CLIENTS = 50;
/** About 10 s of saving in all; on a slow machine longer, until enough saves were acknowledged (at most 25 s a phase). */
const BEFORE_KILL_MS = 5_000;
const AFTER_RESTART_MS = 5_000;
const ACKS_BEFORE_KILL = 300;
const ACKS_IN_ALL = 600;
const PHASE_LIMIT_MS = 25_000;
const LINDE_AGB = "01234567";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Ack {
  revision: number;
  note: string;
}

interface Writer {
  client: Client;
  assessmentId: string;
  section: string;
  questionId: string;
  acks: Ack[];
  revision: number;
  seq: number;
}

/** The statement questions of the questionnaire, each with its section (content/v1, as the server reads it). */
async function statementQuestions() {
  const { getQuestionnaire } = await import("~/models/content.server");
  return getQuestionnaire(1).sections.flatMap((s) => s.questions.filter((q) => q.type === "statement").map((q) => ({ section: s.id, id: q.id })));
}

/** One autosave as the section form sends it; on a conflict with its own unacknowledged write, it keeps its own. */
async function save(w: Writer, keep?: number): Promise<"ok" | "conflict" | "down"> {
  const note = `client ${w.questionId} ${w.seq}`;
  const form: Record<string, string> = {
    _intent: "autosave",
    _section: w.section,
    _only: w.questionId,
    [`${w.questionId}.choice`]: ["ja", "deels", "nee"][w.seq % 3]!,
    [`${w.questionId}.note`]: note,
    [`_rev.${w.questionId}`]: String(keep ?? w.revision),
  };
  if (keep !== undefined) form[`_keep.${w.questionId}`] = String(keep);
  let reply;
  try {
    reply = await w.client.post(`/assessments/${w.assessmentId}/answers`, form);
  } catch {
    return "down";
  }
  if (reply.status === 200) {
    const revision = (JSON.parse(reply.body) as { revisions: Record<string, number> }).revisions[w.questionId]!;
    w.revision = revision;
    w.acks.push({ revision, note });
    w.seq++;
    return "ok";
  }
  if (reply.status === 409) {
    // A write of ours that committed while its answer was lost in the kill: build on it explicitly.
    const conflict = (JSON.parse(reply.body) as { conflicts?: Array<{ revision: number }> }).conflicts?.[0];
    if (conflict) return save(w, conflict.revision).then((r) => (r === "ok" ? "ok" : "conflict"));
    return "conflict";
  }
  if (reply.status >= 500 || reply.status === 502) return "down";
  throw new Error(`unexpected ${reply.status} for ${w.questionId}: ${reply.body.slice(0, 200)}`);
}

test("every acknowledged save survives a kill -9 in the middle of 50 autosaving clients", async () => {
  const statements = await statementQuestions();
  expect(statements.length).toBeGreaterThanOrEqual(CLIENTS / 2);

  // Two assessments, two organisations: the practice's concept, and the insurer's own beoordeling.
  const starter = new Client(server.url, "verzekeraar");
  await starter.signIn("beheerder@voorbeeld-verzekeraar.example.com", DEMO_PASSWORD);
  const started = expectStatus(await starter.post("/?index", { _intent: "start-external", agb: LINDE_AGB }), 302, "the insurer starts a beoordeling");
  const beoordeling = must(/\/assessments\/([0-9a-f-]{36})/.exec(started.location ?? "")?.[1], "no beoordeling id");
  const linde = new Client(server.url, "praktijk");
  await linde.signIn("invuller@praktijk-de-linde.example.com", DEMO_PASSWORD);
  const concept = must(/\/assessments\/([0-9a-f-]{36})/.exec((await linde.get("/")).body)?.[1], "no self-assessment on De Linde's home page");

  const writers: Writer[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const practice = i % 2 === 0;
    const client = new Client(server.url, `writer-${i}`);
    await client.signIn(practice ? "invuller@praktijk-de-linde.example.com" : "invuller@voorbeeld-verzekeraar.example.com", DEMO_PASSWORD);
    await client.csrf();
    const q = statements[Math.floor(i / 2) % statements.length]!;
    writers.push({ client, assessmentId: practice ? concept : beoordeling, section: q.section, questionId: q.id, acks: [], revision: 0, seq: 0 });
  }

  let running = true;
  let down = 0;
  const loops = writers.map(async (w) => {
    while (running) {
      const result = await save(w);
      if (result === "down") {
        down++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  const acked = () => writers.reduce((n, w) => n + w.acks.length, 0);
  const phase = async (ms: number, enough: () => boolean) => {
    const start = Date.now();
    while (Date.now() - start < ms || (!enough() && Date.now() - start < PHASE_LIMIT_MS)) await new Promise((r) => setTimeout(r, 100));
  };
  await phase(BEFORE_KILL_MS, () => acked() >= ACKS_BEFORE_KILL);
  const ackedAtKill = acked();
  await server.kill();
  const restarted = await startServer({ dbFile: server.dbFile });
  // The clients were talking to the old address: from now on to the restarted server.
  for (const w of writers) w.client.base = restarted.url;
  server = restarted;
  await phase(AFTER_RESTART_MS, () => acked() >= ACKS_IN_ALL);
  running = false;
  await Promise.all(loops);
  const afterRestart = acked() - ackedAtKill;

  const check = new Database(server.dbFile, { readonly: true, fileMustExist: true });
  let acknowledged = 0;
  let present = 0;
  const lost: string[] = [];
  for (const w of writers) {
    const row = check
      .prepare("select value, revision from answer where assessment_id = ? and question_id = ?")
      .get(w.assessmentId, w.questionId) as { value: string; revision: number } | undefined;
    for (const ack of w.acks) {
      acknowledged++;
      const stored = row ? (JSON.parse(row.value) as { note?: string } | null) : null;
      const kept = row !== undefined && (row.revision > ack.revision || (row.revision === ack.revision && stored?.note === ack.note));
      if (kept) present++;
      else lost.push(`${w.questionId} revision ${ack.revision} "${ack.note}" (stored: ${row ? `${row.revision} ${row.value}` : "nothing"})`);
    }
  }
  check.close();
  console.log(`durability detail: ${ackedAtKill} acknowledged before the kill, ${afterRestart} after the restart, ${down} requests met a stopped server`);
  console.log(`durability: ${acknowledged} acknowledged, ${present} present, ${lost.length} lost`);
  expect(lost).toEqual([]);
  expect(acknowledged).toBeGreaterThanOrEqual(500);
  expect(afterRestart, "the clients' form tokens still work after the restart").toBeGreaterThan(0);
});
