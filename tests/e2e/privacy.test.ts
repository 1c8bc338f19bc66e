/**
 * The organisation's data is its own (issue 10, point 6), in real Chromium against the built server:
 * a freshly signed-up practice's beheerder downloads all its data as JSON and closes the organisation,
 * without JavaScript; then the account is gone. The erase pages of a demo beheerder are scanned too.
 * axe on every page visited.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD, enrolTotp, expectAccessible, followMail, newContext, signIn, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();

const ORGANISATION = "Praktijk Sluitproef (test)";
const EMAIL = "sluit@sluitproef.example.com";
const PASSWORD = "Zes sluizen sluiten stipt om zeven";

describe("the organisation's data", () => {
  test("a beheerder downloads the JSON and closes a new organisation, without JavaScript", async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();

    // Sign-up and /organisation (with its new section) are scanned by account.test.ts; each scan costs a page here.
    await page.goto(env.server.url + "/signup");
    await page.getByLabel("Naam van de organisatie").fill(ORGANISATION);
    await page.getByLabel("Soort organisatie").selectOption("praktijk");
    // A praktijk signs up with its AGB (issue 11); one no other practice holds.
    await page.getByLabel("AGB-code van de praktijk").fill("0199 7731");
    await page.getByLabel("Uw naam").fill("Sam Sluiter");
    await page.getByLabel("E-mailadres").fill(EMAIL);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    // Sign-up is confirmed by mail, and a beheerder sets up a second factor first (issue 11).
    await page.waitForURL(/\/signup\?sent=1$/);
    await followMail(page, env.server, EMAIL, /Bevestig uw aanmelding/);
    await page.getByRole("button", { name: "Aanmelding bevestigen" }).click();
    await enrolTotp(page);
    await page.waitForURL(env.server.url + "/");

    await page.goto(env.server.url + "/organisation");
    await page.getByRole("link", { name: "Gegevens downloaden, mensen wissen, de organisatie sluiten" }).click();
    await page.waitForURL(env.server.url + "/organisation/privacy");
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Gegevens downloaden (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kernwaardenscan-praktijk-sluitproef-test-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await download.path())!, "utf8");
    const doc = JSON.parse(text);
    expect(doc.organisation).toMatchObject({ name: ORGANISATION, kind: "praktijk" });
    expect(doc.people).toEqual([expect.objectContaining({ name: "Sam Sluiter", email: EMAIL, role: "beheerder" })]);
    expect(doc.auditEvents.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["organisation.signed-up", "organisation.exported"]));
    expect(text).not.toContain("$argon2");

    await page.getByRole("link", { name: "De organisatie sluiten…" }).click();
    await page.waitForURL(env.server.url + "/organisation/close");
    await expect.poll(() => page.locator("h1").textContent()).toBe(`${ORGANISATION} sluiten`);

    // A name that is not the organisation's: refused, the message beside the field, nothing closed.
    const name = page.getByLabel("Typ de naam van de organisatie ter bevestiging");
    await name.fill("Praktijk Sluitproef");
    await page.getByLabel("Uw wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "De organisatie definitief sluiten" }).click();
    await expect.poll(() => page.locator("#confirmName-error").textContent()).toContain("niet de naam van de organisatie");
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect(await name.inputValue()).toBe("Praktijk Sluitproef");
    // The page with its error: the fuller of its two states.
    await expectAccessible(page);

    await name.fill(ORGANISATION.toLowerCase());
    await page.getByLabel("Uw wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "De organisatie definitief sluiten" }).click();
    await page.waitForURL(env.server.url + "/erased?what=organisation");
    expect(await page.getByRole("status").textContent()).toContain("De organisatie is gesloten");
    await expectAccessible(page);

    // Signed out, and the account is gone: its password opens nothing.
    await page.goto(env.server.url + "/organisation");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByLabel("E-mailadres").fill(EMAIL);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => page.locator("#login-error").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  test("the erase pages a demo beheerder sees: a member's, and their own (blocked as the last beheerder)", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, env.server, "beheerder@praktijk-de-linde.example.com", DEMO_PASSWORD);
    await page.goto(env.server.url + "/organisation/privacy");
    await page.getByRole("link", { name: /^Demo lezer .* wissen$/ }).click();
    await page.waitForURL(/\/organisation\/members\/[0-9a-f-]{36}\/erase$/);
    // A client-side navigation: the URL changes before the new page has rendered.
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Demo lezer .* wissen$/);
    expect(await page.locator(".callout").textContent()).toContain("lezer@praktijk-de-linde.example.com");
    // Without the password: refused beside the field, the member still there.
    await page.getByRole("button", { name: /definitief wissen$/ }).click();
    await expect.poll(() => page.locator("#password-error").textContent()).toContain("Vul uw wachtwoord in");
    await expectAccessible(page);

    await page.goto(env.server.url + "/account/erase");
    expect(await page.locator(".callout").textContent()).toContain("laatste beheerder van Huisartsenpraktijk De Linde (demo)");
    expect(await page.getByRole("button", { name: "Mijn account definitief wissen" }).count()).toBe(0);
    await expectAccessible(page);
    // The refused form's 400 is the browser's own console line about the response; nothing else may be there.
    expect(consoleErrors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});
