/**
 * A reporter that repeats a suite's own closing line (`isolation: …`, `fuzz: …`, `durability: …`)
 * after vitest's summary, so it is the run's last line, and a config for such a suite: plain HTTP
 * against the built production server, one file at a time.
 */
import type { Reporter } from "vitest/reporters";
import { defineConfig } from "vitest/config";

export class ClosingLine implements Reporter {
  private line: string | null = null;

  constructor(private readonly pattern: RegExp) {}

  onUserConsoleLog(log: { content: string }) {
    const match = this.pattern.exec(log.content);
    if (match) this.line = match[0];
  }

  onFinished() {
    if (this.line) process.stdout.write(`${this.line}\n`);
  }
}

export function serverSuiteConfig(include: string, closingLine: RegExp, timeoutEnv?: string) {
  return defineConfig({
    resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname } },
    test: {
      include: [include],
      testTimeout: Number((timeoutEnv && process.env[timeoutEnv]) ?? 120_000),
      hookTimeout: 120_000,
      fileParallelism: false,
      pool: "forks",
      // npm test asks for a JSON report too (VITEST_JSON_REPORT), without losing the closing line.
      reporters: [
        "default",
        ...(process.env.VITEST_JSON_REPORT ? [["json", { outputFile: process.env.VITEST_JSON_REPORT }] as ["json", { outputFile: string }]] : []),
        new ClosingLine(closingLine),
      ],
    },
  });
}
