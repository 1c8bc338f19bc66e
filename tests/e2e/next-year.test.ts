/**
 * Issue 13, "next year in five minutes" and "start from what is known", in real Chromium: De Linde
 * submits and shares its self-assessment, starts the next version and confirms every section with
 * "Klopt nog" without JavaScript, changes one answer and sees it marked, opens the comparison and the
 * report; the insurer starts its beoordeling and finds the facts prefilled with their source, the
 * statements empty, and confirms one; the toezichthouder, with nothing shared, starts from its import.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, signIn, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();

async function as(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await signIn(page, env.server, email);
  return { context, page };
}

const SECTIONS = 7;
let v2Url = "";

describe("next year in five minutes", () => {
  test("De Linde starts its next version, confirms each section with Klopt nog (no JavaScript), changes one answer, sees it marked and compares the versions", async () => {
    const practice = await as(env.browser, "beheerder@praktijk-de-linde.example.com");
    const errors = watchConsole(practice.page);
    await practice.page.getByRole("link", { name: "Verder met de zelfevaluatie" }).click();
    await practice.page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    const v1Url = practice.page.url();
    await practice.page.getByRole("button", { name: "Versie indienen" }).click();
    await practice.page.waitForURL(/done=submitted/);
    await practice.page.locator("#share-target").selectOption({ label: "Voorbeeld Zorgverzekeraar (demo) (geverifieerd) (zorgverzekeraar)" });
    await practice.page.getByRole("button", { name: "Delen", exact: true }).click();
    await practice.page.waitForURL(/done=shared/);
    await practice.page.getByRole("button", { name: "Nieuwe versie beginnen" }).click();
    await practice.page.waitForURL((url) => /\/assessments\/[0-9a-f-]{36}$/.test(url.pathname) && !url.toString().startsWith(v1Url));
    v2Url = practice.page.url();
    expect(await practice.page.locator(".progress-confirmed").textContent()).toBe(`0 van ${SECTIONS} onderdelen bevestigd`);
    expect(await practice.page.locator(".section-nav").textContent()).toContain("nog bevestigen");
    await expectAccessible(practice.page);

    // Without JavaScript: one click per section, each moving on to the next.
    const plain = await as(env.browser, "invuller@praktijk-de-linde.example.com", { javaScriptEnabled: false });
    await plain.page.goto(`${v2Url}/sections/praktijkgegevens`);
    expect(await plain.page.locator(".confirm-section").textContent()).toContain("De antwoorden komen uit versie 1");
    await expectAccessible(plain.page);
    for (let i = 0; i < SECTIONS; i++) {
      const before = plain.page.url();
      await plain.page.getByRole("button", { name: "Klopt nog" }).click();
      await plain.page.waitForURL((url) => url.toString() !== before);
      if (i === 0) {
        expect(await plain.page.locator("[role=status].callout--ok").textContent()).toContain("Onderdeel “Praktijkgegevens” is bevestigd");
        await expectAccessible(plain.page);
      }
    }
    expect(plain.page.url()).toBe(`${v2Url}/overview`);
    await plain.page.goto(v2Url);
    expect(await plain.page.locator(".progress-confirmed").textContent()).toBe(`${SECTIONS} van ${SECTIONS} onderdelen bevestigd`);
    expect(await plain.page.locator(".section-nav").textContent()).not.toContain("nog bevestigen");
    await plain.context.close();

    // One answer changed (with JavaScript): marked with the previous value.
    await practice.page.goto(`${v2Url}/sections/praktijkgegevens`);
    expect(await practice.page.locator(".confirm-section").textContent()).toContain("Onderdeel bevestigd door");
    await practice.page.getByLabel("Aantal ingeschreven patiënten", { exact: true }).fill("5800");
    await practice.page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await practice.page.waitForURL(/saved=1/);
    const mark = practice.page.locator("#mark-ingeschreven-patienten");
    await expect.poll(() => mark.textContent()).toContain("Gewijzigd sinds versie 1");
    expect(await mark.textContent()).toMatch(/was: 6\.300/);
    expect(await practice.page.locator(".answer-mark-changed").count()).toBe(1);
    await expectAccessible(practice.page);

    // The two versions side by side, from the version list: only the differences, then all.
    await practice.page.goto(v2Url);
    await practice.page.getByRole("link", { name: "Vergelijk met versie 1" }).click();
    await practice.page.waitForURL(/\/versions\/compare\?with=/);
    await expect.poll(() => practice.page.locator("main h1").textContent()).toBe("Versie 1 naast versie 2");
    const rows = await practice.page.locator("#vc-answers ~ .table-scroll tbody tr").allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/Aantal ingeschreven patiënten.*6\.300.*5\.800.*gewijzigd/);
    await expectAccessible(practice.page);
    await practice.page.getByRole("link", { name: "Toon alle antwoorden" }).click();
    await practice.page.waitForURL(/alle=1/);
    await expect.poll(() => practice.page.locator("#vc-answers ~ .table-scroll tbody tr").count()).toBeGreaterThan(40);

    // The report says what changed.
    await practice.page.goto(`${v2Url}/report`);
    const changes = practice.page.locator("section[aria-labelledby=r-changes]");
    expect(await changes.locator("h2").textContent()).toBe("Gewijzigd sinds versie 1");
    expect(await changes.textContent()).toMatch(/Aantal ingeschreven patiënten.*5\.800.*was: 6\.300/);
    await expectAccessible(practice.page);
    expect(errors).toEqual([]);
    await practice.context.close();
    // A long walk (seven sections without JavaScript, axe on the way) on a machine shared by several runs.
  }, 240_000);
});

describe("start from what is known", () => {
  test("the insurer's beoordeling starts with the shared version's facts, marked with their source; the statements empty; one confirmed", async () => {
    expect(v2Url, "the practice's walk ran first").not.toBe("");
    const insurer = await as(env.browser, "beheerder@voorbeeld-verzekeraar.example.com");
    await insurer.page.getByLabel("AGB-code van de praktijk").first().fill("01234567");
    await insurer.page.getByRole("button", { name: "Beoordeling starten" }).click();
    await insurer.page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    const url = insurer.page.url();
    await expect.poll(() => insurer.page.locator("main").textContent()).toMatch(/\d+ antwoorden zijn overgenomen uit wat uw organisatie al kon zien/);
    await expectAccessible(insurer.page);

    await insurer.page.goto(`${url}/sections/praktijkgegevens`);
    const patients = insurer.page.locator("#mark-ingeschreven-patienten");
    // Version 1 as shared (6.300), not the concept of version 2; the import of the same day says the same.
    expect(await insurer.page.getByLabel("Aantal ingeschreven patiënten", { exact: true }).inputValue()).toBe("6300");
    expect(await patients.textContent()).toMatch(/Overgenomen uit de zelfevaluatie van Huisartsenpraktijk De Linde \(demo\), versie 1, ingediend \d+ \w+ 2026\./);
    expect(await patients.textContent()).toContain("De andere bron zegt hetzelfde.");
    expect(await insurer.page.locator("#mark-huisartsen").textContent()).toContain("versie 1");
    // Register facts are not taken over (they come from the register, issue 13 item 1).
    expect(await insurer.page.locator("#mark-praktijknaam").count()).toBe(0);
    await expectAccessible(insurer.page);
    await insurer.page.getByRole("button", { name: "Klopt: Aantal ingeschreven patiënten" }).click();
    await insurer.page.waitForURL(/saved=1/);
    await expect.poll(() => patients.textContent()).toMatch(/Bevestigd door .+ op \d+ \w+ 2026\./);
    expect(await insurer.page.getByLabel("Aantal ingeschreven patiënten", { exact: true }).inputValue()).toBe("6300");

    // The kernpunt statements are the insurer's own view: empty.
    await insurer.page.goto(`${url}/sections/continuiteit`);
    expect(await insurer.page.locator(".answer-mark").count()).toBe(0);
    expect(await insurer.page.locator("input[type=radio]:checked").count()).toBe(0);
    await insurer.context.close();
  });

  test("the toezichthouder, with nothing shared, starts from its own import", async () => {
    const toezicht = await as(env.browser, "beheerder@voorbeeld-toezicht.example.com");
    await toezicht.page.getByLabel("AGB-code van de praktijk").first().fill("01234567");
    await toezicht.page.getByRole("button", { name: "Gespreksvoorbereiding starten" }).click();
    await toezicht.page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await toezicht.page.goto(`${toezicht.page.url()}/sections/praktijkgegevens`);
    expect(await toezicht.page.locator("#mark-eigenaar").textContent()).toMatch(/Uit uw import van \d+ \w+ 2026 \(peildatum \d+ \w+ 2026\)\./);
    // Only what a spreadsheet gives: no huisartsen rows invented from its total hours.
    expect(await toezicht.page.locator("#mark-huisartsen").count()).toBe(0);
    await expectAccessible(toezicht.page);
    await toezicht.context.close();
  });
});
