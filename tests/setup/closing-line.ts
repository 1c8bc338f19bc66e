/**
 * A reporter that repeats the server suites' own closing lines (`isolation: …`, `fuzz: …`,
 * `durability: …`) after vitest's summary, so they are the run's last lines.
 */
import type { Reporter } from "vitest/reporters";

export class ClosingLine implements Reporter {
  private readonly lines = new Map<RegExp, string>();

  constructor(private readonly patterns: RegExp[]) {}

  onUserConsoleLog(log: { content: string }) {
    for (const pattern of this.patterns) {
      const match = pattern.exec(log.content);
      if (match) this.lines.set(pattern, match[0]);
    }
  }

  onFinished() {
    for (const line of this.lines.values()) process.stdout.write(`${line}\n`);
  }
}
