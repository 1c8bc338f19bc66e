/**
 * Browser-test harness: the built production server on a free port with a fresh demo database, and
 * Debian's Chromium driven by playwright-core (no browser download). Every page visited is scanned by axe.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import * as OTPAuth from "otpauth";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface TestServer {
  url: string;
  dbFile: string;
  /** The server's own output so far (for a failing test's message). */
  output: () => string;
  /** The server's process id (to read its memory, or to kill it). */
  pid: number;
  stop: () => Promise<void>;
  /** `kill -9`: no shutdown of any kind; the database folder stays for a restart. */
  kill: () => Promise<void>;
}

/**
 * The built production server in demo mode on a free port. A fresh database in a new folder, unless
 * `dbFile` names one to reuse (a restart after a kill); `env` adds or overrides variables.
 */
export async function startServer(options: { dbFile?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const serverBuild = path.join(root, "build/server/index.js");
  if (!existsSync(serverBuild)) throw new Error("build/server/index.js is missing: run `npm run build` first");
  const dir = options.dbFile ? path.dirname(options.dbFile) : mkdtempSync(path.join(tmpdir(), "kws-e2e-"));
  const dbFile = options.dbFile ?? path.join(dir, "e2e.db");
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      INSECURE_COOKIES: "true",
      DEMO_MODE: "true",
      DATABASE_PATH: dbFile,
      SEED_DEMO: "true",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
  return {
    url,
    dbFile,
    output: () => output,
    pid: child.pid!,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** Contexts with JavaScript off, whose pages axe cannot run in (it needs to evaluate a script). */
const noScriptContexts = new WeakSet<BrowserContext>();

export async function newContext(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, locale: "nl-NL" });
  // A step that cannot happen fails fast with its locator, instead of the whole test timing out.
  context.setDefaultTimeout(10_000);
  if (options.javaScriptEnabled === false) noScriptContexts.add(context);
  return context;
}

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Every rule of WCAG 2.2 A/AA runs; only violations are reported in detail (resultTypes), which spares
 * axe describing every passing node and makes a scan several times faster.
 */
const axe = (page: Page) => new AxeBuilder({ page }).options({ runOnly: { type: "tag", values: WCAG }, resultTypes: ["violations"] });

/** Every page visited: a title naming the page (WCAG 2.4.2), and 0 axe violations against WCAG 2.2 A/AA. */
export async function expectAccessible(page: Page) {
  expect(await page.title(), `title of ${page.url()}`).toMatch(/^\S.* — Kernwaardenscan$/);
  if (noScriptContexts.has(page.context())) return expectAccessibleWithoutScripts(page);
  const result = await axe(page).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Fails the test on a browser console error or an uncaught page error. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}

/**
 * A page rendered with JavaScript off: its exact DOM is copied into a scanning page whose own app
 * scripts are blocked (so it stays the no-JavaScript rendering) and axe scans that.
 */
async function expectAccessibleWithoutScripts(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const scanContext = await browser.newContext();
  await scanContext.route("**/*.js", (route) => route.abort());
  const scanPage = await scanContext.newPage();
  const url = new URL(page.url());
  await scanContext.route(url.origin + "/__scan", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: "<!doctype html><html><body></body></html>" }),
  );
  await scanPage.goto(url.origin + "/__scan");
  const html = await page.content();
  await scanPage.setContent(html.replace(/<script\b[\s\S]*?<\/script>/gi, ""), { waitUntil: "load" });
  try {
    const result = await axe(scanPage).analyze();
    const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(summary, `axe violations on ${page.url()} (JavaScript off)`).toEqual([]);
  } finally {
    await scanContext.close();
  }
}

/**
 * One server and one browser for a test file, started before its tests and stopped after them.
 * The returned object's fields are filled once beforeAll has run.
 */
export function useServerAndBrowser() {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export const DEMO_PASSWORD = "Kernwaarden-demo-2026";
export const PRACTICE_INVULLER = "invuller@praktijk-de-linde.example.com";

/** The sign-in page is the same page for everyone: scanned once per test file, not at every sign-in. */
let signInScanned = false;

/** Signs in through the real form (axe on the sign-in page, the first time); lands on the home page. */
export async function signIn(page: Page, server: TestServer, email: string, password = DEMO_PASSWORD) {
  await page.goto(server.url + "/login");
  if (!signInScanned || noScriptContexts.has(page.context())) {
    await expectAccessible(page);
    signInScanned = true;
  }
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL(server.url + "/");
}

/** Signs in as the demo practice's invuller and opens its self-assessment (axe on the way); returns its URL. */
export async function openDemoAssessment(page: Page, server: TestServer) {
  await signIn(page, server, PRACTICE_INVULLER);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Verder met de zelfevaluatie" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  return page.url();
}

/** A code from an authenticator app holding `secret`, for the moment `at` (a later step than one already used: now + 30 s). */
export const totpCode = (secret: string, at = Date.now()) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at });

/** Opens /outbox until a mail to `recipient` whose subject matches is there (mail may go out after the answer); returns it. */
export async function expectMail(page: Page, server: TestServer, recipient: string, subject: RegExp) {
  const mail = page.locator("article.mail").filter({ hasText: recipient }).filter({ has: page.locator("h2", { hasText: subject }) });
  await expect
    .poll(
      async () => {
        await page.goto(server.url + "/outbox");
        return mail.count();
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBeGreaterThan(0);
  return mail.first();
}

/** The newest such mail, its first link followed. */
export async function followMail(page: Page, server: TestServer, recipient: string, subject: RegExp) {
  const mail = await expectMail(page, server, recipient, subject);
  await mail.locator(".mail-body a").first().click();
  await page.waitForLoadState("load");
}

/**
 * The forced (or chosen) enrolment of an authenticator app on /security/setup, as a person does it: the
 * key beside the QR code goes into the "app", its code confirms, the ten recovery codes are "saved".
 * axe on both pages. Returns the secret and the recovery codes.
 */
export async function enrolTotp(page: Page) {
  await page.waitForURL(/\/security\/setup/);
  await expectAccessible(page);
  expect(await page.getByRole("img", { name: "QR-code om uw account aan een authenticator-app toe te voegen" }).getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  const secret = ((await page.locator("code.totp-secret").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Code uit de app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Instellen" }).click();
  await page.waitForURL(/\/security\/recovery-codes/);
  await expectAccessible(page);
  const codes = await page.locator("ol.recovery-codes li").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: "Ik heb de codes bewaard" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/security/recovery-codes"));
  return { secret, codes };
}

/**
 * `npm run admin:create` against the test server's database (its mail lands in the same outbox); the
 * new platform beheerder follows the mailed link in `page` and chooses its password. Returns the password.
 */
export async function createPlatformAdmin(page: Page, server: TestServer, email: string, name = "Platformbeheerder (test)") {
  await promisify(execFile)(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/admin-create.ts", "--email", email, "--name", name], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: server.dbFile, PORT: new URL(server.url).port, NODE_ENV: "production", DEMO_MODE: "true", SEED_DEMO: "false", INSECURE_COOKIES: "true" },
  });
  await page.goto(server.url + "/outbox");
  const mail = page.locator("article.mail").filter({ hasText: email }).first();
  await mail.locator(".mail-body a").first().click();
  await page.waitForURL(/\/reset-password\?token=/);
  const password = "Negen-lepelaars-op-de-Marker-Wadden-2026";
  await page.getByLabel("Nieuw wachtwoord").fill(password);
  await page.getByLabel("Herhaal het wachtwoord").fill(password);
  await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
  // A second factor from the first sign-in, before anything else.
  const { secret } = await enrolTotp(page);
  await page.waitForURL(server.url + "/beheer");
  return { password, secret };
}
