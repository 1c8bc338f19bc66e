/**
 * The production server: Express serving the Remix build. Our own (rather than remix-serve) so the
 * client's address reaches Remix for the per-address sign-in limit, and static files get our headers.
 * PORT (default 3000), HOST (default all interfaces), TRUST_PROXY=true behind a reverse proxy.
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
const host = process.env.HOST;
const server = app.listen(port, host, () => {
  console.log(`Kernwaardenscan listening on http://${host ?? "localhost"}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections: do not wait for them.
    setTimeout(() => process.exit(0), 500).unref();
  });
}
