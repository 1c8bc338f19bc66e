/**
 * The wide tables (portfolio, keten view, signaleringsmatrix, a practice's signals and guide) and the
 * practice's pages (home with the header, praktijkgegevens with the presence grid, overview, report) at 1280 and 390 px:
 * measured in Chromium, not judged by eye. axe on every page visited. (The comparison is measured in
 * workspaces.test.ts, where a comparison exists.)
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, openDemoAssessment, signIn, useServerAndBrowser } from "./harness";
import { expectLayoutFits, type LayoutReport } from "./layout";

const env = useServerAndBrowser();

function record(name: string, reports: LayoutReport[]) {
  for (const r of reports) console.log(`layout ${name} @${r.width}: overflow ${r.pageOverflow} px; ${r.tables.join("; ") || "no tables"}`);
}

async function check(page: Page, name: string) {
  await expectAccessible(page);
  record(name, await expectLayoutFits(page));
}

describe("layout at 1280 and 390 px", () => {
  test("an insurer's portfolio, keten view, signaleringsmatrix and practice page", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server, "beheerder@voorbeeld-verzekeraar.example.com");
    await check(page, "home");
    await page.goto(env.server.url + "/portfolio");
    await check(page, "portfolio");
    // 14 practices in the portfolio table, whose practice column stays in view when it scrolls.
    expect(await page.locator("table.portfolio tbody tr:not(.group-row)").count()).toBe(14);
    await page.getByRole("link", { name: "Zorggroep Voorbeeldketen (demo)" }).first().click();
    await page.waitForURL(/\/ketens\//);
    await check(page, "keten");
    await page.getByRole("link", { name: "Gezondheidscentrum De Brug (demo)" }).first().click();
    await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    await check(page, "practice");
    await page.getByRole("link", { name: "Gespreksleidraad" }).click();
    await page.waitForURL(/\/guide$/);
    await check(page, "guide");
    await page.goto(env.server.url + "/regions");
    await check(page, "matrix");
    expect(await page.locator("table.matrix tbody tr").count()).toBeGreaterThan(10);
    await context.close();
  });

  test("a practice's home and header, praktijkgegevens with the presence grid, overview and report", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    record("assessment", await expectLayoutFits(page));
    await page.goto(env.server.url + "/");
    record("home", await expectLayoutFits(page));
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    await check(page, "praktijkgegevens");
    // The presence grid: a row per weekday, its words whole.
    expect(await page.locator("table.presence tbody th").allTextContents()).toEqual(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]);
    await page.goto(`${assessmentUrl}/overview`);
    await check(page, "overview");
    await page.goto(`${assessmentUrl}/report`);
    await check(page, "report");
    await context.close();
  });
});
