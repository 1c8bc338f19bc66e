/**
 * Accounts and the people of an organisation: sign-up (a new organisation with its first beheerder),
 * invitations, password reset, and the beheerder's changes to members. Tokens sent by mail are 32
 * random bytes; the database keeps only their SHA-256, so a copy of the database opens nothing. A token
 * is consumed by one conditional UPDATE, which is what makes it single use under concurrent requests.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database, MemberRole, OrganisationKind } from "../../db/schema";
import type { Lng } from "../i18n";
import { getEnv } from "../utils/env.server";
import { recordEvent } from "./audit.server";
import { invitationMail, passwordResetMail, sendMail } from "./mail.server";
import { signupConfirmMail, signupExistingMail } from "./security-mail.server";
import { hashPassword, verifyPassword } from "./password.server";
import { endAllSessions } from "./session.server";
import { requireRole, type Viewer, selectViewer } from "./viewer.server";

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;
/** More reset mails than this per person per hour are silently not sent: the form must not be a mail cannon. */
const RESETS_PER_HOUR = 3;

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
/** What a token from a link looks like; anything else is not looked up at all. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256(token) };
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const appLink = (path: string) => `${getEnv().APP_URL.replace(/\/+$/, "")}${path}`;

export type Db = Kysely<Database> | Transaction<Database>;

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && String(error.code).startsWith("SQLITE_CONSTRAINT");
}

/** The viewer a person is in an organisation, for audit events written before they have a session. */
async function viewerIn(db: Db, personId: string, organisationId: string): Promise<Viewer> {
  return selectViewer(db)
    .where("person.id", "=", personId)
    .where("organisation.id", "=", organisationId)
    .executeTakeFirstOrThrow();
}

/* ------------------------------------------------------------------------------------------------
 * Sign-up
 * ---------------------------------------------------------------------------------------------- */

export interface SignUpInput {
  organisationName: string;
  kind: OrganisationKind;
  /** Only for a praktijk: its AGB code, 8 digits. */
  agb: string | null;
  /** KvK-nummer (8 digits) where the organisation has one. */
  kvk: string | null;
  /** Only for a zorgverzekeraar: its UZOVI-code, 4 digits. */
  uzovi: string | null;
  name: string;
  email: string;
  password: string;
}

export type SignUpResult =
  | { ok: true; personId: string; organisationId: string; claim: boolean }
  | { ok: false; reason: "email-taken" | "agb-verified" };

/** Where an AGB stands in the register: free, known without an account (or with an unverified one), or a verified practice's. */
export async function agbStanding(db: Db, agb: string): Promise<{ kind: "free" } | { kind: "claimable"; practiceId: string } | { kind: "verified" }> {
  const row = await db
    .selectFrom("practice")
    .leftJoin("organisation", "organisation.id", "practice.organisation_id")
    .select(["practice.id", "organisation.verification"])
    .where("practice.agb", "=", agb)
    .executeTakeFirst();
  if (!row) return { kind: "free" };
  return row.verification === "verified" ? { kind: "verified" } : { kind: "claimable", practiceId: row.id };
}

/** Whether an AGB belongs to a verified practice already (sign-up refuses it, and says how to reach the beheer). */
export async function agbHeldByVerified(agb: string) {
  return (await agbStanding(await getDb(), agb)).kind === "verified";
}

/**
 * A new, unverified organisation with the signing-up person as its beheerder. A praktijk with a new
 * AGB gets its practice; an AGB the register knows without an account (or held by an unverified
 * organisation) becomes a claim the platform beheerder decides; an AGB of a verified practice is refused.
 */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const { password, ...rest } = input;
  return createSignedUpOrganisation({ ...rest, passwordHash: await hashPassword(password) });
}

/** The organisation, its beheerder (and practice or claim) of a sign-up, its password already hashed. */
async function createSignedUpOrganisation(input: Omit<SignUpInput, "password"> & { passwordHash: string }): Promise<SignUpResult> {
  const email = normaliseEmail(input.email);
  const passwordHash = input.passwordHash;
  const db = await getDb();
  const now = new Date().toISOString();
  const organisationId = randomUUID();
  const personId = randomUUID();
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom("person").select("id").where("email", "=", email).executeTakeFirst();
      if (existing) return { ok: false, reason: "email-taken" } as const;
      const standing = input.kind === "praktijk" && input.agb ? await agbStanding(trx, input.agb) : null;
      if (standing?.kind === "verified") return { ok: false, reason: "agb-verified" } as const;
      await trx
        .insertInto("organisation")
        .values({ id: organisationId, kind: input.kind, name: input.organisationName, created_at: now, kvk: input.kvk, uzovi: input.kind === "zorgverzekeraar" ? input.uzovi : null })
        .execute();
      await trx.insertInto("person").values({ id: personId, email, name: input.name, password_hash: passwordHash, created_at: now }).execute();
      await trx.insertInto("membership").values({ person_id: personId, organisation_id: organisationId, role: "beheerder", created_at: now }).execute();
      await trx
        .insertInto("organisation_verification")
        .values({ id: randomUUID(), organisation_id: organisationId, decision: "requested", checked: "[]", note: "", decided_by: personId, decided_at: now })
        .execute();
      if (standing?.kind === "claimable") {
        await trx
          .insertInto("practice_claim")
          .values({ id: randomUUID(), practice_id: standing.practiceId, organisation_id: organisationId, status: "open", note: null, created_at: now, decided_at: null, decided_by: null })
          .execute();
      } else if (input.kind === "praktijk") {
        await trx
          .insertInto("practice")
          .values({
            id: randomUUID(),
            organisation_id: organisationId,
            keten_id: null,
            region_id: null,
            agb: input.agb,
            name: input.organisationName,
            postcode: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await recordEvent(trx, {
        viewer: await viewerIn(trx, personId, organisationId),
        action: "organisation.signed-up",
        subjectType: "organisation",
        subjectId: organisationId,
        detail: { kind: input.kind, agb: input.agb, kvk: input.kvk, uzovi: input.uzovi, claim: standing?.kind === "claimable" },
        at: now,
      });
      return { ok: true, personId, organisationId, claim: standing?.kind === "claimable" } as const;
    });
  } catch (error) {
    // Two sign-ups with one address (or one new AGB) at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}

/* ------------------------------------------------------------------------------------------------
 * Sign-up by mail: the same answer whether or not the address has an account
 * ---------------------------------------------------------------------------------------------- */

export const SIGNUP_HOURS = 24;
/** More sign-up mails than this per address per hour are silently not sent. */
const SIGNUPS_PER_HOUR = 3;

interface SignupPayload extends Omit<SignUpInput, "password" | "email"> {
  passwordHash: string;
}

/**
 * A sign-up form that passed its checks: a mail to the address either way. A new address gets a link
 * (24 hours, once) that creates the organisation; an address with an account gets a mail saying so,
 * with the ways to sign in. Nothing the page shows, nor how long it takes, tells the two apart: the
 * password is hashed either way and the mail goes out after the answer.
 */
export async function requestSignUp(input: SignUpInput & { lng: Lng }): Promise<void> {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const now = new Date();
  const recent = await db
    .selectFrom("signup_request")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", email)
    .where("created_at", ">", new Date(now.getTime() - 3_600_000).toISOString())
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= SIGNUPS_PER_HOUR) return;
  const existing = await db.selectFrom("person").select("id").where("email", "=", email).executeTakeFirst();
  const { token, hash } = newToken();
  const payload: SignupPayload = { organisationName: input.organisationName, kind: input.kind, agb: input.agb, kvk: input.kvk, uzovi: input.uzovi, name: input.name, passwordHash };
  await db
    .insertInto("signup_request")
    .values({
      token_hash: hash,
      email,
      // An address with an account: counted against the hourly limit, never usable (no link was sent).
      payload: existing ? "{}" : JSON.stringify(payload),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SIGNUP_HOURS * 3_600_000).toISOString(),
      used_at: existing ? now.toISOString() : null,
    })
    .execute();
  const mail = existing
    ? signupExistingMail({ lng: input.lng, to: email, loginLink: appLink("/login"), resetLink: appLink("/forgot-password") })
    : signupConfirmMail({ lng: input.lng, to: email, organisation: input.organisationName, link: appLink(`/signup/confirm?token=${token}`), hours: SIGNUP_HOURS });
  // After the answer, either way: the time to send does not tell the two apart.
  sendMail(mail).catch((error: unknown) => console.error("sign-up mail could not be sent:", error instanceof Error ? error.message : "unknown error"));
}

/** A sign-up link that can still be used: the organisation and address it is for, or null. */
export async function getSignupRequest(token: string) {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("signup_request")
    .select(["email", "payload"])
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date().toISOString())
    .executeTakeFirst();
  if (!row) return null;
  const payload = JSON.parse(row.payload) as SignupPayload;
  return { email: row.email, organisationName: payload.organisationName, kind: payload.kind };
}

export type ConfirmSignUpResult = SignUpResult | { ok: false; reason: "invalid" };

/** Uses the link once (one conditional UPDATE) and creates the organisation as the form described it. */
export async function confirmSignUp(token: string): Promise<ConfirmSignUpResult> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "invalid" };
  const db = await getDb();
  const now = new Date().toISOString();
  const row = await db.selectFrom("signup_request").select(["email", "payload"]).where("token_hash", "=", sha256(token)).where("used_at", "is", null).where("expires_at", ">", now).executeTakeFirst();
  if (!row) return { ok: false, reason: "invalid" };
  const used = await db.updateTable("signup_request").set({ used_at: now }).where("token_hash", "=", sha256(token)).where("used_at", "is", null).executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: "invalid" };
  const payload = JSON.parse(row.payload) as SignupPayload;
  return createSignedUpOrganisation({ ...payload, email: row.email });
}

/* ------------------------------------------------------------------------------------------------
 * Invitations
 * ---------------------------------------------------------------------------------------------- */

export type InviteResult = { ok: true } | { ok: false; reason: "already-member" | "mail-failed" };

/** A beheerder invites an address with a role: a token valid for 7 days, mailed as a link. */
export async function inviteMember(input: { viewer: Viewer; email: string; role: MemberRole; lng: Lng }): Promise<InviteResult> {
  const { viewer, role } = input;
  requireRole(viewer, ["beheerder"]);
  const email = normaliseEmail(input.email);
  const db = await getDb();
  const member = await db
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .select("person.id")
    .where("membership.organisation_id", "=", viewer.organisationId)
    .where("person.email", "=", email)
    .executeTakeFirst();
  if (member) return { ok: false, reason: "already-member" };

  const person = await db.selectFrom("person").select("id").where("email", "=", email).executeTakeFirst();
  const { token, hash } = newToken();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("token")
      .values({
        token_hash: hash,
        purpose: "invitation",
        email,
        person_id: person?.id ?? null,
        organisation_id: viewer.organisationId,
        role,
        created_by: viewer.personId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
        used_at: null,
      })
      .execute();
    await recordEvent(trx, {
      viewer,
      action: "invitation.created",
      subjectType: "organisation",
      subjectId: viewer.organisationId,
      detail: { email, role },
      at: now.toISOString(),
    });
  });

  try {
    await sendMail(
      invitationMail({
        lng: input.lng,
        to: email,
        organisationName: viewer.organisationName,
        inviterName: viewer.personName,
        role,
        link: appLink(`/invitations/${token}`),
      }),
    );
  } catch (error) {
    // An invitation nobody received must not stay usable; the message never contains the mail itself.
    await db.deleteFrom("token").where("token_hash", "=", hash).execute();
    console.error("invitation mail could not be sent:", error instanceof Error ? error.message : "unknown error");
    return { ok: false, reason: "mail-failed" };
  }

  // Only the newest invitation of an address to this organisation works.
  await db
    .updateTable("token")
    .set({ used_at: now.toISOString() })
    .where("purpose", "=", "invitation")
    .where("organisation_id", "=", viewer.organisationId)
    .where("email", "=", email)
    .where("used_at", "is", null)
    .where("token_hash", "!=", hash)
    .execute();
  return { ok: true };
}

export interface Invitation {
  email: string;
  role: MemberRole;
  organisationId: string;
  organisationName: string;
  inviterName: string | null;
  /** Whether the address already has an account: then joining takes its password, not a new one. */
  hasAccount: boolean;
}

/** A valid (unused, unexpired) invitation, or null for anything else: unknown, used and expired look alike. */
export async function getInvitation(token: string): Promise<Invitation | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("token")
    .innerJoin("organisation", "organisation.id", "token.organisation_id")
    .leftJoin("person as inviter", "inviter.id", "token.created_by")
    .select(["token.email", "token.role", "organisation.id as organisationId", "organisation.name as organisationName", "inviter.name as inviterName"])
    .where("token.token_hash", "=", sha256(token))
    .where("token.purpose", "=", "invitation")
    .where("token.used_at", "is", null)
    .where("token.expires_at", ">", new Date().toISOString())
    .executeTakeFirst();
  if (!row || !row.role) return null;
  const person = await db.selectFrom("person").select("id").where("email", "=", row.email).executeTakeFirst();
  return {
    email: row.email,
    role: row.role,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    inviterName: row.inviterName,
    hasAccount: Boolean(person),
  };
}

export type AcceptResult =
  | { ok: true; personId: string; organisationId: string }
  | { ok: false; reason: "invalid" | "wrong-password" | "account-exists" };

/**
 * Accepts an invitation. For an address without an account, `name` and a new `password` make one; for
 * an address with an account, `password` is that account's password. Membership and the token's use are
 * one transaction.
 */
export async function acceptInvitation(input: { token: string; password: string; name?: string }): Promise<AcceptResult> {
  const invitation = await getInvitation(input.token);
  if (!invitation) return { ok: false, reason: "invalid" };
  const db = await getDb();
  const existing = await db.selectFrom("person").select(["id", "password_hash"]).where("email", "=", invitation.email).executeTakeFirst();
  if (existing && input.name !== undefined) return { ok: false, reason: "account-exists" };
  if (!existing && input.name === undefined) return { ok: false, reason: "invalid" };
  if (existing && !(await verifyPassword(existing.password_hash, input.password))) return { ok: false, reason: "wrong-password" };
  const passwordHash = existing ? null : await hashPassword(input.password);
  const now = new Date().toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable("token")
        .set({ used_at: now })
        .where("token_hash", "=", sha256(input.token))
        .where("purpose", "=", "invitation")
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      if (used.numUpdatedRows !== 1n) return { ok: false, reason: "invalid" } as const;
      let personId = existing?.id;
      if (!personId) {
        personId = randomUUID();
        await trx
          .insertInto("person")
          .values({ id: personId, email: invitation.email, name: input.name ?? "", password_hash: passwordHash, created_at: now })
          .execute();
      }
      await trx
        .insertInto("membership")
        .values({ person_id: personId, organisation_id: invitation.organisationId, role: invitation.role, created_at: now })
        .onConflict((oc) => oc.columns(["person_id", "organisation_id"]).doNothing())
        .execute();
      await recordEvent(trx, {
        viewer: await viewerIn(trx, personId, invitation.organisationId),
        action: "invitation.accepted",
        subjectType: "person",
        subjectId: personId,
        detail: { role: invitation.role, newAccount: !existing },
        at: now,
      });
      return { ok: true, personId, organisationId: invitation.organisationId } as const;
    });
  } catch (error) {
    // The address got an account between reading the invitation and accepting it (the transaction rolled back).
    if (isUniqueViolation(error)) return { ok: false, reason: "account-exists" };
    throw error;
  }
}

/* ------------------------------------------------------------------------------------------------
 * Password reset
 * ---------------------------------------------------------------------------------------------- */

/**
 * Mails a reset link when the address has an account; does nothing visible otherwise. The caller
 * answers the same either way (and need not wait for this).
 */
export async function requestPasswordReset(input: { email: string; lng: Lng }): Promise<void> {
  const email = normaliseEmail(input.email);
  const db = await getDb();
  const person = await db.selectFrom("person").select("id").where("email", "=", email).executeTakeFirst();
  if (!person) return;
  const now = new Date();
  const recent = await db
    .selectFrom("token")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("purpose", "=", "password-reset")
    .where("person_id", "=", person.id)
    .where("created_at", ">", new Date(now.getTime() - 3_600_000).toISOString())
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= RESETS_PER_HOUR) return;
  const { token, hash } = newToken();
  await db
    .insertInto("token")
    .values({
      token_hash: hash,
      purpose: "password-reset",
      email,
      person_id: person.id,
      organisation_id: null,
      role: null,
      created_by: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
      used_at: null,
    })
    .execute();
  await recordEvent(db, { viewer: null, action: "password.reset-requested", subjectType: "person", subjectId: person.id, at: now.toISOString() });
  await sendMail(passwordResetMail({ lng: input.lng, to: email, link: appLink(`/reset-password?token=${token}`) }));
}

/** The person a valid reset token is for (name and address, to refuse a password made of them), or null. */
export async function getPasswordReset(token: string): Promise<{ email: string; name: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("token")
    .innerJoin("person", "person.id", "token.person_id")
    .select(["person.email", "person.name"])
    .where("token.token_hash", "=", sha256(token))
    .where("token.purpose", "=", "password-reset")
    .where("token.used_at", "is", null)
    .where("token.expires_at", ">", new Date().toISOString())
    .executeTakeFirst();
  return row ?? null;
}

export type ResetResult = { ok: true; personId: string; organisationId: string | null; platform: boolean } | { ok: false; reason: "invalid" };

/**
 * Sets the new password, uses up every open reset link of the person and ends all their sessions
 * (whoever knew the old password is out). Returns the organisation to start a fresh session in.
 */
export async function resetPassword(input: { token: string; password: string }): Promise<ResetResult> {
  if (!TOKEN_SHAPE.test(input.token)) return { ok: false, reason: "invalid" };
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const now = new Date().toISOString();
  const personId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("token")
      .select("person_id")
      .where("token_hash", "=", sha256(input.token))
      .where("purpose", "=", "password-reset")
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .executeTakeFirst();
    if (!row?.person_id) return null;
    const used = await trx
      .updateTable("token")
      .set({ used_at: now })
      .where("token_hash", "=", sha256(input.token))
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (used.numUpdatedRows !== 1n) return null;
    await trx.updateTable("person").set({ password_hash: passwordHash }).where("id", "=", row.person_id).execute();
    await trx
      .updateTable("token")
      .set({ used_at: now })
      .where("purpose", "=", "password-reset")
      .where("person_id", "=", row.person_id)
      .where("used_at", "is", null)
      .execute();
    await recordEvent(trx, { viewer: null, action: "password.reset", subjectType: "person", subjectId: row.person_id, at: now });
    return row.person_id;
  });
  if (!personId) return { ok: false, reason: "invalid" };
  // After the commit: the sessions module uses the shared connection, which the transaction holds.
  await endAllSessions(personId);
  const [membership, person] = await Promise.all([
    db.selectFrom("membership").select("organisation_id").where("person_id", "=", personId).orderBy("created_at").executeTakeFirst(),
    db.selectFrom("person").select("platform_admin").where("id", "=", personId).executeTakeFirstOrThrow(),
  ]);
  return { ok: true, personId, organisationId: membership?.organisation_id ?? null, platform: person.platform_admin === 1 };
}

/* ------------------------------------------------------------------------------------------------
 * Members of an organisation
 * ---------------------------------------------------------------------------------------------- */

export interface Member {
  personId: string;
  name: string;
  email: string;
  role: MemberRole;
  since: string;
}

export async function listMembers(input: { viewerOrgId: string }): Promise<Member[]> {
  const db = await getDb();
  return db
    .selectFrom("membership")
    .innerJoin("person", "person.id", "membership.person_id")
    .select(["person.id as personId", "person.name as name", "person.email as email", "membership.role as role", "membership.created_at as since"])
    .where("membership.organisation_id", "=", input.viewerOrgId)
    .orderBy("person.name")
    .orderBy("person.email")
    .execute();
}

export async function listOpenInvitations(input: { viewerOrgId: string }) {
  const db = await getDb();
  return db
    .selectFrom("token")
    .select(["email", "role", "created_at as createdAt", "expires_at as expiresAt"])
    .where("purpose", "=", "invitation")
    .where("organisation_id", "=", input.viewerOrgId)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date().toISOString())
    .orderBy("created_at", "desc")
    .execute();
}

export type MemberChangeResult = { ok: true } | { ok: false; reason: "not-found" | "last-beheerder" };

async function countBeheerders(trx: Db, organisationId: string) {
  const row = await trx
    .selectFrom("membership")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "beheerder")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A beheerder changes a member's role; the organisation's last beheerder stays one. */
export async function changeMemberRole(input: { viewer: Viewer; personId: string; role: MemberRole }): Promise<MemberChangeResult> {
  const { viewer, personId, role } = input;
  requireRole(viewer, ["beheerder"]);
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom("membership")
      .select("role")
      .where("person_id", "=", personId)
      .where("organisation_id", "=", viewer.organisationId)
      .executeTakeFirst();
    if (!membership) return { ok: false, reason: "not-found" } as const;
    if (membership.role === role) return { ok: true } as const;
    if (membership.role === "beheerder" && (await countBeheerders(trx, viewer.organisationId)) <= 1) {
      return { ok: false, reason: "last-beheerder" } as const;
    }
    await trx
      .updateTable("membership")
      .set({ role })
      .where("person_id", "=", personId)
      .where("organisation_id", "=", viewer.organisationId)
      .execute();
    await recordEvent(trx, {
      viewer,
      action: "membership.role-changed",
      subjectType: "person",
      subjectId: personId,
      detail: { from: membership.role, to: role },
    });
    return { ok: true } as const;
  });
}

/** A beheerder removes a member: the membership goes, and so do that person's sessions for this organisation. */
export async function removeMember(input: { viewer: Viewer; personId: string }): Promise<MemberChangeResult> {
  const { viewer, personId } = input;
  requireRole(viewer, ["beheerder"]);
  const db = await getDb();
  const result = await db.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom("membership")
      .select("role")
      .where("person_id", "=", personId)
      .where("organisation_id", "=", viewer.organisationId)
      .executeTakeFirst();
    if (!membership) return { ok: false, reason: "not-found" } as const;
    if (membership.role === "beheerder" && (await countBeheerders(trx, viewer.organisationId)) <= 1) {
      return { ok: false, reason: "last-beheerder" } as const;
    }
    await trx.deleteFrom("membership").where("person_id", "=", personId).where("organisation_id", "=", viewer.organisationId).execute();
    await recordEvent(trx, {
      viewer,
      action: "membership.removed",
      subjectType: "person",
      subjectId: personId,
      detail: { role: membership.role },
    });
    return { ok: true } as const;
  });
  if (result.ok) await endAllSessions(personId, viewer.organisationId);
  return result;
}

/* ------------------------------------------------------------------------------------------------
 * Changing the password while signed in (the current one was checked by the caller, throttled)
 * ---------------------------------------------------------------------------------------------- */

/**
 * Sets a new password, uses up every open reset link and ends every other session of the person
 * (whoever knew the old password is out); audited. The caller gives this session a new token.
 */
export async function changePassword(input: { actor: { personId: string; organisationId: string | null }; password: string; keepSession: string }) {
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("person").set({ password_hash: passwordHash }).where("id", "=", input.actor.personId).execute();
    await trx.updateTable("token").set({ used_at: now }).where("purpose", "=", "password-reset").where("person_id", "=", input.actor.personId).where("used_at", "is", null).execute();
    await recordEvent(trx, { viewer: input.actor, action: "password.changed", subjectType: "person", subjectId: input.actor.personId, at: now });
  });
  await endAllSessions(input.actor.personId, undefined, { except: input.keepSession });
}

/** A beheerder requires a second factor of everyone in the organisation (or no longer does); audited. */
export async function setRequireMfa(viewer: Viewer, on: boolean) {
  requireRole(viewer, ["beheerder"]);
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("organisation").set({ require_mfa: on ? 1 : 0 }).where("id", "=", viewer.organisationId).execute();
    await recordEvent(trx, { viewer, action: on ? "organisation.mfa-required" : "organisation.mfa-optional", subjectType: "organisation", subjectId: viewer.organisationId });
  });
}

export async function getRequireMfa(organisationId: string) {
  const db = await getDb();
  return (await db.selectFrom("organisation").select("require_mfa").where("id", "=", organisationId).executeTakeFirst())?.require_mfa === 1;
}

/* ------------------------------------------------------------------------------------------------
 * Signing in: what the sign-in and re-authentication pages ask of the database
 * ---------------------------------------------------------------------------------------------- */

/** The person signing in with this address, if any (the route verifies the password through the throttle). */
export async function findSignInPerson(email: string) {
  if (!email) return null;
  const db = await getDb();
  return (await db.selectFrom("person").select(["id", "password_hash", "platform_admin"]).where("email", "=", email).executeTakeFirst()) ?? null;
}

/** The organisation a person acts for after signing in: their first membership. */
export async function firstOrganisationOf(personId: string) {
  const db = await getDb();
  return (await db.selectFrom("membership").select("organisation_id").where("person_id", "=", personId).orderBy("created_at").executeTakeFirst())?.organisation_id ?? null;
}

/** Whether `password` is this person's current password. */
export async function isPasswordOf(personId: string, password: string) {
  const db = await getDb();
  const row = await db.selectFrom("person").select("password_hash").where("id", "=", personId).executeTakeFirst();
  return verifyPassword(row?.password_hash ?? null, password);
}

/** A seeded demo person (exempt from a second factor in demo mode). */
export async function isDemoPerson(personId: string) {
  const db = await getDb();
  return (await db.selectFrom("person").select("demo").where("id", "=", personId).executeTakeFirst())?.demo === 1;
}
