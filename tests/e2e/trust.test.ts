/**
 * Trust first, in real Chromium against the built server (issue 11), axe on every page visited: a
 * stranger signs up as the inspectorate and can act on nothing of others; the platform beheerder (made
 * from the command line) refuses it, it asks again, is verified (its request then carries the
 * "geverifieerd" mark on the practice's home page) and withdrawn (the request is gone at once). The
 * platform imports region figures and publishes cut-offs whose basis the matrix shows.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { createPlatformAdmin, enrolTotp, expectAccessible, followMail, newContext, signIn, totpCode, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();

const IMPOSTOR = "Inspectie Gezondheidszorg en Jeugd";
const PASSWORD = "Elf-steden-op-natuurijs-in-1997";
const PLATFORM = "platform@kernwaardenscan-e2e.example.com";
/** The platform beheerder's password and authenticator key, once made in the first test. */
let platformLogin: { password: string; secret: string };

/** The platform beheerder records a decision about the organisation on its page. */
async function decide(page: Page, decision: "Verifiëren" | "Weigeren" | "Verificatie intrekken", note: string, checks: string[] = []) {
  await page.getByRole("radio", { name: decision }).check();
  for (const check of checks) await page.getByRole("checkbox", { name: check }).check();
  await page.getByLabel("Toelichting", { exact: true }).fill(note);
  await page.getByRole("button", { name: "Beslissing vastleggen" }).click();
  await page.waitForURL(/\?done=/);
}

describe("verified organisations", () => {
  test("a stranger signed up as the inspectorate acts on nothing of others; refused, asked again, verified, then withdrawn at once", async () => {
    const stranger = await (await newContext(env.browser)).newPage();
    const consoleErrors = watchConsole(stranger);
    await stranger.goto(env.server.url + "/signup");
    await stranger.getByLabel("Naam van de organisatie").fill(IMPOSTOR);
    await stranger.getByLabel("Soort organisatie").selectOption("toezichthouder");
    await stranger.getByLabel("Uw naam").fill("Iemand Anders");
    await stranger.getByLabel("E-mailadres").fill("beheerder@nagemaakt.example.com");
    await stranger.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
    await stranger.getByLabel("Herhaal het wachtwoord").fill(PASSWORD);
    await stranger.getByRole("button", { name: "Account aanmaken" }).click();
    // Confirmed by mail; as a beheerder (and a toezichthouder) it sets up a second factor before anything else.
    await stranger.waitForURL(/\/signup\?sent=1$/);
    await followMail(stranger, env.server, "beheerder@nagemaakt.example.com", /Bevestig uw aanmelding/);
    await stranger.getByRole("button", { name: "Aanmelding bevestigen" }).click();
    await enrolTotp(stranger);
    await stranger.waitForURL(env.server.url + "/");
    const banner = stranger.locator(".trust-banner");
    expect(await banner.locator("h2").textContent()).toBe("Uw organisatie wacht op verificatie");
    // No practice is looked up, nothing requested, no portfolio, no imports.
    expect(await stranger.getByRole("button", { name: "Zelfevaluatie aanvragen" }).count()).toBe(0);
    expect(await stranger.getByRole("link", { name: "Portefeuille" }).count()).toBe(0);
    await expectAccessible(stranger);
    expect((await stranger.goto(env.server.url + "/portfolio"))?.status()).toBe(404);
    expect((await stranger.goto(env.server.url + "/portfolio/import"))?.status()).toBe(404);
    // A hand-made request with a valid token and session is refused too.
    await stranger.goto(env.server.url + "/");
    const csrf = await stranger.locator('input[name="csrf"]').first().inputValue();
    const forged = await stranger.request.post(env.server.url + "/?index", { form: { csrf, _intent: "request", agb: "01234567", message: "" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);

    // The platform beheerder, from the command line and the mailed link, refuses it with a note.
    const platform = await (await newContext(env.browser)).newPage();
    platformLogin = await createPlatformAdmin(platform, env.server, PLATFORM);
    await expectAccessible(platform);
    await platform.getByRole("link", { name: IMPOSTOR }).click();
    await platform.waitForURL(/\/beheer\/organisations\/[0-9a-f-]{36}$/);
    await expectAccessible(platform);
    expect(await platform.locator("main").textContent()).toContain("beheerder@nagemaakt.example.com");
    await decide(platform, "Weigeren", "Geen toezichthouder met deze gegevens bekend.");
    expect(await platform.getByRole("status").textContent()).toBe("De organisatie is geweigerd.");

    // The stranger sees the refusal and its note, and asks again.
    await stranger.goto(env.server.url + "/");
    expect(await banner.locator("h2").textContent()).toBe("Uw organisatie is niet geverifieerd");
    expect(await banner.textContent()).toContain("Geen toezichthouder met deze gegevens bekend.");
    await stranger.goto(env.server.url + "/organisation#verification");
    await expectAccessible(stranger);
    await stranger.getByLabel("Toelichting voor het platformbeheer").fill("Wij zijn het echt; bel ons.");
    await stranger.getByRole("button", { name: "Opnieuw om verificatie vragen" }).click();
    await stranger.waitForURL(/notice=verificationRequested/);

    // Verified: its request to De Linde carries the mark on the practice's home page.
    await platform.goto(env.server.url + "/beheer/organisations?status=pending");
    await expectAccessible(platform);
    await platform.getByRole("link", { name: IMPOSTOR }).click();
    await platform.waitForURL(/\/beheer\/organisations\/[0-9a-f-]{36}$/);
    const organisationUrl = platform.url();
    await decide(platform, "Verifiëren", "Gebeld met het secretariaat (test).", ["Een andere bron (noem die in de toelichting)"]);
    expect(await platform.getByRole("status").textContent()).toBe("De organisatie is geverifieerd.");

    await stranger.goto(env.server.url + "/");
    expect(await banner.count()).toBe(0);
    await stranger.getByLabel("AGB-code van de praktijk", { exact: true }).last().fill("01234567");
    await stranger.getByRole("button", { name: "Zelfevaluatie aanvragen" }).click();
    await stranger.waitForURL(/done=requested/);
    await expectAccessible(stranger);

    const linde = await (await newContext(env.browser)).newPage();
    await signIn(linde, env.server, "beheerder@praktijk-de-linde.example.com");
    const request = linde.locator("#requests li").filter({ hasText: IMPOSTOR });
    expect(await request.locator(".verified-mark").textContent()).toContain("geverifieerd");
    await expectAccessible(linde);

    // Withdrawn: at the next request the practice no longer sees it, and the stranger is back to its own work.
    await platform.goto(organisationUrl);
    await decide(platform, "Verificatie intrekken", "Toch niet de inspectie (test).");
    await linde.reload();
    expect(await linde.locator("#requests").textContent()).not.toContain(IMPOSTOR);
    await stranger.goto(env.server.url + "/");
    expect(await banner.locator("h2").textContent()).toBe("De verificatie van uw organisatie is ingetrokken");
    expect(await stranger.getByRole("button", { name: "Zelfevaluatie aanvragen" }).count()).toBe(0);

    // Every decision is in the platform's own audit trail.
    await platform.goto(env.server.url + "/beheer/audit");
    await expectAccessible(platform);
    const log = await platform.locator("table.audit").textContent();
    for (const entry of ["Organisatie geweigerd", "Organisatie geverifieerd", "Verificatie ingetrokken", "Platformbeheerder aangemaakt"]) expect(log).toContain(entry);
    expect(consoleErrors.filter((e) => !/status of 40[34]/.test(e))).toEqual([]);
  });

  test("national data is the platform's: it imports region figures and publishes cut-offs, and the matrix shows their basis", async () => {
    const platform = await (await newContext(env.browser)).newPage();
    await platform.goto(env.server.url + "/login");
    await platform.getByLabel("E-mailadres").fill(PLATFORM);
    await platform.getByLabel("Wachtwoord", { exact: true }).fill(platformLogin.password);
    await platform.getByRole("button", { name: "Inloggen" }).click();
    // The password alone opens nothing: the second factor first.
    await platform.waitForURL(/\/login\/verify\?redirectTo=%2Fbeheer$/);
    await expectAccessible(platform);
    await platform.getByLabel("Code uit uw authenticator-app").fill(totpCode(platformLogin.secret, Date.now() + 30_000));
    await platform.getByRole("button", { name: "Bevestigen", exact: true }).click();
    await platform.waitForURL(env.server.url + "/beheer");

    await platform.goto(env.server.url + "/beheer/regions/import");
    await expectAccessible(platform);
    await platform.getByLabel("Spreadsheet (CSV)").setInputFiles(path.resolve(import.meta.dirname, "../fixtures/regions-mixed.csv"));
    await platform.getByLabel("Bron van de gegevens").fill("Vektis en CBS 2025");
    await platform.getByRole("button", { name: "Inlezen en voorbeeld tonen" }).click();
    await platform.waitForURL(/\/beheer\/regions\/import\/[0-9a-f-]{36}$/);
    await expectAccessible(platform);
    expect(await platform.locator("ul.import-errors li").count()).toBeGreaterThan(0);
    await platform.getByRole("button", { name: /rijen? inlezen/ }).click();
    await platform.waitForURL(/\/regions\?jaar=2025$/);
    expect(await platform.locator("main").textContent()).toContain("Vektis en CBS 2025");

    await platform.goto(env.server.url + "/beheer/criteria");
    await expectAccessible(platform);
    const density = platform.locator("#criteria-huisartsendichtheid");
    await density.getByRole("radio", { name: "Vaste grenswaarden" }).check();
    await density.getByLabel(/Rood bij/).fill("6,0");
    await density.getByLabel(/Oranje bij/).fill("7,0");
    await density.getByRole("button", { name: "Publiceren" }).click();
    // Without its basis a publication is refused, next to the fields.
    await expect.poll(() => platform.locator("#criteria-huisartsendichtheid-agreedBy-error").textContent()).toContain("wie de grenswaarden afspraken");
    await expectAccessible(platform);
    await density.getByLabel("Afgesproken door").fill("ZN, LHV en InEen (test)");
    await density.getByLabel("Bron van de afspraak").fill("Leidraad 2027/2028, bijlage grenswaarden (test)");
    await density.getByLabel("Datum van de afspraak").fill("2026-11-01");
    await density.getByRole("button", { name: "Publiceren" }).click();
    await expect.poll(() => platform.locator("#criteria-huisartsendichtheid").textContent()).toContain("Landelijk nu: afgesproken grenswaarden");

    // Everyone's matrix shows the cut-offs as agreed, with who agreed them, the source and the date.
    const practice = await (await newContext(env.browser)).newPage();
    await signIn(practice, env.server, "lezer@praktijk-de-linde.example.com");
    await practice.goto(env.server.url + "/regions");
    expect(await practice.locator("table.matrix thead").textContent()).toContain("afgesproken: rood ≤ 6,0, oranje ≤ 7,0");
    await practice.getByText(/Welke criteria gelden/).click();
    expect(await practice.locator("main").textContent()).toContain("Afgesproken door ZN, LHV en InEen (test) (1 november 2026); bron: Leidraad 2027/2028, bijlage grenswaarden (test)");
    await expectAccessible(practice);
  });
});
