/**
 * A practice walks through its self-assessment in real Chromium: with JavaScript (autosave, live
 * figures), without JavaScript (plain form posts), bad input, reload, English. axe on every page.
 */
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, openDemoAssessment, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();


describe("self-assessment with JavaScript", () => {
  test("answers autosave as they are given, figures follow live, bad input is refused, a reload finds everything", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    const assessmentUrl = await openDemoAssessment(page, env.server);
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    await expectAccessible(page);

    const patients = page.getByLabel("Aantal ingeschreven patiënten");
    await expect.poll(() => patients.inputValue()).toBe("6300");
    // 80 hours of huisarts = 2 fte; 9.000 patients → 4.500 per fte, above the 4.000 line.
    await patients.fill("9.000");
    await patients.blur();
    await expect.poll(() => page.locator("#q-ingeschreven-patienten .save-state").textContent()).toContain("Opgeslagen");
    const derived = page.locator("section.derived");
    await expect.poll(() => derived.textContent()).toContain("4.500");
    expect(await derived.textContent()).toContain("boven de grens van 4.000 per fte");

    // Text in a number field: a message next to the field, nothing stored.
    await patients.fill("veel");
    await patients.blur();
    await expect.poll(() => page.locator("#q-ingeschreven-patienten .field-error").textContent()).toContain("Vul een heel getal in");
    expect(await patients.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    // A choice saves on change; a statement elsewhere too.
    await page.getByRole("radio", { name: "Een bestuurder of investeerder" }).check();
    await expect.poll(() => page.locator("#q-eigenaar .save-state").textContent()).toContain("Opgeslagen");

    await page.reload();
    await expect.poll(() => page.getByLabel("Aantal ingeschreven patiënten").inputValue()).toBe("9000");
    expect(await page.getByRole("radio", { name: "Een bestuurder of investeerder" }).isChecked()).toBe(true);

    // Owner is not a huisarts: governance moves forward and is marked essential.
    const nav = page.getByRole("navigation", { name: "Onderdelen van de scan" });
    const items = await nav.getByRole("listitem").allTextContents();
    expect(items[1]).toContain("Praktijkhouderschap");
    expect(items[1]).toContain("Essentieel");

    // A statement in a kernwaarde section, with a toelichting.
    await page.goto(`${assessmentUrl}/sections/continuiteit`);
    await expectAccessible(page);
    const first = page.locator(".question--statement").first();
    await first.getByRole("radio", { name: "Weet niet" }).check();
    await expect.poll(() => first.locator(".save-state").textContent()).toContain("Opgeslagen");
    await first.getByLabel("Toelichting", { exact: true }).fill("Bespreken in het teamoverleg.");
    await first.getByLabel("Toelichting", { exact: true }).blur();
    await expect.poll(() => first.locator(".save-state").textContent()).toContain("Opgeslagen");

    await page.goto(`${assessmentUrl}/overview`);
    await expectAccessible(page);
    const topics = page.locator("section.topics");
    expect(await topics.textContent()).toContain("Bespreken in het teamoverleg.");
    expect(await page.locator("h2").allTextContents()).toEqual(expect.arrayContaining(["Continuïteit", "Persoonsgericht", "Gezamenlijk"]));
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  test("a reload shows exactly the stored list rows; a row is added and removed, and the weekday grid follows", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    const rows = page.locator("#q-huisartsen .list-row");
    // The demo practice has three huisartsen: three rows, no empty fourth, also after a reload.
    expect(await rows.count()).toBe(3);
    await page.reload();
    expect(await rows.count()).toBe(3);
    // "Add" adds a row: a new huisarts present only on Wednesday.
    await page.locator("#q-huisartsen").getByRole("button", { name: "Nog een huisarts toevoegen" }).click();
    expect(await rows.count()).toBe(4);
    const last = rows.nth(3);
    await last.getByLabel("Rol").selectOption("incidentele-waarnemer");
    await last.getByLabel("Uren per week").fill("8");
    await last.getByLabel("Uren per week").blur();
    await expect.poll(() => page.locator("#q-huisartsen .save-state").textContent()).toContain("Opgeslagen");
    await page.reload();
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(3).getByLabel("Rol").inputValue()).toBe("incidentele-waarnemer");
    await rows.nth(3).getByRole("button", { name: /verwijderen/ }).click();
    await expect.poll(() => page.locator("#q-huisartsen .save-state").textContent()).toContain("Opgeslagen");
    await page.reload();
    expect(await rows.count()).toBe(3);
    await context.close();
  });
});

describe("self-assessment without JavaScript", () => {
  test("a section is completed with plain form posts; bad input gets a message and stores nothing", async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);

    await page.goto(`${assessmentUrl}/sections/persoonsgericht`);
    await expectAccessible(page);
    const statements = page.locator(".question--statement");
    const count = await statements.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) await statements.nth(i).getByRole("radio", { name: "Ja" }).check();
    await statements.nth(0).getByRole("radio", { name: "Deels" }).check();
    await page.getByRole("button", { name: "Opslaan en verder" }).click();
    await page.waitForURL(/\/sections\/gezamenlijk$/);
    await expectAccessible(page);

    await page.goto(`${assessmentUrl}/sections/persoonsgericht`);
    expect(await statements.nth(0).getByRole("radio", { name: "Deels" }).isChecked()).toBe(true);
    expect(await statements.nth(count - 1).getByRole("radio", { name: "Ja" }).isChecked()).toBe(true);
    expect(await page.getByRole("navigation").getByRole("link", { name: /Persoonsgericht/ }).textContent()).toContain(`${count} van ${count}`);

    // A list row without JavaScript: "add" posts the form and the page comes back with one empty row more;
    // the empty row is not stored, so the section read afresh has the stored rows only.
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    const rows = page.locator("#q-huisartsen .list-row");
    expect(await rows.count()).toBe(3);
    await page.locator("#q-huisartsen").getByRole("button", { name: "Nog een huisarts toevoegen" }).click();
    await page.waitForLoadState();
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(3).getByLabel("Rol").inputValue()).toBe("");
    await expectAccessible(page);
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    expect(await rows.count()).toBe(3);

    // Bad input without JavaScript: text for a number of patients and 300 hours a week.
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    // The register facts are given, not asked (issue 13): no field for the AGB.
    expect(await page.getByLabel("AGB-code van de praktijk").count()).toBe(0);
    expect(await page.locator("section.given-facts").textContent()).toContain("01234567");
    const patients = page.getByLabel("Aantal ingeschreven patiënten");
    const storedPatients = await patients.inputValue();
    await patients.fill("heel veel");
    await page.locator(".list-row").first().getByLabel("Uren per week").fill("300");
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("alert").first().textContent()).toContain("Er is niets opgeslagen");
    expect(await page.locator("#q-ingeschreven-patienten .field-error").textContent()).toContain("heel getal");
    expect(await page.locator(".list-row").first().locator(".field-error").textContent()).toContain("niet groter zijn dan 80");
    expect(await page.getByLabel("Aantal ingeschreven patiënten").inputValue()).toBe("heel veel");
    await expectAccessible(page);
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    expect(await page.getByLabel("Aantal ingeschreven patiënten").inputValue()).toBe(storedPatients);
    await context.close();
    // Many plain page loads: room for a busy shared machine.
  }, 120_000);
});

describe("the Wtza/Wkkgz/Wmg checklist without JavaScript", () => {
  test("its questions post with the form like any other, collapsed or open", async () => {
    const context = await newContext(env.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    await page.goto(`${assessmentUrl}/sections/governance`);
    const closed = page.locator("details.question-group:not([open]) > summary");
    if ((await closed.count()) > 0) await closed.click();
    await page.locator("#q-intern-toezicht").getByRole("radio", { name: "Ja" }).check();
    await page.getByRole("button", { name: "Opslaan", exact: true }).click();
    await page.waitForURL(/\/sections\/governance\?saved=1$/);
    // Stored: checked after the post (the group may be closed again, so the input is found by its value).
    expect(await page.locator('#q-intern-toezicht input[type="radio"][value="ja"]').isChecked()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});

describe("in English", () => {
  test("the language switch turns the whole walk into English", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.locator("h1").textContent()).toBeTruthy();
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Practice details");
    expect(await page.getByLabel("Number of registered patients").count()).toBe(1);
    expect(await page.locator("section.derived h2").textContent()).toBe("Derived figures");
    await expectAccessible(page);
    await page.goto(`${assessmentUrl}/overview`);
    expect(await page.locator("h1").textContent()).toBe("Overview per core value");
    await expectAccessible(page);
    await page.goto(`${assessmentUrl}/sections/gezamenlijk`);
    await expectAccessible(page);
    await context.close();
  });
});
