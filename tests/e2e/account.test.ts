/**
 * Account flows in real Chromium against the built server in demo mode, whose mail goes through the
 * local SMTP server into /outbox: sign-up, password reset, invitations, member removal and a lezer's
 * refused change. axe on every page visited.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { enrolTotp, expectAccessible, followMail, newContext, signIn, useServerAndBrowser, watchConsole, type TestServer } from "./harness";

const env = useServerAndBrowser();

const NEW_PASSWORD = "Zeven zwanen zwemmen zuidwaarts";

/** Opens /outbox until a mail to `recipient` with `subject` is there (reset mail is sent in the background), then follows its link. */
async function followMailLink(page: Page, server: TestServer, recipient: string, subject: string) {
  const mail = page.locator("article.mail").filter({ hasText: recipient }).filter({ hasText: subject });
  await expect
    .poll(
      async () => {
        await page.goto(server.url + "/outbox");
        return mail.count();
      },
      { timeout: 10_000, interval: 250 },
    )
    .toBeGreaterThan(0);
  await expectAccessible(page);
  await mail.first().locator(".mail-body a").first().click();
  await page.waitForLoadState("load");
}

const who = async (page: Page) => {
  const element = page.locator(".site-header .who");
  // The header shows the person and role; the organisation is its title.
  return `${await element.textContent()} @ ${await element.getAttribute("title")}`;
};

describe("account flows", () => {
  test("a new praktijk signs up and lands signed in as its beheerder", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await page.goto(env.server.url + "/signup");
    await expectAccessible(page);

    await page.getByLabel("Naam van de organisatie").fill("Praktijk Zonnebloem (test)");
    await page.getByLabel("Soort organisatie").selectOption("praktijk");
    await page.getByLabel("AGB-code van de praktijk").fill("0123 4599");
    await page.getByLabel("Uw naam").fill("Sanne Start");
    await page.getByLabel("E-mailadres").fill("sanne@zonnebloem.example.com");
    await page.getByLabel("Wachtwoord", { exact: true }).fill("wachtwoord12");
    await page.getByLabel("Herhaal het wachtwoord").fill("wachtwoord12");
    await page.getByRole("button", { name: "Account aanmaken" }).click();

    // A guessable password: the message stands next to the field, described by it, in Dutch.
    const password = page.getByLabel("Wachtwoord", { exact: true });
    await expect.poll(() => page.locator("#password-error").textContent()).toContain("te makkelijk te raden");
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    expect(await password.getAttribute("aria-describedby")).toContain("password-error");
    expect(await page.getByLabel("Naam van de organisatie").inputValue()).toBe("Praktijk Zonnebloem (test)");
    await expectAccessible(page);

    await password.fill(NEW_PASSWORD);
    await page.getByLabel("Herhaal het wachtwoord").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Account aanmaken" }).click();
    // The same answer for every address: a mail to confirm it.
    await page.waitForURL(/\/signup\?sent=1$/);
    expect(await page.getByRole("status").textContent()).toContain("We hebben een e-mail gestuurd");
    await expectAccessible(page);
    await followMail(page, env.server, "sanne@zonnebloem.example.com", /Bevestig uw aanmelding/);
    expect(page.url()).toMatch(/\/signup\/confirm\?token=[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Aanmelding bevestigen" }).click();
    // A beheerder signs in with a second factor: set up before anything else.
    await enrolTotp(page);
    await page.waitForURL(env.server.url + "/");
    expect(await who(page)).toContain("Sanne Start (beheerder) @ Praktijk Zonnebloem (test)");
    await expectAccessible(page);

    await page.goto(env.server.url + "/organisation");
    await expectAccessible(page);
    expect(await page.locator(".lead").textContent()).toBe("Praktijk Zonnebloem (test) (huisartsenpraktijk)");
    expect(await page.locator("table.members tbody tr").count()).toBe(1);

    // The same address again: the same answer, no second account; the owner gets a mail instead.
    const other = await (await newContext(env.browser)).newPage();
    await other.goto(env.server.url + "/signup");
    await other.getByLabel("Naam van de organisatie").fill("Nog een praktijk");
    await other.getByLabel("Soort organisatie").selectOption("huisarts");
    await other.getByLabel("Uw naam").fill("Iemand");
    await other.getByLabel("E-mailadres").fill("SANNE@zonnebloem.example.com");
    await other.getByLabel("Wachtwoord", { exact: true }).fill(NEW_PASSWORD);
    await other.getByLabel("Herhaal het wachtwoord").fill(NEW_PASSWORD);
    await other.getByRole("button", { name: "Account aanmaken" }).click();
    await other.waitForURL(/\/signup\?sent=1$/);
    expect(await other.getByRole("status").textContent()).toContain("We hebben een e-mail gestuurd");
    await followMail(other, env.server, "sanne@zonnebloem.example.com", /Aanmelding met uw e-mailadres/);
    expect(new URL(other.url()).pathname).toBe("/login");
    // The refused posts answer 400 on purpose (Chromium reports that as a failed resource); nothing else may.
    expect(consoleErrors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  test("forgot password: the link from the outbox sets a new one, the old one stops working, older sessions end", async () => {
    const email = "invuller@voorbeeldketen.example.com";
    const older = await (await newContext(env.browser)).newPage();
    await signIn(older, env.server, email);

    const page = await (await newContext(env.browser)).newPage();
    await page.goto(env.server.url + "/forgot-password");
    await expectAccessible(page);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByRole("button", { name: "Link versturen" }).click();
    await page.waitForURL(/\/forgot-password\?sent=1$/);
    expect(await page.getByRole("status").textContent()).toContain("Als er een account met dit e-mailadres bestaat");
    await expectAccessible(page);

    await followMailLink(page, env.server, email, "Nieuw wachtwoord voor Kernwaardenscan");
    expect(page.url()).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    const resetUrl = page.url();
    await expectAccessible(page);
    await page.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
    await page.getByLabel("Herhaal het wachtwoord").fill(NEW_PASSWORD + "!");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect.poll(() => page.locator("#passwordRepeat-error").textContent()).toContain("niet gelijk");
    await expectAccessible(page);
    await page.getByLabel("Nieuw wachtwoord").fill(NEW_PASSWORD);
    await page.getByLabel("Herhaal het wachtwoord").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await page.waitForURL(env.server.url + "/");
    expect(await who(page)).toContain("(invuller)");

    // The session that existed before the reset is gone.
    await older.goto(env.server.url + "/organisation");
    expect(new URL(older.url()).pathname).toBe("/login");

    // The link worked once.
    const again = await page.goto(resetUrl);
    expect(again?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Deze link werkt niet (meer)");
    await expectAccessible(page);

    // Old password refused, new one works.
    const fresh = await (await newContext(env.browser)).newPage();
    await fresh.goto(env.server.url + "/login");
    await fresh.getByLabel("E-mailadres").fill(email);
    await fresh.getByLabel("Wachtwoord", { exact: true }).fill("Kernwaarden-demo-2026");
    await fresh.getByRole("button", { name: "Inloggen" }).click();
    await expect.poll(() => fresh.locator("#login-error").textContent()).toContain("klopt niet");
    await signIn(fresh, env.server, email, NEW_PASSWORD);
    expect(await who(fresh)).toContain("(invuller)");
  });

  test("a beheerder invites, the invitee accepts from the outbox and signs in with the role; removal signs them out", async () => {
    const beheerder = await (await newContext(env.browser)).newPage();
    await signIn(beheerder, env.server, "beheerder@praktijk-de-linde.example.com");
    await beheerder.goto(env.server.url + "/organisation");
    await expectAccessible(beheerder);
    await beheerder.getByLabel("E-mailadres").fill("Nina.Nieuw@example.com");
    await beheerder.getByLabel("Rol", { exact: true }).selectOption("invuller");
    await beheerder.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await beheerder.waitForURL(/\/organisation\?notice=invited$/);
    expect(await beheerder.getByRole("status").textContent()).toBe("De uitnodiging is verstuurd.");
    expect(await beheerder.getByRole("region", { name: "Openstaande uitnodigingen" }).textContent()).toContain("nina.nieuw@example.com");
    await expectAccessible(beheerder);

    const invitee = await (await newContext(env.browser)).newPage();
    await followMailLink(invitee, env.server, "nina.nieuw@example.com", "Uitnodiging voor Kernwaardenscan namens Huisartsenpraktijk De Linde (demo)");
    expect(invitee.url()).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(invitee);
    expect(await invitee.locator("main").textContent()).toContain("als invuller mee te werken namens Huisartsenpraktijk De Linde (demo)");
    await invitee.getByLabel("Uw naam").fill("Nina Nieuw");
    await invitee.getByLabel("Wachtwoord", { exact: true }).fill(NEW_PASSWORD);
    await invitee.getByLabel("Herhaal het wachtwoord").fill(NEW_PASSWORD);
    await invitee.getByRole("button", { name: "Account aanmaken en aansluiten" }).click();
    await invitee.waitForURL(env.server.url + "/");
    expect(await who(invitee)).toContain("Nina Nieuw (invuller) @ Huisartsenpraktijk De Linde (demo)");

    // Signing in later gives the same role.
    const later = await (await newContext(env.browser)).newPage();
    await signIn(later, env.server, "nina.nieuw@example.com", NEW_PASSWORD);
    expect(await who(later)).toContain("(invuller)");

    // The beheerder removes her, after a confirmation; her sessions for this organisation end.
    await beheerder.goto(env.server.url + "/organisation");
    await beheerder.getByRole("link", { name: "Nina Nieuw verwijderen" }).click();
    await beheerder.waitForURL(/\?remove=/);
    await expectAccessible(beheerder);
    await beheerder.getByRole("button", { name: "Ja, verwijderen" }).click();
    await beheerder.waitForURL(/notice=removed$/);
    // The URL changes as the navigation starts to commit; wait for the revalidated table itself.
    await beheerder.locator("table.members", { hasNotText: "Nina Nieuw" }).waitFor();
    expect(await beheerder.locator("table.members").textContent()).not.toContain("Nina Nieuw");
    await later.goto(env.server.url + "/organisation");
    expect(new URL(later.url()).pathname).toBe("/login");
  });

  test("a lezer sees the members read-only and gets 403 on an organisation action", async () => {
    const page = await (await newContext(env.browser)).newPage();
    await signIn(page, env.server, "lezer@praktijk-de-linde.example.com");
    await page.goto(env.server.url + "/organisation");
    await expectAccessible(page);
    expect(await page.locator("table.members tbody tr").count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole("button", { name: "Uitnodiging versturen" }).count()).toBe(0);
    expect(await page.locator("table.members select").count()).toBe(0);

    // A hand-made post with a valid CSRF token and session is still refused.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const response = await page.request.post(env.server.url + "/organisation", {
      form: { csrf, intent: "invite", email: "indringer@example.com", role: "beheerder" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });
});
