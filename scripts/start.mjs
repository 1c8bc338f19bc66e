#!/usr/bin/env node
/**
 * `npm start`: builds when the build is missing or older than the sources, then serves the production
 * build on http://localhost:3000 (PORT to change). The database is created, migrated and filled with
 * demo data on first start (data/kernwaardenscan.db, git-ignored).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverBuild = path.join(root, "build/server/index.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["app", "db", "public"].map((d) => path.join(root, d)).filter(existsSync);
const stale = !existsSync(serverBuild) || sources.some((dir) => newestMtime(dir) > statSync(serverBuild).mtimeMs);
if (stale) {
  console.log("Building the app…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const env = {
  ...process.env,
  PORT: process.env.PORT ?? "3000",
  NODE_ENV: process.env.NODE_ENV ?? "production",
  // Plain http on localhost for the demo; set INSECURE_COOKIES=false behind https.
  INSECURE_COOKIES: process.env.INSECURE_COOKIES ?? "true",
  // `npm start` is the demo launcher: demo data, demo sign-ins, local mail on /outbox.
  DEMO_MODE: process.env.DEMO_MODE ?? "true",
};
console.log(`Kernwaardenscan on http://localhost:${env.PORT}`);
const server = spawn(process.execPath, [path.join(root, "server.mjs")], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
