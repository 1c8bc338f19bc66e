#!/usr/bin/env node
/**
 * `npm test`: every check in order — typecheck, lint, content, unit and model tests (real SQLite),
 * production build, the tenant-isolation suite, the hostile-input (fuzz) and durability suites,
 * browser tests in Chromium — then one closing line
 * counted from the results:
 * `N passed, N failed`. Typecheck, lint and build count as one check each.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const reports = mkdtempSync(path.join(tmpdir(), "kws-test-"));
let passed = 0;
let failed = 0;
const lines = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(name, command, args) {
  const { ok, seconds } = run(name, command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? "ok  " : "FAIL"} ${name} (${seconds} s)`);
  return ok;
}

function vitest(name, args, options = {}) {
  const file = path.join(reports, `${name}.json`);
  const { ok, seconds } = options.reportThroughEnv
    ? run(name, "npx", ["vitest", "run", ...args], { VITEST_JSON_REPORT: file })
    : run(name, "npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    failed++;
    lines.push(`FAIL ${name}: no results (${seconds} s)`);
    return false;
  }
  const p = report.numPassedTests ?? 0;
  const f = (report.numFailedTests ?? 0) + (ok || report.numFailedTests ? 0 : 1);
  passed += p;
  failed += f;
  lines.push(`${f === 0 ? "ok  " : "FAIL"} ${name}: ${p} passed, ${f} failed (${seconds} s)`);
  return f === 0;
}

check("typecheck", "npx", ["tsc", "--noEmit"]);
check("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
vitest("unit", ["--project", "unit"], { reportThroughEnv: true });
const built = check("build", "npm", ["run", "build"]);
if (built) {
  // Each prints its own closing line last (`isolation: …`, `fuzz: …`, `durability: …`); the JSON
  // report comes through the config.
  vitest("isolation", ["--project", "isolation"], { reportThroughEnv: true });
  vitest("fuzz", ["--project", "fuzz"], { reportThroughEnv: true });
  vitest("durability", ["--project", "durability"], { reportThroughEnv: true });
  vitest("e2e", ["--project", "e2e"], { reportThroughEnv: true });
} else lines.push("skip isolation, fuzz, durability and e2e: no build");

console.log("\n=== Summary");
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
