/** Browser tests: real Chromium against the built production server (see tests/e2e/server.ts). */
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    testTimeout: Number(process.env.E2E_TIMEOUT ?? 60_000),
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: "forks",
  },
});
