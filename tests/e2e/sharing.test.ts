/**
 * Sharing across organisations in real Chromium: an insurer requests, the practice submits and shares,
 * with the toezichthouder too, the insurer reads the frozen version, the practice revokes after confirming
 * on its own page (also without JavaScript) and the insurer gets 404. And the guards:
 * sign-in rate limit, a form without CSRF token refused.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_PASSWORD, expectAccessible, newContext, signIn, useServerAndBrowser } from "./harness";

const env = useServerAndBrowser();

async function as(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, env.server, email);
  return { context, page };
}

/** The version De Linde submits and shares in the first test; the second revokes what is left of it. */
let submittedUrl = "";

describe("sharing a self-assessment", () => {
  test("insurer requests, practice submits and shares, insurer reads the frozen version, practice revokes, insurer gets 404", async () => {
    const insurer = await as(env.browser, "beheerder@voorbeeld-verzekeraar.example.com");
    await expectAccessible(insurer.page);
    await insurer.page.getByLabel("AGB-code van de praktijk").last().fill("01234567");
    await insurer.page.getByLabel("Toelichting bij uw verzoek (niet verplicht)").fill("Voor het jaargesprek.");
    await insurer.page.getByRole("button", { name: "Zelfevaluatie aanvragen" }).click();
    await insurer.page.waitForURL(/done=requested/);
    await expect.poll(() => insurer.page.locator("#requests").textContent()).toContain("openstaand");

    const practice = await as(env.browser, "beheerder@praktijk-de-linde.example.com");
    expect(await practice.page.locator("#requests").textContent()).toContain("Voorbeeld Zorgverzekeraar (demo) vraagt om de zelfevaluatie");
    // Nothing submitted yet: accepting explains what to do first.
    await practice.page.getByRole("button", { name: "Delen met Voorbeeld Zorgverzekeraar (demo)" }).click();
    await expect.poll(() => practice.page.locator("#request-error").textContent()).toContain("Dien eerst een versie in");
    await practice.page.getByRole("link", { name: "Verder met de zelfevaluatie" }).click();
    await practice.page.getByRole("button", { name: "Versie indienen" }).click();
    await practice.page.waitForURL(/done=submitted/);
    await expect.poll(() => practice.page.locator("body").textContent()).toContain("deze versie ligt vast");
    await expectAccessible(practice.page);
    const assessmentUrl = practice.page.url().replace(/\?.*$/, "");
    submittedUrl = assessmentUrl;
    await practice.page.goto(env.server.url + "/");
    await practice.page.getByRole("button", { name: "Delen met Voorbeeld Zorgverzekeraar (demo)" }).click();
    await practice.page.waitForURL(/#sharing$/);
    expect(await practice.page.locator("#sharing").textContent()).toContain("Voorbeeld Zorgverzekeraar (demo)");
    // With several organisations at once: the toezichthouder too, by the form.
    expect(await practice.page.locator("#sharing").textContent()).not.toContain("één organisatie tegelijk");
    await practice.page.locator("#share-target").selectOption({ label: "Voorbeeld Toezichthouder (demo) (geverifieerd) (toezichthouder)" });
    await practice.page.getByRole("button", { name: "Delen", exact: true }).click();
    await practice.page.waitForURL(/done=shared/);
    expect(await practice.page.locator("ul.shares a").allTextContents()).toEqual([
      "Delen met Voorbeeld Toezichthouder (demo) intrekken",
      "Delen met Voorbeeld Zorgverzekeraar (demo) intrekken",
    ]);

    // The insurer reads it, read-only.
    await insurer.page.goto(env.server.url + "/");
    await expect.poll(() => insurer.page.locator("#requests").textContent()).toContain("gedeeld");
    await insurer.page.getByRole("link", { name: /Huisartsenpraktijk De Linde \(demo\) · versie 1/ }).click();
    await insurer.page.waitForURL(assessmentUrl);
    await expect.poll(() => insurer.page.locator("body").textContent()).toContain("gedeeld. U kunt haar lezen, niet wijzigen");
    await expectAccessible(insurer.page);
    await insurer.page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    expect(await insurer.page.getByLabel("Aantal ingeschreven patiënten").isDisabled()).toBe(true);
    await insurer.page.goto(`${assessmentUrl}/overview`);
    expect(await insurer.page.locator("article.signal").count()).toBe(5);
    await expectAccessible(insurer.page);

    // The practice revokes, after confirming on a page of its own; at once the insurer gets 404 on every page of it.
    await practice.page.goto(assessmentUrl);
    await practice.page.getByRole("link", { name: "Delen met Voorbeeld Zorgverzekeraar (demo) intrekken" }).click();
    await practice.page.waitForURL(/\/shares\/[0-9a-f-]{36}\/revoke$/);
    await expectAccessible(practice.page);
    expect(await practice.page.locator("main").textContent()).toContain("Vanaf dat moment kan Voorbeeld Zorgverzekeraar (demo) deze versie niet meer inzien");
    await practice.page.getByRole("button", { name: "Ja, delen met Voorbeeld Zorgverzekeraar (demo) intrekken" }).click();
    await practice.page.waitForURL(/done=revoked/);
    // The toezichthouder's share is untouched.
    expect(await practice.page.locator("ul.shares a").allTextContents()).toEqual(["Delen met Voorbeeld Toezichthouder (demo) intrekken"]);
    for (const path of ["", "/overview", "/report", "/report.pdf", "/sections/praktijkgegevens"]) {
      const response = await insurer.page.goto(`${assessmentUrl}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    // The practice's beheerder reads the trail: the insurer's views, the share and the revocation.
    await practice.page.goto(`${assessmentUrl}/audit`);
    await expectAccessible(practice.page);
    const trail = await practice.page.locator("table.audit").textContent();
    for (const word of ["bekeken", "gedeeld", "delen ingetrokken", "versie ingediend"]) expect(trail).toContain(word);
    await insurer.context.close();
    await practice.context.close();
  });

  test("without JavaScript revoking asks on its own page too: cancelling changes nothing, confirming revokes (the toezichthouder's share of the test above)", async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, env.server, "beheerder@praktijk-de-linde.example.com");
    const assessmentUrl = submittedUrl;
    await page.goto(assessmentUrl);
    await page.getByRole("link", { name: "Delen met Voorbeeld Toezichthouder (demo) intrekken" }).click();
    await page.getByRole("link", { name: "Nee, terug zonder in te trekken" }).click();
    await page.waitForURL(`${assessmentUrl}#sharing`);
    await page.getByRole("link", { name: "Delen met Voorbeeld Toezichthouder (demo) intrekken" }).click();
    await page.waitForURL(/\/revoke$/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Ja, delen met Voorbeeld Toezichthouder (demo) intrekken" }).click();
    await page.waitForURL(/done=revoked/);
    expect(await page.locator("ul.shares a").count()).toBe(0);
    expect(await page.locator("ul.shares").textContent()).toContain("ingetrokken op");
    await context.close();
  });
});

describe("guards", () => {
  test("sign-in is refused after five failed attempts, even with the right password", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const email = "lezer@voorbeeld-toezicht.example.com";
    for (let i = 0; i < 5; i++) {
      await page.goto(env.server.url + "/login");
      await page.getByLabel("E-mailadres").fill(email);
      await page.getByLabel("Wachtwoord", { exact: true }).fill(`fout-wachtwoord-${i}`);
      await page.getByRole("button", { name: "Inloggen" }).click();
      await expect.poll(() => page.getByRole("alert").textContent()).toContain("klopt niet");
    }
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Te veel mislukte pogingen");
    expect(page.url()).toContain("/login");
    await expectAccessible(page);
    await context.close();
  });

  test("a form posted without its CSRF token is refused and changes nothing", async () => {
    const { context, page } = await as(env.browser, "invuller@praktijk-de-linde.example.com");
    // CSRF is checked before anything else, so any of the practice's assessments will do.
    const href = await page.locator('a[href^="/assessments/"]').first().getAttribute("href");
    const url = env.server.url + href;
    const status = await page.evaluate(async (target) => {
      const body = new URLSearchParams({ _section: "praktijkgegevens", _only: "ingeschreven-patienten", "ingeschreven-patienten": "1", "_rev.ingeschreven-patienten": "1" });
      return (await fetch(`${target}/answers`, { method: "POST", body })).status;
    }, url);
    expect(status).toBe(403);
    await page.goto(`${url}/sections/praktijkgegevens`);
    expect(await page.getByLabel("Aantal ingeschreven patiënten").inputValue()).not.toBe("1");
    await context.close();
  });

  test("documents carry a CSP whose nonce is on every inline script, no framing, nosniff, a referrer policy", async () => {
    const response = await fetch(env.server.url + "/login");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
    // Session and CSRF cookies are HttpOnly and SameSite=Lax.
    const cookies = response.headers.getSetCookie().join("\n");
    expect(cookies).toMatch(/kws_csrf=[^;]+;.*HttpOnly/i);
    expect(cookies).toMatch(/SameSite=Lax/i);
  });
});

