/**
 * Accounts on a real, migrated in-memory SQLite, with mail going through the real local SMTP server:
 * sign-up, invitations, password reset (single-use tokens, sessions ended) and the beheerder's member
 * changes (the last beheerder stays, removal ends that organisation's sessions, every change audited).
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import {
  acceptInvitation,
  changeMemberRole,
  getInvitation,
  getPasswordReset,
  inviteMember,
  listMembers,
  listOpenInvitations,
  removeMember,
  requestPasswordReset,
  resetPassword,
  signUp,
} from "~/models/account.server";
import { resetMailTransport } from "~/models/mail.server";
import { hashPassword, verifyPassword } from "~/models/password.server";
import { createSession } from "~/models/session.server";
import type { Viewer } from "~/models/viewer.server";
import { stopLocalSmtp } from "~/utils/local-smtp.server";
import { makeOrganisation, makeViewer } from "../factories";

let db: Kysely<Database>;
const PASSWORD = "Blauwe fiets onder de linde";
const OTHER_PASSWORD = "Zeven zwanen zwemmen zuidwaarts";

beforeAll(async () => {
  db = await getDb();
});
afterAll(async () => {
  await stopLocalSmtp();
});

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The newest mail to an address, read back from the outbox the local SMTP server filled. */
async function lastMailTo(email: string) {
  return db.selectFrom("outbox_message").selectAll().where("recipient", "=", email).orderBy("received_at", "desc").executeTakeFirst();
}
const mailCount = async (email: string) => (await db.selectFrom("outbox_message").select("id").where("recipient", "=", email).execute()).length;

function tokenFrom(body: string, path: "invitations/" | "reset-password?token=") {
  const match = new RegExp(`${path.replace("?", "\\?")}([A-Za-z0-9_-]{43})`).exec(body);
  if (!match) throw new Error(`no ${path} link in:\n${body}`);
  return match[1]!;
}

const sessionsOf = (personId: string) => db.selectFrom("session").select(["organisation_id"]).where("person_id", "=", personId).execute();
const auditActions = async (subjectId: string) =>
  (await db.selectFrom("audit_event").select("action").where("subject_id", "=", subjectId).execute()).map((r) => r.action);

async function beheerderWithPassword(email: string) {
  const viewer = await makeViewer(db, { role: "beheerder", email, name: "Bea Beheer" });
  await db.updateTable("person").set({ password_hash: await hashPassword(PASSWORD) }).where("id", "=", viewer.personId).execute();
  return viewer;
}

describe("sign-up", () => {
  test("a praktijk: organisation, beheerder with a lowercase address, hashed password, practice with AGB, audit", async () => {
    const result = await signUp({
      organisationName: "Praktijk Nieuwstad",
      kind: "praktijk",
      agb: "01234567",
      kvk: null,
      uzovi: null,
      name: "Noor Nieuw",
      email: "  Noor@Example.COM ",
      password: PASSWORD,
    });
    if (!result.ok) throw new Error("sign-up refused");
    const org = await db.selectFrom("organisation").selectAll().where("id", "=", result.organisationId).executeTakeFirstOrThrow();
    expect(org).toMatchObject({ kind: "praktijk", name: "Praktijk Nieuwstad" });
    const person = await db.selectFrom("person").selectAll().where("id", "=", result.personId).executeTakeFirstOrThrow();
    expect(person.email).toBe("noor@example.com");
    expect(person.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(person.password_hash, PASSWORD)).toBe(true);
    const membership = await db.selectFrom("membership").selectAll().where("person_id", "=", result.personId).execute();
    expect(membership).toEqual([expect.objectContaining({ organisation_id: result.organisationId, role: "beheerder" })]);
    const practice = await db.selectFrom("practice").selectAll().where("organisation_id", "=", result.organisationId).execute();
    expect(practice).toEqual([expect.objectContaining({ name: "Praktijk Nieuwstad", agb: "01234567", keten_id: null })]);
    expect(await auditActions(result.organisationId)).toEqual(["organisation.signed-up"]);
    // Unverified until the platform beheerder has checked it; its request for verification is on record.
    expect(org.verification).toBe("pending");
    expect(await db.selectFrom("organisation_verification").select("decision").where("organisation_id", "=", result.organisationId).execute()).toEqual([{ decision: "requested" }]);
    // UUIDs, never sequential ids.
    expect(result.organisationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("an insurer gets no practice row", async () => {
    const result = await signUp({ organisationName: "Verzekeraar X", kind: "zorgverzekeraar", agb: null, kvk: "12345678", uzovi: "3311", name: "Vera", email: "vera@example.com", password: PASSWORD });
    if (!result.ok) throw new Error("sign-up refused");
    expect(await db.selectFrom("practice").select("id").where("organisation_id", "=", result.organisationId).execute()).toEqual([]);
  });

  test("an address that has an account, in any case, is refused and nothing is created", async () => {
    const before = (await db.selectFrom("organisation").select("id").execute()).length;
    const result = await signUp({ organisationName: "Dubbel", kind: "keten", agb: null, kvk: "12345679", uzovi: null, name: "Noor", email: "NOOR@example.com", password: PASSWORD });
    expect(result).toEqual({ ok: false, reason: "email-taken" });
    expect((await db.selectFrom("organisation").select("id").execute()).length).toBe(before);
  });
});

describe("invitations", () => {
  let beheerder: Viewer;
  beforeAll(async () => {
    beheerder = await beheerderWithPassword("bea-uitnodiger@example.com");
  });

  test("a beheerder invites: a hashed token valid 7 days, a mail with the link; the new person accepts and becomes a member", async () => {
    expect(await inviteMember({ viewer: beheerder, email: "Nieuwe.Collega@example.com", role: "invuller", lng: "nl" })).toEqual({ ok: true });
    const mail = await lastMailTo("nieuwe.collega@example.com");
    expect(mail?.subject).toContain(beheerder.organisationName);
    expect(mail?.body).toContain("als invuller mee te werken");
    expect(mail?.body).toMatch(/^http:\/\/localhost:\d+\/invitations\/[A-Za-z0-9_-]{43}$/m);
    const token = tokenFrom(mail!.body, "invitations/");

    // The database holds only the hash of the token.
    const row = await db.selectFrom("token").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: "invitation", email: "nieuwe.collega@example.com", role: "invuller", organisation_id: beheerder.organisationId, used_at: null });
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(7 * 86_400_000);
    expect(await db.selectFrom("token").select("token_hash").where("token_hash", "=", token).execute()).toEqual([]);
    expect((await listOpenInvitations({ viewerOrgId: beheerder.organisationId })).map((i) => i.email)).toContain("nieuwe.collega@example.com");

    const invitation = await getInvitation(token);
    expect(invitation).toMatchObject({ email: "nieuwe.collega@example.com", role: "invuller", organisationName: beheerder.organisationName, inviterName: "Bea Beheer", hasAccount: false });

    const accepted = await acceptInvitation({ token, name: "Nina Nieuw", password: PASSWORD });
    if (!accepted.ok) throw new Error(`accept refused: ${accepted.reason}`);
    expect(accepted.organisationId).toBe(beheerder.organisationId);
    const members = await listMembers({ viewerOrgId: beheerder.organisationId });
    expect(members.find((m) => m.personId === accepted.personId)).toMatchObject({ name: "Nina Nieuw", email: "nieuwe.collega@example.com", role: "invuller" });
    expect(await auditActions(accepted.personId)).toContain("invitation.accepted");

    // Single use.
    expect(await getInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, name: "Nog eens", password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  test("mail goes in the language of the request that caused it", async () => {
    await inviteMember({ viewer: beheerder, email: "english@example.com", role: "lezer", lng: "en" });
    const mail = await lastMailTo("english@example.com");
    expect(mail?.subject).toBe(`Invitation to Kernwaardenscan on behalf of ${beheerder.organisationName}`);
    expect(mail?.body).toContain("work as reader");
  });

  test("an address with an account joins with its own password; a wrong one is refused", async () => {
    const elsewhere = await beheerderWithPassword("bestaand@example.com");
    await inviteMember({ viewer: beheerder, email: "bestaand@example.com", role: "lezer", lng: "nl" });
    const token = tokenFrom((await lastMailTo("bestaand@example.com"))!.body, "invitations/");
    expect((await getInvitation(token))?.hasAccount).toBe(true);
    expect(await acceptInvitation({ token, password: "niet het wachtwoord" })).toEqual({ ok: false, reason: "wrong-password" });
    // A new-account form for an address that has an account is not a way in.
    expect(await acceptInvitation({ token, name: "Iemand", password: PASSWORD })).toEqual({ ok: false, reason: "account-exists" });
    const accepted = await acceptInvitation({ token, password: PASSWORD });
    expect(accepted).toEqual({ ok: true, personId: elsewhere.personId, organisationId: beheerder.organisationId });
    const memberships = await db.selectFrom("membership").select(["organisation_id", "role"]).where("person_id", "=", elsewhere.personId).execute();
    expect(memberships).toHaveLength(2);
    expect(memberships).toContainEqual({ organisation_id: beheerder.organisationId, role: "lezer" });
  });

  test("an expired, unknown or malformed invitation is nothing", async () => {
    await inviteMember({ viewer: beheerder, email: "te-laat@example.com", role: "lezer", lng: "nl" });
    const token = tokenFrom((await lastMailTo("te-laat@example.com"))!.body, "invitations/");
    await db.updateTable("token").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("token_hash", "=", sha256(token)).execute();
    expect(await getInvitation(token)).toBeNull();
    expect(await acceptInvitation({ token, name: "Te Laat", password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await getInvitation("A".repeat(43))).toBeNull();
    expect(await getInvitation("'; drop table token; --")).toBeNull();
  });

  test("a newer invitation to the same address replaces the older one", async () => {
    await inviteMember({ viewer: beheerder, email: "twee-keer@example.com", role: "lezer", lng: "nl" });
    const first = tokenFrom((await lastMailTo("twee-keer@example.com"))!.body, "invitations/");
    await new Promise((r) => setTimeout(r, 5));
    await inviteMember({ viewer: beheerder, email: "twee-keer@example.com", role: "invuller", lng: "nl" });
    const second = tokenFrom((await lastMailTo("twee-keer@example.com"))!.body, "invitations/");
    expect(second).not.toBe(first);
    expect(await getInvitation(first)).toBeNull();
    expect((await getInvitation(second))?.role).toBe("invuller");
  });

  test("a member cannot be invited again; only a beheerder invites", async () => {
    expect(await inviteMember({ viewer: beheerder, email: "BEA-uitnodiger@example.com", role: "lezer", lng: "nl" })).toEqual({
      ok: false,
      reason: "already-member",
    });
    const lezer = await makeViewer(db, { organisation: await orgOf(beheerder), role: "lezer" });
    const refused = await inviteMember({ viewer: lezer, email: "iemand@example.com", role: "beheerder", lng: "nl" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await mailCount("iemand@example.com")).toBe(0);
  });

  test("when the mail cannot be sent the invitation is withdrawn and the error logged without the mail", async () => {
    await stopLocalSmtp(); // the transporter still points at the stopped server's port
    const errorSpy = vi.mocked(console.error).mockImplementation(() => {});
    try {
      expect(await inviteMember({ viewer: beheerder, email: "onbereikbaar@example.com", role: "lezer", lng: "nl" })).toEqual({
        ok: false,
        reason: "mail-failed",
      });
      expect(errorSpy).toHaveBeenCalledTimes(1);
      expect(String(errorSpy.mock.calls[0]?.join(" "))).not.toMatch(/invitations\//);
      expect(await db.selectFrom("token").select("token_hash").where("email", "=", "onbereikbaar@example.com").execute()).toEqual([]);
    } finally {
      errorSpy.mockClear();
      errorSpy.mockRestore();
      resetMailTransport();
    }
  });
});

async function orgOf(viewer: Viewer) {
  return db.selectFrom("organisation").selectAll().where("id", "=", viewer.organisationId).executeTakeFirstOrThrow();
}

describe("password reset", () => {
  test("an unknown address gets no token and no mail", async () => {
    await requestPasswordReset({ email: "niemand@example.com", lng: "nl" });
    expect(await mailCount("niemand@example.com")).toBe(0);
    expect(await db.selectFrom("token").select("token_hash").where("email", "=", "niemand@example.com").execute()).toEqual([]);
  });

  test("a reset link works once, sets the new password, uses up other links and ends every session", async () => {
    const person = await beheerderWithPassword("vergeten@example.com");
    const second = await makeOrganisation(db);
    await db.insertInto("membership").values({ person_id: person.personId, organisation_id: second.id, role: "lezer", created_at: new Date().toISOString() }).execute();
    await createSession(person.personId, person.organisationId);
    await createSession(person.personId, second.id);
    expect(await sessionsOf(person.personId)).toHaveLength(2);

    await requestPasswordReset({ email: " Vergeten@Example.com", lng: "nl" });
    const older = tokenFrom((await lastMailTo("vergeten@example.com"))!.body, "reset-password?token=");
    await new Promise((r) => setTimeout(r, 5));
    await requestPasswordReset({ email: "vergeten@example.com", lng: "en" });
    const mail = await lastMailTo("vergeten@example.com");
    expect(mail?.subject).toBe("New password for Kernwaardenscan");
    const token = tokenFrom(mail!.body, "reset-password?token=");
    const row = await db.selectFrom("token").selectAll().where("token_hash", "=", sha256(token)).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(60 * 60_000);
    expect(await getPasswordReset(token)).toEqual({ email: "vergeten@example.com", name: "Bea Beheer" });

    const result = await resetPassword({ token, password: OTHER_PASSWORD });
    expect(result).toEqual({ ok: true, personId: person.personId, organisationId: expect.any(String), platform: false });
    const hash = (await db.selectFrom("person").select("password_hash").where("id", "=", person.personId).executeTakeFirstOrThrow()).password_hash;
    expect(await verifyPassword(hash, OTHER_PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, PASSWORD)).toBe(false);
    expect(await sessionsOf(person.personId)).toEqual([]);
    expect(await auditActions(person.personId)).toEqual(expect.arrayContaining(["password.reset-requested", "password.reset"]));

    // Single use, and the older link died with it.
    expect(await getPasswordReset(token)).toBeNull();
    expect(await resetPassword({ token, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect(await resetPassword({ token: older, password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  test("an expired link does nothing", async () => {
    const person = await beheerderWithPassword("verlopen@example.com");
    await requestPasswordReset({ email: "verlopen@example.com", lng: "nl" });
    const token = tokenFrom((await lastMailTo("verlopen@example.com"))!.body, "reset-password?token=");
    await db.updateTable("token").set({ expires_at: new Date(Date.now() - 1).toISOString() }).where("token_hash", "=", sha256(token)).execute();
    expect(await getPasswordReset(token)).toBeNull();
    expect(await resetPassword({ token, password: OTHER_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    const hash = (await db.selectFrom("person").select("password_hash").where("id", "=", person.personId).executeTakeFirstOrThrow()).password_hash;
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
  });

  test("no more than three reset mails an hour for one person", async () => {
    await beheerderWithPassword("veel-vragen@example.com");
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: "veel-vragen@example.com", lng: "nl" });
    expect(await mailCount("veel-vragen@example.com")).toBe(3);
  });
});

describe("members", () => {
  test("the last beheerder can be neither demoted nor removed; with two, one can", async () => {
    const beheerder = await makeViewer(db, { role: "beheerder" });
    expect(await changeMemberRole({ viewer: beheerder, personId: beheerder.personId, role: "lezer" })).toEqual({ ok: false, reason: "last-beheerder" });
    expect(await removeMember({ viewer: beheerder, personId: beheerder.personId })).toEqual({ ok: false, reason: "last-beheerder" });
    const org = await orgOf(beheerder);
    const tweede = await makeViewer(db, { organisation: org, role: "invuller" });
    expect(await changeMemberRole({ viewer: beheerder, personId: tweede.personId, role: "beheerder" })).toEqual({ ok: true });
    expect(await changeMemberRole({ viewer: beheerder, personId: beheerder.personId, role: "invuller" })).toEqual({ ok: true });
    const roles = Object.fromEntries((await listMembers({ viewerOrgId: org.id })).map((m) => [m.personId, m.role]));
    expect(roles).toEqual({ [beheerder.personId]: "invuller", [tweede.personId]: "beheerder" });
    const events = await db.selectFrom("audit_event").select(["action", "detail", "actor_person_id"]).where("subject_id", "=", beheerder.personId).execute();
    expect(events).toContainEqual({ action: "membership.role-changed", detail: JSON.stringify({ from: "beheerder", to: "invuller" }), actor_person_id: beheerder.personId });
  });

  test("removing a member deletes the membership and ends that person's sessions for this organisation only", async () => {
    const beheerder = await makeViewer(db, { role: "beheerder" });
    const org = await orgOf(beheerder);
    const member = await makeViewer(db, { organisation: org, role: "invuller" });
    const elsewhere = await makeOrganisation(db);
    await db.insertInto("membership").values({ person_id: member.personId, organisation_id: elsewhere.id, role: "lezer", created_at: new Date().toISOString() }).execute();
    await createSession(member.personId, org.id);
    await createSession(member.personId, elsewhere.id);

    expect(await removeMember({ viewer: beheerder, personId: member.personId })).toEqual({ ok: true });
    expect((await listMembers({ viewerOrgId: org.id })).map((m) => m.personId)).toEqual([beheerder.personId]);
    expect(await sessionsOf(member.personId)).toEqual([{ organisation_id: elsewhere.id }]);
    expect(await auditActions(member.personId)).toContain("membership.removed");
  });

  test("a person of another organisation is not found; other roles may not change members", async () => {
    const beheerder = await makeViewer(db, { role: "beheerder" });
    const stranger = await makeViewer(db, { role: "invuller" });
    expect(await changeMemberRole({ viewer: beheerder, personId: stranger.personId, role: "lezer" })).toEqual({ ok: false, reason: "not-found" });
    expect(await removeMember({ viewer: beheerder, personId: stranger.personId })).toEqual({ ok: false, reason: "not-found" });
    expect(await db.selectFrom("membership").select("role").where("person_id", "=", stranger.personId).executeTakeFirst()).toEqual({ role: "invuller" });

    const invuller = await makeViewer(db, { organisation: await orgOf(beheerder), role: "invuller" });
    for (const attempt of [
      () => changeMemberRole({ viewer: invuller, personId: beheerder.personId, role: "lezer" }),
      () => removeMember({ viewer: invuller, personId: beheerder.personId }),
    ]) {
      const refused = await attempt().catch((e: unknown) => e);
      expect((refused as Response).status).toBe(403);
    }
  });
});

describe("/outbox", () => {
  test("shows the received mail in demo mode and does not exist outside it", async () => {
    const demo = await import("~/routes/outbox");
    const shown = await demo.loader({ request: new Request("http://localhost/outbox"), params: {}, context: { clientAddress: "127.0.0.1" } });
    expect(shown.messages.length).toBeGreaterThan(0);
    // Only to this machine: from any other address, or an address a proxy could be told, it does not exist.
    for (const clientAddress of ["192.168.1.20", "10.0.0.5", "::ffff:203.0.113.7", "2001:db8::1", undefined]) {
      const other = await Promise.resolve(demo.loader({ request: new Request("http://localhost/outbox"), params: {}, context: { clientAddress } })).catch((e: unknown) => e);
      expect((other as Response).status, String(clientAddress)).toBe(404);
    }
    for (const clientAddress of ["::1", "::ffff:127.0.0.1", "127.0.0.2"]) {
      const local = await demo.loader({ request: new Request("http://localhost/outbox"), params: {}, context: { clientAddress } });
      expect(local.messages.length, clientAddress).toBeGreaterThan(0);
    }

    vi.resetModules();
    vi.stubEnv("DEMO_MODE", "false");
    try {
      const { loader } = await import("~/routes/outbox");
      const refused = await Promise.resolve(loader({ request: new Request("http://localhost/outbox"), params: {}, context: { clientAddress: "127.0.0.1" } })).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(404);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
