/** Unit, model and content tests. Kept apart from vite.config.ts so the Remix plugin stays out. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "content/**/*.test.ts", "tests/unit/**/*.test.ts", "scripts/**/*.test.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    environment: "node",
    // Each test file runs in its own process with a fresh, migrated in-memory database.
    env: { DATABASE_PATH: ":memory:", SEED_DEMO: "false", NODE_ENV: "test" },
    pool: "forks",
  },
});
