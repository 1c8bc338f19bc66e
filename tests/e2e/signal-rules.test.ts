/**
 * Signal rules v2 in the browser (issue 12, "Done when"): the demo practice answered, every answer
 * saved as it is given, as a practice without a hagro in its region, owned by a bestuurder with both minimum arrangements
 * "deels", and with a huisarts whose days are left open. The overview gives the v2 statuses with reasons
 * that say so, every signal card leads to "Hoe de signalen worden bepaald", and that page says what the
 * scan is and is not. axe on every page visited.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, PRACTICE_INVULLER, signIn, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();

const card = (page: Page, id: string) => page.locator(`#signal-${id}`);

/** Waits until the question's answer is saved (autosave). */
const saved = (page: Page, questionId: string) => expect.poll(() => page.locator(`#q-${questionId} .save-state`).textContent()).toContain("Opgeslagen");

describe("signal rules v2", () => {
  test("no hagro, a bestuurder with arrangements deels, a huisarts without days: the v2 statuses, and how they are decided", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, env.server, PRACTICE_INVULLER);
    await expectAccessible(page);
    const href = await page.getByRole("link", { name: "Verder met de zelfevaluatie" }).getAttribute("href");
    const url = env.server.url + /^\/assessments\/[0-9a-f-]{36}/.exec(href ?? "")![0];

    // Practice details: a bestuurder owns it; the praktijkhouder, the only huisarts there on Mondays, is
    // no longer; a fourth huisarts (a locum) whose days are left open.
    await page.goto(`${url}/sections/praktijkgegevens`);
    await expectAccessible(page);
    await page.getByRole("radio", { name: "Een bestuurder of investeerder" }).check();
    await saved(page, "eigenaar");
    // The question says that out-of-hours hours do not count.
    expect(await page.locator("#q-huisartsen").textContent()).toContain("tellen niet mee");
    const rows = page.locator(".list-row");
    const before = await rows.count();
    await rows.first().getByRole("checkbox", { name: "ma", exact: true }).uncheck();
    await saved(page, "huisartsen");
    await page.locator("#q-huisartsen").getByRole("button", { name: "Nog een huisarts toevoegen" }).click();
    const open = rows.nth(before);
    await open.getByLabel("Rol").selectOption("vaste-waarnemer");
    await open.getByLabel("Uren per week").fill("8");
    await open.getByLabel("Uren per week").blur();
    await saved(page, "huisartsen");

    // Governance: both minimum arrangements "deels".
    await page.goto(`${url}/sections/governance`);
    await expectAccessible(page);
    // The owner is not a huisarts: the Wtza/Wkkgz/Wmg checklist stands open, marked essential.
    const checklist = page.locator("section.question-group--essential");
    expect(await checklist.getByRole("heading", { level: 2 }).textContent()).toBe("Wettelijke eisen: Wtza, Wkkgz en Wmg");
    expect(await checklist.locator(".callout--essential").textContent()).toContain("Essentieel");
    expect(await page.locator("details.question-group").count()).toBe(0);
    expect(await page.locator("#q-intern-toezicht").isVisible()).toBe(true);
    await page.locator("#q-medisch-eindverantwoordelijke-huisarts").getByRole("radio", { name: "Deels" }).check();
    await saved(page, "medisch-eindverantwoordelijke-huisarts");
    await page.locator("#q-governance-vastgelegd").getByRole("radio", { name: "Deels" }).check();
    await saved(page, "governance-vastgelegd");

    // Regional cooperation: no hagro in the region, no cooperation with the huisartsen nearby, ANW deels.
    await page.goto(`${url}/sections/regionale-samenwerking`);
    await page.getByRole("radio", { name: "Nee, er is geen hagro in de regio" }).check();
    await saved(page, "hagro-aanwezig");
    await page.locator("#q-samenwerking-huisartsen-omgeving").getByRole("radio", { name: "Nee" }).check();
    await saved(page, "samenwerking-huisartsen-omgeving");
    await page.locator("#q-anw-deelname").getByRole("radio", { name: "Deels" }).check();
    await saved(page, "anw-deelname");
    await expectAccessible(page);

    await page.goto(`${url}/overview`);
    await expectAccessible(page);
    const badge = (id: string) => card(page, id).locator(".signal-head .badge").textContent();
    expect(await badge("regional-cooperation")).toContain("Signaal");
    expect(await card(page, "regional-cooperation").locator(".signal-reason").textContent()).toContain(
      "Er is geen hagro in de regio, en de praktijk stemt niet structureel af met de huisartsen in de omgeving.",
    );
    expect(await badge("unclear-organisation")).toContain("Signaal");
    // The demo practice belongs to a keten in the register: the reason names both.
    expect(await card(page, "unclear-organisation").locator(".signal-reason").textContent()).toContain(
      "De eigenaar is geen huisarts en de praktijk is onderdeel van een keten of holding; dan moeten de minimale randvoorwaarden expliciet en aantoonbaar zijn ingericht. Dat is maar deels zo: medisch eindverantwoordelijke huisarts aangewezen: deels; governance vastgelegd: deels.",
    );
    expect(await badge("owner-not-gp")).toContain("Signaal");
    // Monday: the known days leave it open, and one huisarts's days are not given: unknown, not a signal.
    expect(await badge("no-gp-present")).toContain("Onbekend");
    expect(await card(page, "no-gp-present").locator(".signal-reason").textContent()).toContain("van 1 huisarts zijn de dagen niet opgegeven");
    expect(await page.locator(".rules-note").textContent()).toContain("Berekend met regels v2.");

    // Every card leads to how its signal is decided.
    expect(await page.getByRole("link", { name: "Hoe wordt dit signaal bepaald?" }).count()).toBe(5);
    await card(page, "no-gp-present").getByRole("link", { name: "Hoe wordt dit signaal bepaald?" }).click();
    await page.waitForURL(/\/signalen#no-gp-present$/);
    await expectAccessible(page);
    expect(await page.locator("h1").textContent()).toBe("Hoe de signalen worden bepaald");
    const body = (await page.locator("main, body").first().textContent()) ?? "";
    expect(body).toContain("geen door de beroepsgroepen gevalideerde versie");
    expect(body).toContain("par. 3.5");
    expect(body).toContain("na één jaar");
    const section = page.locator("section#no-gp-present");
    expect(await section.locator("blockquote").textContent()).toContain("Tijdens de reguliere dagzorg is er geen huisarts fysiek aanwezig");
    expect(await section.textContent()).toContain("Eigen interpretatie van de scan");
    // Thresholds from the parameters, never literals in code.
    expect(await page.locator("section#patients-per-fte").textContent()).toContain("4.000");
    expect(await page.locator("section#matrix").textContent()).toContain("75-plussers");
    expect(consoleErrors).toEqual([]);
    await context.close();
    // Six pages with an axe scan each and nine saves: on the shared 2-core machines this needs more than the default minute.
  }, 120_000);
});
