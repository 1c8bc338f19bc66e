/**
 * The practice register and a way in from every practice (issue 13), in real Chromium with axe on every
 * page: De Linde's beheerder keeps name, AGB, postcode and region on /organisation (an AGB held by another
 * practice is refused beside the field, with the platform's contact); the questionnaire shows them as
 * given facts with where they come from and asks none of them; the insurer finds the practice by its new
 * AGB and starts a beoordeling from the practice page, which shows the same given facts. Without
 * JavaScript: a bad postcode refused beside its field; the toezichthouder starts its preparation.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, signIn, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();
const LINDE_BEHEERDER = "beheerder@praktijk-de-linde.example.com";
const INSURER = "beheerder@voorbeeld-verzekeraar.example.com";
const TOEZICHT = "invuller@voorbeeld-toezicht.example.com";
const LINDE = "Huisartsenpraktijk De Linde (demo)";
const NEW_AGB = "01234599";

async function as(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  await signIn(page, env.server, email);
  return { context, page };
}

describe("the register, with JavaScript", () => {
  test("the beheerder sets AGB, postcode and region; the questionnaire gives them; the insurer finds the practice by AGB and starts a beoordeling", async () => {
    const { context, page } = await as(env.browser, LINDE_BEHEERDER);
    const errors = watchConsole(page);

    // The home page says where the register is kept and no longer has a region select of its own.
    expect(await page.locator("select[name=regionId]").count()).toBe(0);
    await page.getByRole("link", { name: "Naam, AGB-code, postcode en regio wijzigen" }).click();
    await page.waitForURL(/\/organisation#register$/);
    await expectAccessible(page);
    const form = page.locator("#register form");
    expect(await form.getByLabel("AGB-code").inputValue()).toBe("01234567");

    // An AGB held by another practice (Het Anker, known from the keten's register): refused beside the field.
    await form.getByLabel("AGB-code").fill("0123 0001");
    await form.getByLabel("Postcode").fill("1234ab");
    await form.getByRole("button", { name: "Register opslaan" }).click();
    const agbError = page.locator("#register .field-error").first();
    await expect.poll(() => agbError.textContent()).toContain("bij een andere praktijk");
    expect(await agbError.textContent()).toContain("platformbeheer");
    expect(await page.locator("#register form").getByLabel("AGB-code").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    // A free AGB, a postcode as typed, a region from the platform's list: saved together.
    const again = page.locator("#register form");
    await again.getByLabel("AGB-code").fill(NEW_AGB);
    await again.getByLabel("Postcode").fill("1234ab");
    const region = again.getByLabel("Huisartsenregio");
    await region.selectOption({ index: 2 });
    const regionName = (await region.locator("option:checked").textContent())!.trim();
    await again.getByRole("button", { name: "Register opslaan" }).click();
    await page.waitForURL(/notice=registerReset/);
    // De Linde was verified: a new AGB is checked by the platform again.
    expect(await page.getByRole("status").first().textContent()).toContain("controleert het platformbeheer uw organisatie opnieuw");
    expect(await page.locator("#register form").getByLabel("Postcode").inputValue()).toBe("1234 AB");
    expect(await page.locator("#register").textContent()).toContain("Laatst gewijzigd op");
    await expectAccessible(page);

    // The questionnaire gives the register's facts, with where they come from, and asks none of them.
    await page.goto(env.server.url + "/");
    await page.getByRole("link", { name: "Verder met de zelfevaluatie" }).click();
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await page.goto(page.url() + "/sections/praktijkgegevens");
    const given = page.locator("section.given-facts");
    const text = (await given.textContent())!;
    expect(text).toContain(NEW_AGB);
    expect(text).toContain("1234 AB");
    expect(text).toContain(regionName);
    expect(text).toContain(LINDE);
    expect(text).toMatch(/Uit het register, gewijzigd op .* door /);
    expect(await given.getByRole("link", { name: "Wijzigen in het register" }).getAttribute("href")).toBe("/organisation#register");
    for (const label of ["Naam van de praktijk", "AGB-code van de praktijk", "KvK-nummer", "Postcode van de praktijk", "Huisartsenregio"]) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(0);
    }
    await expectAccessible(page);
    // The refused AGB was answered 400 on purpose; nothing else went wrong.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();

    // The insurer finds De Linde by its new AGB, in the portfolio, and starts a beoordeling from its page.
    const insurer = await as(env.browser, INSURER);
    const insurerErrors = watchConsole(insurer.page);
    await insurer.page.goto(env.server.url + "/portfolio");
    await insurer.page.getByLabel("Naam of AGB-code").fill(NEW_AGB);
    await insurer.page.getByRole("button", { name: "Toon" }).click();
    await insurer.page.waitForURL(new RegExp(`q=${NEW_AGB}`));
    const rows = insurer.page.locator("table.portfolio tbody tr:not(.group-row)");
    await expect.poll(() => rows.count()).toBe(1);
    // Every row offers the way in, named with its practice.
    expect(await rows.first().getByRole("button", { name: `Beoordeling starten: ${LINDE}` }).count()).toBe(1);
    await expectAccessible(insurer.page);
    await rows.first().getByRole("link", { name: LINDE }).click();
    await insurer.page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    expect(await insurer.page.locator("h1 + p.hint").textContent()).toContain(NEW_AGB);
    await expectAccessible(insurer.page);
    await insurer.page.getByRole("button", { name: "Beoordeling starten", exact: true }).click();
    await insurer.page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await insurer.page.goto(insurer.page.url() + "/sections/praktijkgegevens");
    const insurerGiven = insurer.page.locator("section.given-facts");
    expect(await insurerGiven.textContent()).toContain(NEW_AGB);
    expect(await insurerGiven.textContent()).toContain("1234 AB");
    // The insurer does not keep De Linde's register: no link to change it.
    expect(await insurerGiven.getByRole("link").count()).toBe(0);
    await expectAccessible(insurer.page);

    // Its own page now opens the beoordeling instead of offering a new one.
    await insurer.page.goto(env.server.url + "/portfolio?q=" + NEW_AGB);
    expect(await insurer.page.locator("table.portfolio tbody").getByRole("button", { name: /Beoordeling starten/ }).count()).toBe(0);
    expect(insurerErrors).toEqual([]);
    await insurer.context.close();
    // Two people, eight pages, each scanned: a timeout that fits the shared machines.
  }, 180_000);
});

describe("without JavaScript", () => {
  test("a bad postcode is refused beside its field; the toezichthouder starts its preparation from a practice page", async () => {
    const { context, page } = await as(env.browser, LINDE_BEHEERDER, { javaScriptEnabled: false });
    await page.goto(env.server.url + "/organisation");
    const form = page.locator("#register form");
    await form.getByLabel("Postcode").fill("0123 AB");
    await form.getByRole("button", { name: "Register opslaan" }).click();
    await page.waitForLoadState();
    expect(await page.locator("#register .field-error").textContent()).toContain("Nederlandse postcode");
    expect(await page.locator("#register form").getByLabel("Postcode").inputValue()).toBe("0123 AB");
    await expectAccessible(page);
    await context.close();

    const toezicht = await as(env.browser, TOEZICHT, { javaScriptEnabled: false });
    await toezicht.page.goto(env.server.url + "/portfolio?q=" + encodeURIComponent("De Brug"));
    await toezicht.page.getByRole("link", { name: "Gezondheidscentrum De Brug (demo)" }).click();
    await toezicht.page.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    await expectAccessible(toezicht.page);
    await toezicht.page.getByRole("button", { name: "Gespreksvoorbereiding starten", exact: true }).click();
    await toezicht.page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    await expectAccessible(toezicht.page);
    await toezicht.context.close();
  }, 120_000);
});
