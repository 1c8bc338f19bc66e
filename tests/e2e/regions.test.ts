/**
 * The regional signaleringsmatrix in real Chromium, axe on every page: the matrix sorted by red cells
 * with every colour in words, filtered, as CSV; a region over the years; the practice's region beside
 * its signals. Without JavaScript: an insurer's own cut-offs, its own view only (the platform's import
 * and publications are in trust.test.ts).
 */
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, openDemoAssessment, signIn, useServerAndBrowser } from "./harness";

const env = useServerAndBrowser();

async function as(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await signIn(page, env.server, email);
  return { context, page };
}

const redCounts = async (page: Page) => (await page.locator("table.matrix tbody tr td:nth-child(2)").allTextContents()).map((t) => Number(/^(\d+)/.exec(t)?.[1]));

describe("the matrix with JavaScript", () => {
  test("a practice reads the matrix (most red first, colours in words), filters it, downloads it, and sees its region beside its signals", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    await page.getByRole("link", { name: "Signaleringsmatrix" }).click();
    await page.waitForURL(/\/regions$/);
    await expectAccessible(page);
    expect(await page.locator("main").textContent()).toContain("fictieve demogegevens");
    expect(await page.locator("main").textContent()).toContain("geen automatisch recht op een vast bedrag per regio");
    const counts = await redCounts(page);
    expect(counts).toHaveLength(12);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Every cell says its colour in words; a missing figure is "geen gegevens", never green.
    const cells = await page.locator("table.matrix tbody .cell").allTextContents();
    expect(cells.every((c) => /rood|oranje|groen|geen gegevens|niet gekleurd/.test(c))).toBe(true);
    expect(await page.locator("table.matrix tbody .cell--geen-gegevens").count()).toBeGreaterThan(0);
    expect(await page.locator("table.matrix thead").textContent()).toContain("relatief: rood");

    await page.getByLabel("Alleen regio's met minstens één rode score").check();
    await page.getByRole("button", { name: "Toon" }).click();
    await page.waitForURL(/rood=1/);
    await expect.poll(async () => (await redCounts(page)).every((n) => n > 0)).toBe(true);
    const filtered = await redCounts(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(12);
    expect(filtered.every((n) => n > 0)).toBe(true);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download als CSV" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\ufeffRegiocode;Regio;Jaar;Rode scores;Huisartsendichtheid")).toBe(true);
    expect(csv).toContain("Aldermeer (fictief)");

    // A region over the years.
    await page.getByRole("link", { name: "Aldermeer (fictief)" }).click();
    await page.waitForURL(/\/regions\/DEMO-01$/);
    await expectAccessible(page);
    expect(await page.locator("table.matrix tbody tr").count()).toBe(3);

    // The practice's own region beside its signals, on the overview and in the report.
    await page.goto(`${assessmentUrl}/overview`);
    const context1 = page.locator("section.region-context");
    expect(await context1.locator("h2").textContent()).toBe("Regio: Dijkhoven (fictief) (signaleringsmatrix 2026)");
    await expectAccessible(page);
    await page.goto(`${assessmentUrl}/report`);
    const context2 = await page.locator("section.region-context").textContent();
    expect(context2).toContain("Huisartsendichtheid");
    // Each figure with its unit, e.g. "6,1 huisartsen per 10.000 inwoners".
    expect(context2).toMatch(/\d+(,\d+)? huisartsen per 10\.000 inwoners/);
    await context.close();
  });
});

describe("without JavaScript", () => {
  test("a toezichthouder's beheerder keeps own cut-offs (bad input refused): its own view only, the national matrix unchanged", async () => {
    const { context, page } = await as(env.browser, "beheerder@voorbeeld-toezicht.example.com", { javaScriptEnabled: false });
    await page.goto(env.server.url + "/regions/criteria");
    await expectAccessible(page);
    const density = page.locator("#criteria-huisartsendichtheid");
    await density.getByRole("radio", { name: "Vaste grenswaarden" }).check();
    await density.getByLabel(/Rood bij/).fill("7");
    await density.getByLabel(/Oranje bij/).fill("6");
    await density.getByRole("button", { name: "Opslaan" }).click();
    // Lower is worse here: red at 7 and orange at 6 would colour nothing orange.
    expect(await page.locator("#criteria-huisartsendichtheid-rood-error").textContent()).toContain("Hier is lager ongunstiger");
    await expectAccessible(page);
    const again = page.locator("#criteria-huisartsendichtheid");
    await again.getByRole("radio", { name: "Vaste grenswaarden" }).check();
    await again.getByLabel(/Rood bij/).fill("6,0");
    await again.getByLabel(/Oranje bij/).fill("7,0");
    await again.getByRole("button", { name: "Opslaan" }).click();
    expect(await page.locator("#criteria-huisartsendichtheid").textContent()).toContain("In uw eigen weergave: uw eigen grenswaarden");
    expect(await page.locator("table.audit").textContent()).toContain("Eigen grenswaarden van Huisartsendichtheid ingesteld");
    // The national matrix stays relative; the organisation's own view says whose cut-offs they are.
    await page.goto(env.server.url + "/regions");
    expect(await page.locator("table.matrix thead").textContent()).not.toContain("rood ≤ 6,0");
    await page.getByRole("link", { name: "Bekijk met onze eigen grenswaarden" }).click();
    await page.waitForURL(/grenzen=eigen/);
    expect(await page.locator("table.matrix thead").textContent()).toContain("eigen grenswaarden: rood ≤ 6,0, oranje ≤ 7,0");
    await expectAccessible(page);

    // Nobody else sees them, not even when asking for an own view.
    const { context: other, page: insurer } = await as(env.browser, "lezer@voorbeeld-verzekeraar.example.com", { javaScriptEnabled: false });
    await insurer.goto(env.server.url + "/regions?grenzen=eigen");
    expect(await insurer.locator("main").textContent()).not.toContain("eigen grenswaarden");
    await other.close();

    // De Linde's region: the toezichthouder imported De Linde's facts, so it sees the practice there.
    await page.goto(env.server.url + "/regions/DEMO-03");
    await expectAccessible(page);
    expect(await page.locator("table.portfolio").textContent()).toContain("Huisartsenpraktijk De Linde (demo)");
    await context.close();
  });
});
