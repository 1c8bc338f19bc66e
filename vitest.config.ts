/**
 * Every test suite, one config (kept apart from vite.config.ts so the Remix plugin stays out), one
 * project per suite; `npm test` (scripts/test-all.mjs) runs them in order with `--project`:
 * - unit: unit, model and content tests, each file in its own process with a fresh in-memory database;
 * - isolation, fuzz, durability: plain HTTP against the built production server (`npm run build`
 *   first), one file at a time, each printing its own closing line (`isolation: …`, `fuzz: …`,
 *   `durability: …`), repeated last by the ClosingLine reporter;
 * - e2e: real Chromium against the built server (tests/e2e/harness.ts).
 */
import { defineConfig } from "vitest/config";
import { ClosingLine } from "./tests/setup/closing-line";

const serverSuite = (name: string, include: string, testTimeout: number) => ({
  extends: true as const,
  test: { name, include: [include], testTimeout, hookTimeout: 120_000, fileParallelism: false, pool: "forks" as const },
});

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    // npm test asks for a JSON report too (VITEST_JSON_REPORT), without losing the closing lines.
    reporters: [
      "default",
      ...(process.env.VITEST_JSON_REPORT ? [["json", { outputFile: process.env.VITEST_JSON_REPORT }] as ["json", { outputFile: string }]] : []),
      new ClosingLine([/^isolation: \d+ checks, \d+ leaks$/m, /^fuzz: \d+ requests, \d+ server errors, \d+ invalid rows stored$/m, /^durability: \d+ acknowledged, \d+ present, \d+ lost$/m]),
    ],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "content/**/*.test.ts", "tests/unit/**/*.test.ts", "scripts/**/*.test.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          environment: "node",
          env: { DATABASE_PATH: ":memory:", SEED_DEMO: "false", NODE_ENV: "test" },
          pool: "forks",
        },
      },
      // One isolation test sends thousands of probes (every route × every actor): minutes on two shared cores.
      serverSuite("isolation", "tests/isolation/**/*.test.ts", Number(process.env.ISOLATION_TIMEOUT ?? 600_000)),
      serverSuite("fuzz", "tests/fuzz/**/*.test.ts", 120_000),
      serverSuite("durability", "tests/durability/**/*.test.ts", 120_000),
      {
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: Number(process.env.E2E_TIMEOUT ?? 60_000), hookTimeout: 90_000, fileParallelism: false, pool: "forks" },
      },
    ],
  },
});
