/**
 * The wide tables (portfolio, keten view, a practice's signals, signaleringsmatrix) and a practice's pages
 * (praktijkgegevens with the presence grid, the overview with its kernpunten tables), each with the
 * header, at 1280 and 390 px: measured in Chromium, not judged by eye. axe on every page visited. (The
 * comparison is measured in workspaces.test.ts, where a comparison exists.)
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, PRACTICE_INVULLER, signIn, useServerAndBrowser } from "./harness";
import { expectLayoutFits } from "./layout";

const env = useServerAndBrowser();
const INSURER = "beheerder@voorbeeld-verzekeraar.example.com";

/** axe, then the layout at both widths; the figures go to the log for the record. */
async function check(page: Page, name: string) {
  await expectAccessible(page);
  for (const r of await expectLayoutFits(page)) console.log(`layout ${name} @${r.width}: overflow ${r.pageOverflow} px; ${r.tables.join("; ") || "no tables"}`);
}

async function asInsurer() {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await signIn(page, env.server, INSURER);
  return { context, page };
}

describe("layout at 1280 and 390 px", () => {
  test("an insurer's portfolio and keten view", async () => {
    const { context, page } = await asInsurer();
    await page.goto(env.server.url + "/portfolio");
    await check(page, "portfolio");
    // All 14 practices in the table, whose practice column stays in view when it scrolls.
    expect(await page.locator("table.portfolio tbody tr:not(.group-row)").count()).toBe(14);
    await page.getByRole("link", { name: "Zorggroep Voorbeeldketen (demo)" }).first().click();
    await page.waitForURL(/\/ketens\//);
    await check(page, "keten");
    await context.close();
  });

  test("a practice page and the signaleringsmatrix", async () => {
    const { context, page } = await asInsurer();
    await page.goto(env.server.url + "/portfolio?q=01230002");
    await page.getByRole("link", { name: "Gezondheidscentrum De Brug (demo)" }).click();
    await page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    await check(page, "practice");
    await page.goto(env.server.url + "/regions");
    await check(page, "matrix");
    expect(await page.locator("table.matrix tbody tr").count()).toBeGreaterThan(10);
    await context.close();
  });

  test("a practice's praktijkgegevens with the presence grid, and its overview", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server, PRACTICE_INVULLER);
    await page.getByRole("link", { name: "Verder met de zelfevaluatie" }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    const assessmentUrl = page.url();
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    await check(page, "praktijkgegevens");
    // The presence grid: a row per weekday, its words whole.
    expect(await page.locator("table.presence tbody th").allTextContents()).toEqual(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]);
    await page.goto(`${assessmentUrl}/overview`);
    await check(page, "overview");
    await context.close();
  });
});
