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

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", secure: req.secure }),
  }),
);

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
