/**
 * Nothing is silently overwritten (issue 10): two colleagues on the same question, with and without
 * JavaScript. The one whose answer is stale sees the other answer (who, when), nothing more is sent for
 * that question until they choose — not even a note typed after the conflict — and their choice is
 * what is stored (keeping one's own is in the audit trail as an overruled conflict). A value the server
 * refuses is never reported as saved: the status names it and the typed value stays in the field.
 */
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { expectAccessible, newContext, openDemoAssessment, signIn, useServerAndBrowser, watchConsole } from "./harness";

const env = useServerAndBrowser();

const QUESTION = "vaste-huisarts";
const BEHEERDER = "beheerder@praktijk-de-linde.example.com";

function stored(assessmentId: string, questionId: string) {
  const db = new Database(env.server.dbFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("select value, revision from answer where assessment_id = ? and question_id = ?").get(assessmentId, questionId) as
      | { value: string; revision: number }
      | undefined;
    const overruled = db
      .prepare("select count(*) as n from audit_event where assessment_id = ? and subject_id = ? and action = 'answer.conflict-overruled'")
      .get(assessmentId, questionId) as { n: number };
    return { value: row ? (JSON.parse(row.value) as { choice?: string; note?: string } | string | null) : null, revision: row?.revision ?? 0, overruled: overruled.n };
  } finally {
    db.close();
  }
}

const idOf = (url: string) => /\/assessments\/([0-9a-f-]{36})/.exec(url)![1]!;

/** A second person of the practice (its beheerder) with the same section open. */
async function colleague(assessmentUrl: string, section: string, javaScriptEnabled = true) {
  const context = await newContext(env.browser, { javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, env.server, BEHEERDER);
  await page.goto(`${assessmentUrl}/sections/${section}`);
  return { context, page };
}

const question = (page: Page) => page.locator(`#q-${QUESTION}`);

describe("two people, one answer", () => {
  test("with JavaScript: the stale choice is held, a note after it is not sent, and the person's choice is what stays", async () => {
    const contextA = await newContext(env.browser);
    const a = await contextA.newPage();
    const errors = watchConsole(a);
    const assessmentUrl = await openDemoAssessment(a, env.server);
    const id = idOf(assessmentUrl);
    await a.goto(`${assessmentUrl}/sections/continuiteit`);
    const { context: contextB, page: b } = await colleague(assessmentUrl, "continuiteit");

    // A answers first.
    await question(a).getByRole("radio", { name: "Deels" }).check();
    await expect.poll(() => question(a).locator(".save-state").textContent()).toContain("Opgeslagen");
    const afterA = stored(id, QUESTION);

    // B, on a page loaded before A's answer, answers otherwise: refused, and shown.
    const saves: string[] = [];
    b.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/answers")) saves.push(r.postData() ?? "");
    });
    await question(b).getByRole("radio", { name: "Nee" }).check();
    const conflict = question(b).locator(".conflict");
    await expect.poll(() => conflict.textContent()).toContain("Iemand anders heeft dit antwoord intussen gewijzigd");
    expect(await conflict.textContent()).toContain("Demo invuller Huisartsenpraktijk De Linde");
    expect(await conflict.locator("dd").first().textContent()).toBe("Deels");
    expect(await b.locator("#autosave-status").textContent()).toMatch(/Niet opgeslagen: .*kies welk antwoord blijft/);
    await expectAccessible(b);

    // The reported bug: a note typed after the conflict must not carry B's choice over A's.
    const sentBefore = saves.length;
    const note = question(b).getByLabel("Toelichting", { exact: true });
    await note.fill("Volgens mij hebben we geen vaste huisarts voor iedereen.");
    await note.blur();
    await b.waitForTimeout(1200);
    expect(saves.length, "nothing is sent for a question in conflict").toBe(sentBefore);
    expect(stored(id, QUESTION)).toEqual(afterA);
    expect(await b.locator("#autosave-status").textContent()).toContain("kies welk antwoord blijft");

    // B keeps theirs: saved on A's revision, and recorded as overruling A.
    await question(b).getByRole("button", { name: "Mijn antwoord houden" }).click();
    await expect.poll(() => question(b).locator(".save-state").textContent()).toContain("Opgeslagen");
    expect(await conflict.count()).toBe(0);
    const afterB = stored(id, QUESTION);
    expect(afterB).toMatchObject({ value: { choice: "nee", note: "Volgens mij hebben we geen vaste huisarts voor iedereen." }, revision: afterA.revision + 1, overruled: 1 });
    expect(await b.locator("#autosave-status").textContent()).toContain("Alle antwoorden opgeslagen");

    // A, now stale, changes the note: refused and shown; A takes B's answer, which fills A's fields.
    await question(a).getByLabel("Toelichting", { exact: true }).fill("Alleen de vaste patiënten.");
    await question(a).getByLabel("Toelichting", { exact: true }).blur();
    await expect.poll(() => question(a).locator(".conflict").count()).toBe(1);
    await question(a).getByRole("button", { name: "Hun antwoord overnemen" }).click();
    expect(await question(a).getByRole("radio", { name: "Nee" }).isChecked()).toBe(true);
    expect(await question(a).getByLabel("Toelichting", { exact: true }).inputValue()).toBe("Volgens mij hebben we geen vaste huisarts voor iedereen.");
    expect(await question(a).locator(".save-state").textContent()).toContain("overgenomen");
    expect(stored(id, QUESTION)).toEqual(afterB);

    // Taken, the question builds on B's revision: A's next change saves without a conflict.
    await question(a).getByRole("radio", { name: "Ja" }).check();
    await expect.poll(() => question(a).locator(".save-state").textContent()).toContain("Opgeslagen");
    expect(stored(id, QUESTION)).toMatchObject({ value: { choice: "ja" }, revision: afterB.revision + 1, overruled: 1 });
    // The browser logs the refused save (409) itself; that is the conflict, expected here. Nothing else.
    expect(errors.filter((e) => !e.includes("status of 409"))).toEqual([]);
    await contextA.close();
    await contextB.close();
  });

  test("without JavaScript: the post is refused for that question only, shown with both answers, and the choice is a button", async () => {
    const contextA = await newContext(env.browser);
    const a = await contextA.newPage();
    const assessmentUrl = await openDemoAssessment(a, env.server);
    const id = idOf(assessmentUrl);
    const { context: contextB, page: b } = await colleague(assessmentUrl, "continuiteit", false);

    await a.goto(`${assessmentUrl}/sections/continuiteit`);
    await question(a).getByRole("radio", { name: "Weet niet" }).check();
    await expect.poll(() => question(a).locator(".save-state").textContent()).toContain("Opgeslagen");
    const afterA = stored(id, QUESTION);

    // B posts the whole section with another choice for that question and an answer elsewhere.
    await question(b).getByRole("radio", { name: "Ja" }).check();
    const other = b.locator(".question--statement").nth(1);
    await other.getByRole("radio", { name: "Deels" }).check();
    await b.getByRole("button", { name: "Opslaan", exact: true }).click();
    await b.waitForLoadState();
    expect(await b.getByRole("alert").first().textContent()).toContain("door iemand anders gewijzigd en niet overschreven");
    expect(await question(b).locator(".conflict dd").first().textContent()).toMatch(/^Weet niet/);
    await expectAccessible(b);
    expect(stored(id, QUESTION)).toEqual(afterA);
    // B's own value is still in the field.
    expect(await question(b).getByRole("radio", { name: "Ja" }).isChecked()).toBe(true);

    // Saving again without choosing changes nothing: the conflict comes back.
    await b.getByRole("button", { name: "Opslaan", exact: true }).click();
    await b.waitForLoadState();
    expect(await question(b).locator(".conflict").count()).toBe(1);
    expect(stored(id, QUESTION)).toEqual(afterA);

    // Keeping B's answer is a plain form post.
    await question(b).getByRole("button", { name: "Mijn antwoord houden" }).click();
    await b.waitForURL(/\?saved=1$/);
    expect(stored(id, QUESTION)).toMatchObject({ value: { choice: "ja" }, revision: afterA.revision + 1, overruled: afterA.overruled + 1 });
    await contextA.close();
    await contextB.close();
  });

  test("a refused value is named in the status, stays in the field, and is not stored", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    const id = idOf(assessmentUrl);
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    const before = stored(id, "ingeschreven-patienten");
    const patients = page.getByLabel("Aantal ingeschreven patiënten");
    await patients.fill("heel veel");
    await patients.blur();
    const status = page.locator("#autosave-status");
    await expect.poll(() => status.textContent()).toContain("Niet opgeslagen: Aantal ingeschreven patiënten (controleer de invoer)");
    expect(await status.textContent()).not.toContain("Alle antwoorden opgeslagen");
    expect(await patients.inputValue()).toBe("heel veel");
    expect(await page.locator("#q-ingeschreven-patienten .field-error").textContent()).toContain("heel getal");
    // Another answer saves meanwhile; the refused one is still named.
    await page.getByRole("radio", { name: "Besloten vennootschap (bv)" }).check();
    await expect.poll(() => page.locator("#q-rechtsvorm .save-state").textContent()).toContain("Opgeslagen");
    expect(await status.textContent()).toContain("Aantal ingeschreven patiënten");
    expect(stored(id, "ingeschreven-patienten")).toEqual(before);
    await expectAccessible(page);

    // Corrected, it saves and the status says all is saved.
    await patients.fill("6400");
    await patients.blur();
    await expect.poll(() => status.textContent()).toContain("Alle antwoorden opgeslagen");
    expect(stored(id, "ingeschreven-patienten").value).toBe(6400);
    await context.close();
  });

  test("a form token from an earlier session is renewed once, visibly, and the answer is saved", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    const assessmentUrl = await openDemoAssessment(page, env.server);
    const id = idOf(assessmentUrl);
    await page.goto(`${assessmentUrl}/sections/praktijkgegevens`);
    // A new session in this browser (signed out and in again in another tab): the open page's token is stale.
    await context.clearCookies();
    const other = await context.newPage();
    await signIn(other, env.server, "invuller@praktijk-de-linde.example.com");
    await other.close();
    const patients = page.getByLabel("Aantal ingeschreven patiënten");
    await patients.fill("6500");
    await patients.blur();
    await expect.poll(() => page.locator("#q-ingeschreven-patienten .save-state").textContent()).toContain("Opgeslagen");
    expect(await page.locator("#autosave-status").textContent()).toContain("Het formulier is vernieuwd");
    expect(stored(id, "ingeschreven-patienten").value).toBe(6500);
    await context.close();
  });
});
