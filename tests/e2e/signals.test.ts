/**
 * The five signals in the browser: status in words, context en borging saved beside a signal without
 * changing it, the report page, and the PDF and CSV downloads. axe on every page.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, openDemoAssessment, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();


const signalCard = (page: Page, id: string) => page.locator(`#signal-${id}`);

describe("signals", () => {
  test("the overview opens with the five signals; context is saved beside a signal and never changes it", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    const url = await openDemoAssessment(page, env.server);
    await page.goto(`${url}/overview`);
    await expectAccessible(page);
    expect(await page.locator("article.signal").count()).toBe(5);
    // Demo practice: a huisarts owns it, 6.300 patients on 80 hours (3.150 per fte), every weekday covered,
    // regional cooperation not yet answered.
    expect(await signalCard(page, "owner-not-gp").locator(".badge").textContent()).toContain("Geen signaal");
    expect(await signalCard(page, "patients-per-fte").textContent()).toContain("3.150 patiënten per fte huisarts; grens 4.000");
    expect(await signalCard(page, "regional-cooperation").locator(".badge").textContent()).toContain("Onbekend");
    expect(await signalCard(page, "regional-cooperation").textContent()).toContain("een punt om te verduidelijken");

    const card = signalCard(page, "regional-cooperation");
    await card.getByLabel("Context en borging").fill("Wij zijn in gesprek met de huisartsenpost over deelname.");
    await card.getByRole("button", { name: "Toelichting opslaan" }).click();
    await expect.poll(() => signalCard(page, "regional-cooperation").getByRole("status").textContent()).toContain("Toelichting opgeslagen");
    await page.reload();
    expect(await signalCard(page, "regional-cooperation").getByLabel("Context en borging").inputValue()).toBe(
      "Wij zijn in gesprek met de huisartsenpost over deelname.",
    );
    expect(await signalCard(page, "regional-cooperation").locator(".badge").textContent()).toContain("Onbekend");

    // Facts change the signal: 9.000 patients on 80 hours is above the line.
    await page.goto(`${url}/sections/praktijkgegevens`);
    await page.getByLabel("Aantal ingeschreven patiënten").fill("9000");
    await page.getByLabel("Aantal ingeschreven patiënten").blur();
    await expect.poll(() => page.locator("#q-ingeschreven-patienten .save-state").textContent()).toContain("Opgeslagen");
    await page.goto(`${url}/overview`);
    expect(await signalCard(page, "patients-per-fte").locator(".badge").textContent()).toContain("Signaal");
    expect(await signalCard(page, "patients-per-fte").textContent()).toContain("4.500 patiënten per fte huisarts");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test("without JavaScript the context form posts and saves", async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const url = await openDemoAssessment(page, env.server);
    await page.goto(`${url}/overview`);
    const card = signalCard(page, "owner-not-gp");
    await card.getByLabel("Context en borging").fill("Praktijkhouder is eigenaar sinds 2012.");
    await card.getByRole("button", { name: "Toelichting opslaan" }).click();
    await page.waitForURL(/saved=owner-not-gp/);
    expect(await signalCard(page, "owner-not-gp").getByLabel("Context en borging").inputValue()).toBe("Praktijkhouder is eigenaar sinds 2012.");
    await expectAccessible(page);
    await context.close();
  });

  test("the report page, and the PDF and CSV downloads", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const url = await openDemoAssessment(page, env.server);
    await page.goto(`${url}/report`);
    await expectAccessible(page);
    expect(await page.locator("h1").textContent()).toContain("Rapport");
    expect(await page.locator("#r-guide").count()).toBe(1);
    expect(await page.locator("body").textContent()).toContain("Vragenlijst versie 1");

    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "PDF" }).click()]);
    const pdfBytes = readFileSync((await pdf.path())!);
    expect(pdf.suggestedFilename()).toMatch(/^kernwaardenscan-.*\.pdf$/);
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfBytes.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdfBytes.length).toBeGreaterThan(5_000);

    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV (Excel)" }).click()]);
    const csvText = readFileSync((await csv.path())!, "utf8");
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText.split("\r\n")[0]).toBe("\ufeffonderdeel;id;omschrijving;waarde;stand;toelichting");
    expect(csvText).toContain("patients-per-fte");
    await context.close();
  });
});
