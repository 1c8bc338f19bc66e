#!/usr/bin/env node
/**
 * Runs a command-line tool from scripts/ as a plain-node bundle: bundled once with esbuild (and again
 * when a source is newer), so `npm run signals` starts in a fraction of tsx's on-the-fly compile.
 * Usage: node scripts/cli.mjs NAME [args…]  (NAME: a scripts/NAME.ts with its own main)
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [name, ...args] = process.argv.slice(2);
const entry = path.join(root, "scripts", `${name}.ts`);
if (!name || !existsSync(entry)) {
  console.error(`unknown command: ${name ?? ""}`);
  process.exit(2);
}
const out = path.join(root, "build", "cli", `${name}.mjs`);

function newest(dir) {
  let latest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    latest = Math.max(latest, item.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const stale = !existsSync(out) || Math.max(newest(path.join(root, "app")), statSync(entry).mtimeMs) > statSync(out).mtimeMs;
if (stale) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias: { "~": path.join(root, "app") },
    logLevel: "error",
  });
}

const child = spawn(process.execPath, [out, ...args], {
  stdio: "inherit",
  env: { ...process.env, CONTENT_DIR: process.env.CONTENT_DIR ?? path.join(root, "content"), INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
});
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
