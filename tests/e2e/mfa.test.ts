/**
 * Signing in at ASVS 5.0 level 2 in real Chromium against the built server, axe on every page visited:
 * a person made in demo mode (invited as an insurer's beheerder) enrols an authenticator app before
 * anything else; signs in with a code, then with a recovery code; changes the password (other sessions
 * end); tries that come too fast are told to wait in minutes; a passkey is added and used through
 * Chromium's virtual authenticator (WebAuthn over CDP). The seeded demo people still sign in in one step.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { enrolTotp, expectAccessible, expectMail, followMail, newContext, signIn, totpCode, useServerAndBrowser } from "./harness";

const env = useServerAndBrowser();

const NEW = "nieuwe.beheerder@example.com";
let password = "Twaalf-kieviten-op-het-Groene-Hart-1953";
let secret = "";
let recovery: string[] = [];

async function signInWithPassword(page: Page, base: string, email: string, pw: string) {
  await page.goto(base + "/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(pw);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

describe("two-step verification", () => {
  test("enrolment before anything else; sign-in with a code, with a recovery code; a password change ends the other sessions", async () => {
    // A demo beheerder (no second factor in the demo, said on the sign-in page) invites a new beheerder.
    const demo = await (await newContext(env.browser)).newPage();
    await signIn(demo, env.server, "beheerder@voorbeeld-verzekeraar.example.com");
    await demo.goto(env.server.url + "/organisation");
    await demo.getByLabel("E-mailadres").fill(NEW);
    await demo.getByLabel("Rol", { exact: true }).selectOption("beheerder");
    await demo.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await demo.waitForURL(/notice=invited/);

    const a = await (await newContext(env.browser)).newPage();
    await followMail(a, env.server, NEW, /Uitnodiging voor Kernwaardenscan/);
    await a.getByLabel("Uw naam").fill("Nieuwe Beheerder");
    await a.getByLabel("Wachtwoord", { exact: true }).fill(password);
    await a.getByLabel("Herhaal het wachtwoord").fill(password);
    await a.getByRole("button", { name: "Account aanmaken en aansluiten" }).click();
    // Nothing else opens before the enrolment.
    await a.waitForURL(/\/security\/setup\?redirectTo=%2F$/);
    expect((await a.goto(env.server.url + "/portfolio"))?.url()).toMatch(/\/security\/setup\?redirectTo=%2Fportfolio$/);
    ({ secret, codes: recovery } = await enrolTotp(a));
    await a.waitForURL(env.server.url + "/portfolio");
    await expectAccessible(a);
    expect(await (await expectMail(demo, env.server, NEW, /Authenticator-app ingesteld/)).textContent()).toContain("Was u dit niet?");

    // Signing in again: the password, then a code (a later one than the enrolment's; a wrong one is refused).
    await a.getByRole("button", { name: "Uitloggen" }).click();
    await signInWithPassword(a, env.server.url, NEW, password);
    await a.waitForURL(/\/login\/verify\?redirectTo=%2F$/);
    await expectAccessible(a);
    await a.getByLabel("Code uit uw authenticator-app").fill("000000");
    await a.getByRole("button", { name: "Bevestigen", exact: true }).click();
    await expect.poll(() => a.locator("#mfa-code-error").textContent()).toContain("klopt niet");
    await expectAccessible(a);
    await a.getByLabel("Code uit uw authenticator-app").fill(totpCode(secret, Date.now() + 30_000));
    await a.getByRole("button", { name: "Bevestigen", exact: true }).click();
    await a.waitForURL(env.server.url + "/");

    // Another browser, with a recovery code: it works once, says how many are left, and is mailed.
    const b = await (await newContext(env.browser)).newPage();
    await signInWithPassword(b, env.server.url, NEW, password);
    await b.waitForURL(/\/login\/verify/);
    await b.getByText("Geen toegang tot uw app of passkey? Gebruik een herstelcode").click();
    await b.getByLabel("Herstelcode", { exact: true }).fill(recovery[0]!);
    await b.getByRole("button", { name: "Inloggen met herstelcode" }).click();
    await b.waitForURL(/\/security\?notice=recoveryUsed&left=9$/);
    expect(await b.getByRole("status").textContent()).toContain("U heeft er nog 9");
    await expectAccessible(b);
    await expectMail(demo, env.server, NEW, /Herstelcode gebruikt/);

    // Changing the password: the current one again (a wrong one is refused); every other session ends.
    await b.goto(env.server.url + "/security");
    await b.getByLabel("Huidig wachtwoord").fill("Niet-het-goede-wachtwoord-1");
    await b.getByLabel("Nieuw wachtwoord", { exact: true }).fill("Dertien-grutto's-in-de-Eempolder-2026");
    await b.getByLabel("Herhaal het nieuwe wachtwoord").fill("Dertien-grutto's-in-de-Eempolder-2026");
    await b.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await expect.poll(() => b.locator("#current-error").textContent()).toContain("klopt niet");
    await b.getByLabel("Huidig wachtwoord").fill(password);
    await b.getByLabel("Nieuw wachtwoord", { exact: true }).fill("Dertien-grutto's-in-de-Eempolder-2026");
    await b.getByLabel("Herhaal het nieuwe wachtwoord").fill("Dertien-grutto's-in-de-Eempolder-2026");
    await b.getByRole("button", { name: "Wachtwoord wijzigen" }).click();
    await b.waitForURL(/notice=passwordChanged/);
    expect(await b.getByRole("status").textContent()).toContain("overal elders uitgelogd");
    password = "Dertien-grutto's-in-de-Eempolder-2026";
    await a.goto(env.server.url + "/organisation");
    expect(new URL(a.url()).pathname).toBe("/login");
  });

  test("tries that come too fast wait a growing delay, told in minutes with Retry-After; the demo people still sign in in one step", async () => {
    const page = await (await newContext(env.browser)).newPage();
    let refused = "";
    for (let i = 0; i < 10 && !refused; i++) {
      const reply = await page.request.post(env.server.url + "/login", {
        form: { csrf: await csrfOf(page), email: "lezer@voorbeeld-toezicht.example.com", password: `fout-${i}`, redirectTo: "/" },
        maxRedirects: 0,
      });
      if (reply.status() === 429) {
        expect(Number(reply.headers()["retry-after"])).toBeGreaterThan(0);
        refused = await reply.text();
      } else expect(reply.status()).toBe(400);
    }
    // The page itself says it, in the person's words: "probeer het over 1 minuut opnieuw".
    expect(refused).toContain("Te veel mislukte pogingen");
    expect(refused).toMatch(/Probeer het over \d+ (minuut|minuten) opnieuw/);

    // A seeded demo person elsewhere: one step, as the sign-in page says.
    await page.goto(env.server.url + "/login");
    expect(await page.locator("main").textContent()).toContain("loggen in zonder tweestapsverificatie");
    await signIn(page, env.server, "invuller@praktijk-de-linde.example.com");
  });

  test("a passkey is added after a fresh sign-in and then signs in (Chromium's virtual authenticator)", async () => {
    // WebAuthn needs a host name: the server's APP_URL is http://localhost:PORT.
    const base = env.server.url.replace("127.0.0.1", "localhost");
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await signInWithPassword(page, base, NEW, password);
    await page.waitForURL(/\/login\/verify/);
    await page.getByText("Geen toegang tot uw app of passkey? Gebruik een herstelcode").click();
    await page.getByLabel("Herstelcode", { exact: true }).fill(recovery[1]!);
    await page.getByRole("button", { name: "Inloggen met herstelcode" }).click();
    await page.waitForURL(/\/security\?notice=recoveryUsed/);
    await page.getByRole("link", { name: "Tweede factor toevoegen" }).click();
    await page.waitForURL(/\/security\/setup$/);
    await expectAccessible(page);
    await page.getByLabel("Naam van deze passkey").fill("Testsleutel");
    await page.getByRole("button", { name: "Passkey toevoegen" }).click();
    // The URL changes as the navigation starts to commit: wait for the page itself.
    await page.locator("main", { hasText: "Testsleutel" }).waitFor();
    expect(page.url()).toMatch(/\/security\?notice=enrolled$/);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await signInWithPassword(page, base, NEW, password);
    await page.waitForURL(/\/login\/verify/);
    await page.getByRole("button", { name: "Bevestigen met passkey" }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator(".site-header .who").textContent()).toContain("Nieuwe Beheerder (beheerder)");
    await context.close();
  });
});

/** The CSRF token of the sign-in page (a hand-made post carries it, as a form would). */
async function csrfOf(page: Page) {
  if (!page.url().includes("/login")) await page.goto(env.server.url + "/login");
  return page.locator('input[name="csrf"]').first().inputValue();
}
