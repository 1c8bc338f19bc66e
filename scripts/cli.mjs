#!/usr/bin/env node
/**
 * Runs a command-line tool from scripts/ as a plain-node bundle: bundled once with esbuild (and again
 * when a source is newer), so `npm run signals` starts in a fraction of tsx's on-the-fly compile, and
 * run in this same process.
 * Usage: node scripts/cli.mjs NAME [args…]  (NAME: a scripts/NAME.ts with its own main)
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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
  // esbuild is loaded only to rebuild: a start without changes should not pay for it.
  const { build } = await import("esbuild");
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

// The bundle runs in this process (a second Node start would cost a third of a second): it sees itself
// as the script being run, with its own arguments, as it would when started directly.
process.env.CONTENT_DIR ??= path.join(root, "content");
process.env.INIT_CWD ??= process.cwd();
process.argv = [process.argv[0], out, ...args];
await import(pathToFileURL(out).href);
