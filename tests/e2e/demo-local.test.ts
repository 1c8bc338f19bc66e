/**
 * Demo mode stays on the machine (issue 11): the built server listens on 127.0.0.1 unless HOST is set,
 * and says so loudly when HOST makes the demo reachable from elsewhere. (That /outbox answers only the
 * loopback address is in tests/unit/account.test.ts.) No browser: the server's own start-up lines.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the built server with `env`, returns what it printed once it listens, and stops it. */
async function startupLines(env: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "kws-demo-local-"));
  const port = await freePort();
  const { HOST: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    env: { ...inherited, PORT: String(port), NODE_ENV: "production", INSECURE_COOKIES: "true", DEMO_MODE: "true", SEED_DEMO: "false", DATABASE_PATH: path.join(dir, "d.db"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 30_000;
  while (!/listening on/.test(output) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  // The warning comes right after the listening line, in the same callback.
  await new Promise((r) => setTimeout(r, 200));
  child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
  return output;
}

describe("demo mode stays on the machine", () => {
  test("without HOST it listens on 127.0.0.1 and warns of nothing", async () => {
    const output = await startupLines({});
    expect(output).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(output).not.toContain("WARNING");
  });

  test("with HOST=0.0.0.0 it warns that demo mode is reachable from other machines", async () => {
    const output = await startupLines({ HOST: "0.0.0.0" });
    expect(output).toContain("WARNING: demo mode is reachable from other machines (HOST=0.0.0.0)");
  });
});
