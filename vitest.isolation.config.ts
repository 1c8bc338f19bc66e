/**
 * The tenant-isolation proof (`npm run test:isolation`): plain HTTP against the built production server
 * (run `npm run build` first). The last line of the run is the suite's count: `isolation: N checks, M leaks`.
 */
import type { Reporter } from "vitest/reporters";
import { defineConfig } from "vitest/config";

/** Repeats the suite's closing line after vitest's own summary, so it is the run's last line. */
class IsolationLine implements Reporter {
  private line: string | null = null;

  onUserConsoleLog(log: { content: string }) {
    const match = /^isolation: \d+ checks, \d+ leaks$/m.exec(log.content);
    if (match) this.line = match[0];
  }

  onFinished() {
    if (this.line) process.stdout.write(`${this.line}\n`);
  }
}

export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    include: ["tests/isolation/**/*.test.ts"],
    // One test sends thousands of probes (every route × every actor): minutes on two shared cores, never a background overlap.
    testTimeout: Number(process.env.ISOLATION_TIMEOUT ?? 600_000),
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: "forks",
    // npm test asks for a JSON report too (VITEST_JSON_REPORT), without losing the closing line.
    reporters: [
      "default",
      ...(process.env.VITEST_JSON_REPORT ? [["json", { outputFile: process.env.VITEST_JSON_REPORT }] as ["json", { outputFile: string }]] : []),
      new IsolationLine(),
    ],
  },
});
