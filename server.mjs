/**
 * The production server: Express serving the Remix build. Our own (rather than remix-serve) so the
 * client's address reaches Remix for the per-address sign-in limit, and static files get our headers.
 * PORT (default 3000), HOST (default 127.0.0.1 in demo mode, all interfaces otherwise), TRUST_PROXY=true
 * behind a reverse proxy.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/server/index.js"));

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "true") app.set("trust proxy", true);

// Static files get nosniff here; documents and data get their headers from entry.server.
const nosniff = (res) => res.setHeader("X-Content-Type-Options", "nosniff");
// Fingerprinted assets never change; everything else in public/ for an hour.
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y", setHeaders: nosniff }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h", setHeaders: nosniff }));

// Requests refused before they reach the app: a method the app has no use for, a body larger than the
// largest upload, a Host or path that is not a URL. The app checks each form's own limit while reading.
// The largest body the app takes: a 10 MB spreadsheet with its form (app/utils/request-body.server.ts).
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024 + 64 * 1024;
const refuse = (res, status, reason) => {
  res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Refused": reason });
  res.end(reason);
};

/**
 * An answer that went out before its request's body was read (a refusal, a redirect to sign in, an
 * oversized body): the rest is thrown away, never buffered, so the connection can carry the next
 * request and the client reads the answer. Closing at once would reset the connection under the
 * client's feet and lose the answer; so at most DISCARD_LIMIT_BYTES are drained, and an oversized
 * body's connection is closed after a short linger.
 */
const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;
// Long enough for a client on a busy machine to finish sending what it started (it reads the answer after).
const LINGER_MS = 10_000;
function closeGently(socket) {
  if (socket.destroyed) return;
  socket.end();
  setTimeout(() => socket.destroy(), 1000).unref();
}
app.use((req, res, next) => {
  res.on("finish", () => {
    if (req.complete || req.destroyed) return;
    let discarded = 0;
    req.removeAllListeners("data");
    req.on("data", (chunk) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT_BYTES) closeGently(req.socket);
    });
    req.resume();
    if (res.statusCode === 413) setTimeout(() => closeGently(req.socket), LINGER_MS).unref();
  });
  next();
});
/** The Origin names the host the request was sent to (X-Forwarded-Host first, as Remix reads it). */
function sameOrigin(req) {
  const host = (req.headers["x-forwarded-host"]?.split(",")[0] ?? req.headers.host ?? "").trim();
  try {
    return host !== "" && new URL(req.headers.origin).host === host;
  } catch {
    return false;
  }
}

app.use((req, res, next) => {
  if (!["GET", "HEAD", "POST"].includes(req.method)) return refuse(res, 405, "method");
  const length = req.headers["content-length"];
  if (length !== undefined && !(Number(length) <= UPLOAD_LIMIT_BYTES)) return refuse(res, 413, "too-large");
  try {
    new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
    decodeURIComponent(req.path);
  } catch {
    return refuse(res, 400, "malformed");
  }
  // A post from another origin is refused here, as Remix itself would refuse it (by throwing).
  if (req.method === "POST" && req.headers.origin !== undefined && !sameOrigin(req)) return refuse(res, 403, "csrf");
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", secure: req.secure }),
  }),
);

// Whatever still fails inside a request: a 4xx for what the client sent wrong, otherwise a plain 500
// that says nothing about the server (the details go to the log).
// Express knows an error handler by its four parameters.
app.use((error, _req, res, _next) => {
  const clientError = error instanceof URIError || error?.type === "entity.parse.failed" || (error?.status >= 400 && error?.status < 500);
  if (!clientError) console.error(error);
  if (res.headersSent) return res.end();
  refuse(res, clientError ? (error?.status >= 400 && error?.status < 500 ? error.status : 400) : 500, clientError ? "malformed" : "error");
});

const port = Number(process.env.PORT ?? 3000);
// Demo mode (on unless DEMO_MODE says otherwise, outside production) stays on this machine: loopback only unless HOST is set.
const demo = process.env.DEMO_MODE ? ["true", "1"].includes(process.env.DEMO_MODE) : process.env.NODE_ENV !== "production";
const host = process.env.HOST || (demo ? "127.0.0.1" : undefined);
const server = app.listen(port, host, () => {
  console.log(`Kernwaardenscan listening on http://${host ?? "localhost"}:${port}`);
  if (demo && !/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host ?? "")) {
    console.warn(`WARNING: demo mode is reachable from other machines (HOST=${host ?? "all interfaces"}). Its sign-ins are published and its data is fictitious: keep it on this machine (unset HOST) and never put real organisations or people in it.`);
  }
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections: do not wait for them.
    setTimeout(() => process.exit(0), 500).unref();
  });
}
