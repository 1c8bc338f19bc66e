/**
 * Signing in at ASVS level 2 on a real migrated SQLite, mail through the local SMTP server: TOTP codes
 * (±1 step, each used once, also when sent twice at the same moment), recovery codes (hashed, once),
 * who must use a second factor, sealed recovery codes in the session, sign-up answering the same for
 * a known and an unknown address, and a password change that ends every other session.
 */
import { createHash } from "node:crypto";
import * as OTPAuth from "otpauth";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import { changePassword, confirmSignUp, getSignupRequest, requestSignUp } from "~/models/account.server";
import { confirmTotp, factorSummary, generateRecoveryCodes, pendingTotp, redeemRecoveryCode, verifyTotp } from "~/models/mfa.server";
import { createSession, getSession, isRecentAuth, readPendingCodes, rotateSession } from "~/models/session.server";
import { mfaStep } from "~/models/viewer.server";
import { stopLocalSmtp } from "~/utils/local-smtp.server";
import { makeViewer } from "../factories";

let db: Kysely<Database>;
beforeAll(async () => {
  db = await getDb();
});
afterAll(async () => {
  await stopLocalSmtp();
});

const codeAt = (secret: string, at: number) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at });
const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } });
const waitForMail = async (email: string, subject: RegExp) => {
  for (let i = 0; i < 50; i++) {
    const mail = await db.selectFrom("outbox_message").selectAll().where("recipient", "=", email).orderBy("received_at", "desc").executeTakeFirst();
    if (mail && subject.test(mail.subject)) return mail;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail "${subject}" to ${email}`);
};

describe("TOTP", () => {
  test("enrolment: a QR code (SVG data URL) and a key; the first code confirms it, is audited and mailed", async () => {
    const person = await makeViewer(db, { role: "beheerder" });
    const enrolment = (await pendingTotp(person.personId, person.email))!;
    expect(enrolment.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qr.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Kernwaardenscan:/);
    // A reload shows the same secret until it is confirmed.
    expect((await pendingTotp(person.personId, person.email))!.secret).toBe(enrolment.secret);
    expect(await confirmTotp({ actor: person, email: person.email, code: "000000", lng: "nl" })).toBe(false);
    const now = Date.now();
    expect(await confirmTotp({ actor: person, email: person.email, code: codeAt(enrolment.secret, now), lng: "nl", now })).toBe(true);
    expect(await factorSummary(person.personId)).toMatchObject({ totp: true });
    expect(await pendingTotp(person.personId, person.email)).toBeNull();
    expect((await waitForMail(person.email, /Authenticator-app ingesteld/)).body).toContain("Was u dit niet?");
    expect(await db.selectFrom("audit_event").select("action").where("subject_id", "=", person.personId).execute()).toContainEqual({ action: "mfa.totp-enrolled" });
  });

  test("a code of the step before, now or after passes once; older or later codes do not; a code is never used twice", async () => {
    const person = await makeViewer(db);
    const { secret } = (await pendingTotp(person.personId, person.email))!;
    const t0 = 1_900_000_000_000;
    expect(await confirmTotp({ actor: person, email: person.email, code: codeAt(secret, t0 - 30_000), lng: "nl", now: t0 - 30_000 })).toBe(true);
    // The confirming code (step t0-1) is used: it and anything before it never pass again.
    expect(await verifyTotp(person.personId, codeAt(secret, t0 - 30_000), t0)).toBe(false);
    expect(await verifyTotp(person.personId, codeAt(secret, t0 - 90_000), t0)).toBe(false);
    // Two steps ahead is outside the window.
    expect(await verifyTotp(person.personId, codeAt(secret, t0 + 60_000), t0)).toBe(false);
    // The next step's code (the app's clock a little ahead) passes; then the current one, being older, does not.
    expect(await verifyTotp(person.personId, codeAt(secret, t0 + 30_000), t0)).toBe(true);
    expect(await verifyTotp(person.personId, codeAt(secret, t0), t0)).toBe(false);
    // Typed with a space it is read as the digits.
    const later = t0 + 120_000;
    const code = codeAt(secret, later);
    expect(await verifyTotp(person.personId, `${code.slice(0, 3)} ${code.slice(3)}`, later)).toBe(true);
  });

  test("the same code sent twice at the same moment is accepted once", async () => {
    const person = await makeViewer(db);
    const { secret } = (await pendingTotp(person.personId, person.email))!;
    const t0 = 1_950_000_000_000;
    await confirmTotp({ actor: person, email: person.email, code: codeAt(secret, t0), lng: "nl", now: t0 });
    const next = codeAt(secret, t0 + 30_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyTotp(person.personId, next, t0 + 30_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("recovery codes", () => {
  test("ten codes, stored only as hashes, each works once (any case, with or without the dash)", async () => {
    const person = await makeViewer(db);
    const codes = await generateRecoveryCodes(person.personId);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const stored = await db.selectFrom("recovery_code").select("code_hash").where("person_id", "=", person.personId).execute();
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((s) => s.code_hash)).not.toContain(code);
    expect(stored.map((s) => s.code_hash)).toContain(createHash("sha256").update(codes[0]!.replace("-", "")).digest("hex"));

    const use = (code: string) => redeemRecoveryCode({ actor: person, email: person.email, code, lng: "nl" });
    expect(await use(codes[0]!.toLowerCase().replace("-", " "))).toBe(9);
    expect(await use(codes[0]!)).toBeNull();
    expect(await use("AAAAA-AAAAA")).toBeNull();
    // Two at once with the same code: one wins.
    const both = await Promise.all([use(codes[1]!), use(codes[1]!)]);
    expect(both.filter((r) => r !== null)).toHaveLength(1);
    expect((await waitForMail(person.email, /Herstelcode gebruikt/)).subject).toBe("Herstelcode gebruikt om in te loggen");
    // New codes replace the unused old ones.
    const fresh = await generateRecoveryCodes(person.personId);
    expect(await use(codes[2]!)).toBeNull();
    expect(await use(fresh[0]!)).toBe(9);
  });
});

describe("who must use a second factor", () => {
  const base = { platform: false, kind: "praktijk" as const, role: "invuller" as const, requireMfa: false, demoPerson: false, demoMode: false, hasFactor: false, sessionMfa: false };
  test.each([
    ["the platform beheerder", { platform: true, kind: null, role: null }, "enrol"],
    ["a beheerder", { role: "beheerder" }, "enrol"],
    ["an insurer's lezer", { kind: "zorgverzekeraar", role: "lezer" }, "enrol"],
    ["a toezichthouder's invuller", { kind: "toezichthouder" }, "enrol"],
    ["a practice's invuller whose beheerder requires it", { requireMfa: true }, "enrol"],
    ["a practice's invuller", {}, "ok"],
    ["a practice's invuller who enrolled one", { hasFactor: true }, "verify"],
    ["a seeded demo beheerder in demo mode", { role: "beheerder", demoPerson: true, demoMode: true }, "ok"],
    ["a seeded demo beheerder who enrolled one", { role: "beheerder", demoPerson: true, demoMode: true, hasFactor: true }, "verify"],
    ["a seeded demo beheerder outside demo mode", { role: "beheerder", demoPerson: true }, "enrol"],
    ["a new beheerder in demo mode", { role: "beheerder", demoMode: true }, "enrol"],
    ["a beheerder whose session passed it", { role: "beheerder", hasFactor: true, sessionMfa: true }, "ok"],
  ] as const)("%s: %s", (_name, over, step) => {
    expect(mfaStep({ ...base, ...(over as Partial<typeof base>) }).step).toBe(step);
  });
});

describe("sessions", () => {
  test("a rotation gives a new token (the old one ends), keeps the absolute end, and counts as a fresh authentication", async () => {
    const person = await makeViewer(db);
    const first = await createSession(person.personId, person.organisationId);
    const session = (await getSession(requestWith(first)))!;
    expect(session.mfaAt).toBeNull();
    await db.updateTable("session").set({ auth_at: new Date(Date.now() - 11 * 60_000).toISOString() }).where("id_hash", "=", session.idHash).execute();
    expect(isRecentAuth((await getSession(requestWith(first)))!)).toBe(false);
    const second = await rotateSession((await getSession(requestWith(first)))!, { mfa: true, pendingCodes: ["AAAAA-BBBBB"] });
    expect(await getSession(requestWith(first))).toBeNull();
    const rotated = (await getSession(requestWith(second)))!;
    expect(rotated.mfaAt).not.toBeNull();
    expect(isRecentAuth(rotated)).toBe(true);
    // The new codes are readable with the cookie only: the database holds them sealed.
    expect(await readPendingCodes(requestWith(second))).toEqual(["AAAAA-BBBBB"]);
    const sealed = await db.selectFrom("session").select("pending_codes").where("id_hash", "=", rotated.idHash).executeTakeFirstOrThrow();
    expect(sealed.pending_codes).not.toContain("AAAAA");
    expect(await readPendingCodes(requestWith(first))).toBeNull();
  });

  test("changing the password ends every other session of the person and uses up reset links", async () => {
    const person = await makeViewer(db);
    const mine = await createSession(person.personId, person.organisationId);
    const other = await createSession(person.personId, person.organisationId);
    const session = (await getSession(requestWith(mine)))!;
    await changePassword({ actor: person, password: "Nieuw wachtwoord voor de test 2026", keepSession: session.idHash });
    expect(await getSession(requestWith(mine))).not.toBeNull();
    expect(await getSession(requestWith(other))).toBeNull();
    expect(await db.selectFrom("audit_event").select("action").where("subject_id", "=", person.personId).execute()).toContainEqual({ action: "password.changed" });
  });
});

describe("sign-up answers the same for a known and an unknown address", () => {
  const form = (email: string) => ({
    organisationName: "Praktijk Aanmelding",
    kind: "praktijk" as const,
    agb: "09876543",
    kvk: null,
    uzovi: null,
    name: "Aan Melder",
    email,
    password: "Een zin van een paar woorden 2026",
    lng: "nl" as const,
  });

  test("an unknown address gets a link that creates the organisation once; a known one a mail saying so, and nothing is created", async () => {
    const known = await makeViewer(db, { email: "bekend@example.com" });
    const before = (await db.selectFrom("organisation").select("id").execute()).length;
    await requestSignUp(form(known.email));
    await requestSignUp(form("Nieuw@Example.com"));
    // Nothing is created before the link is followed.
    expect((await db.selectFrom("organisation").select("id").execute()).length).toBe(before);
    const existingMail = await waitForMail(known.email, /Aanmelding met uw e-mailadres/);
    expect(existingMail.body).not.toMatch(/signup\/confirm/);
    const mail = await waitForMail("nieuw@example.com", /Bevestig uw aanmelding/);
    const token = /signup\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(mail.body)![1]!;
    expect(await getSignupRequest(token)).toMatchObject({ email: "nieuw@example.com", organisationName: "Praktijk Aanmelding" });
    const created = await confirmSignUp(token);
    expect(created).toMatchObject({ ok: true });
    expect(await confirmSignUp(token)).toEqual({ ok: false, reason: "invalid" });
    const org = await db.selectFrom("organisation").select(["verification", "name"]).where("name", "=", "Praktijk Aanmelding").execute();
    expect(org).toEqual([{ verification: "pending", name: "Praktijk Aanmelding" }]);
  });

  test("no more than three sign-up mails an hour to one address", async () => {
    for (let i = 0; i < 5; i++) await requestSignUp(form("vaak@example.com"));
    expect(await db.selectFrom("signup_request").select("token_hash").where("email", "=", "vaak@example.com").execute()).toHaveLength(3);
    // The mails leave after the answer: wait for the three, so none is still on its way when the mail server stops.
    await expect.poll(async () => (await db.selectFrom("outbox_message").select("id").where("recipient", "=", "vaak@example.com").execute()).length, { timeout: 10_000 }).toBe(3);
  });
});
