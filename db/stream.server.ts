/**
 * Reading a large result without holding up everyone else. better-sqlite3 is synchronous: a query
 * that sorts 200,000 rows blocks the server for as long as it takes, and an open cursor blocks the
 * connection. So a large read runs in a worker thread on its own read-only connection (SQLite in WAL
 * mode lets it read beside the server's writes, from one consistent snapshot) and hands the rows back
 * in batches, one batch at a time as the reader asks for them, so memory stays bounded too.
 * Dialect-specific, hence here; an in-memory database (tests) has no second connection and is read
 * in the same thread, in batches.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Compilable } from "kysely";
import { getEnv } from "../app/utils/env.server";
import { getDb } from "./index.server";

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
// One snapshot for the whole read, whatever is written meanwhile.
db.exec("begin");
const rows = db.prepare(workerData.sql).iterate(...workerData.parameters);
parentPort.on("message", (message) => {
  if (message !== "more") {
    rows.return();
    db.close();
    parentPort.close();
    return;
  }
  try {
    const batch = [];
    for (let next = rows.next(); !next.done; next = rows.next()) {
      batch.push(next.value);
      if (batch.length >= workerData.batchSize) break;
    }
    parentPort.postMessage({ rows: batch, done: batch.length < workerData.batchSize });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

const driver = createRequire(import.meta.url).resolve("better-sqlite3");

/**
 * The rows of a query, in batches of `batchSize`, read in a worker thread. Stop iterating (break,
 * return, an aborted response) and the worker is ended.
 */
export async function* streamRows<Row>(query: Compilable<Row>, batchSize = 500): AsyncGenerator<Row[]> {
  const compiled = query.compile();
  const file = getEnv().DATABASE_PATH;
  if (file === ":memory:") {
    const db = await getDb();
    const rows = (await db.executeQuery(compiled)).rows;
    for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
    return;
  }
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, sql: compiled.sql, parameters: compiled.parameters, batchSize } });
  const next = () =>
    new Promise<{ rows: Row[]; done: boolean }>((resolve, reject) => {
      const onMessage = (message: { rows?: Row[]; done?: boolean; error?: string }) => {
        worker.off("error", reject);
        if (message.error) reject(new Error(`streamed query failed: ${message.error}`));
        else resolve({ rows: message.rows ?? [], done: Boolean(message.done) });
      };
      worker.once("message", onMessage);
      worker.once("error", reject);
      worker.postMessage("more");
    });
  try {
    for (;;) {
      const { rows, done } = await next();
      if (rows.length > 0) yield rows;
      if (done) return;
    }
  } finally {
    worker.postMessage("close");
    // A worker that does not stop by itself (a reader that went away mid-batch) is ended.
    setTimeout(() => void worker.terminate(), 1000).unref();
  }
}
