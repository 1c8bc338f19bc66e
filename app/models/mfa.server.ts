/**
 * Second factors (OWASP ASVS 5.0 V6.5, V6.6): TOTP by RFC 6238 with `otpauth` (30-second steps, six
 * digits, one step either side, each code used once: the last accepted step is stored and only a later
 * one passes), ten one-time recovery codes stored as SHA-256 (50 random bits each, shown once), and
 * passkeys (WebAuthn, `@simplewebauthn/server`). Who must use one is decided per request in
 * viewer.server.ts. Enrolling, removing a factor and using a recovery code send a mail and are audited.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import { getDb } from "../../db/index.server";
import type { Lng } from "../i18n";
import { getEnv } from "../utils/env.server";
import { recordEvent, type AuditActor } from "./audit.server";
import { sendMail } from "./mail.server";
import { factorMail, type FactorChange } from "./security-mail.server";

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Kernwaardenscan";
const PERIOD = 30;
const DIGITS = 6;

/* ------------------------------------------------------------------------------------------------
 * What a person has
 * ---------------------------------------------------------------------------------------------- */

export interface FactorSummary {
  totp: boolean;
  passkeys: number;
  recoveryLeft: number;
}

export async function factorSummary(personId: string): Promise<FactorSummary> {
  const db = await getDb();
  const [totp, passkeys, recovery] = await Promise.all([
    db.selectFrom("totp_factor").select("person_id").where("person_id", "=", personId).where("confirmed_at", "is not", null).executeTakeFirst(),
    db.selectFrom("passkey").select((eb) => eb.fn.countAll<number>().as("n")).where("person_id", "=", personId).executeTakeFirstOrThrow(),
    db.selectFrom("recovery_code").select((eb) => eb.fn.countAll<number>().as("n")).where("person_id", "=", personId).where("used_at", "is", null).executeTakeFirstOrThrow(),
  ]);
  return { totp: Boolean(totp), passkeys: Number(passkeys.n), recoveryLeft: Number(recovery.n) };
}

export const hasSecondFactor = (f: FactorSummary) => f.totp || f.passkeys > 0;

/** A change to a person's factors: audited (by the person, for their organisation if any) and mailed. */
async function factorChanged(input: { actor: AuditActor; email: string; change: FactorChange; lng: Lng; detail?: unknown }) {
  const db = await getDb();
  await recordEvent(db, { viewer: input.actor, action: `mfa.${input.change}`, subjectType: "person", subjectId: input.actor.personId, detail: input.detail });
  try {
    await sendMail(factorMail({ lng: input.lng, to: input.email, change: input.change }));
  } catch (error) {
    // The change stands; the mail is the person's warning. Never log the message itself.
    console.error("security mail could not be sent:", error instanceof Error ? error.message : "unknown error");
  }
}

/* ------------------------------------------------------------------------------------------------
 * TOTP
 * ---------------------------------------------------------------------------------------------- */

const totpOf = (secret: string, label: string) => new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: DIGITS, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });

/** Only digits: "123 456" and "123-456" are read as 123456. */
const cleanCode = (code: string) => code.replace(/[\s-]/g, "");

export interface TotpEnrolment {
  secret: string;
  /** The otpauth:// URI an app reads from the QR code. */
  uri: string;
  /** The QR code as an SVG data URL, rendered on the server (no script, allowed by the CSP). */
  qr: string;
}

/**
 * The secret being enrolled: a new one when there is none (or `fresh`), else the one waiting for its
 * first code, so a reload shows the same QR code. A person with a confirmed TOTP gets null: remove it first.
 */
export async function pendingTotp(personId: string, email: string, options: { fresh?: boolean } = {}): Promise<TotpEnrolment | null> {
  const db = await getDb();
  const existing = await db.selectFrom("totp_factor").select(["secret", "confirmed_at"]).where("person_id", "=", personId).executeTakeFirst();
  if (existing?.confirmed_at) return null;
  let secret = existing?.secret;
  if (!secret || options.fresh) {
    secret = new OTPAuth.Secret({ size: 20 }).base32;
    await db
      .insertInto("totp_factor")
      .values({ person_id: personId, secret, created_at: new Date().toISOString(), confirmed_at: null, last_step: null })
      .onConflict((oc) => oc.column("person_id").doUpdateSet({ secret, created_at: new Date().toISOString(), confirmed_at: null, last_step: null }))
      .execute();
  }
  const uri = totpOf(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** The time step a code belongs to (±1 step), or null when it is no current code of this secret. */
function stepOf(secret: string, code: string, now: number) {
  const token = cleanCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = OTPAuth.TOTP.validate({ token, secret: OTPAuth.Secret.fromBase32(secret), algorithm: "SHA1", digits: DIGITS, period: PERIOD, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/**
 * Uses a code once: only a step later than the last one accepted passes, in one conditional UPDATE, so
 * the same code sent twice at once is accepted once. `confirm`: the first code of an enrolment.
 */
async function acceptCode(personId: string, code: string, confirm: boolean, now = Date.now()) {
  const db = await getDb();
  const row = await db.selectFrom("totp_factor").select(["secret", "confirmed_at"]).where("person_id", "=", personId).executeTakeFirst();
  if (!row || (confirm ? row.confirmed_at !== null : row.confirmed_at === null)) return false;
  const step = stepOf(row.secret, code, now);
  if (step === null) return false;
  const updated = await db
    .updateTable("totp_factor")
    .set(confirm ? { last_step: step, confirmed_at: new Date(now).toISOString() } : { last_step: step })
    .where("person_id", "=", personId)
    .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** A sign-in (or re-authentication) code of a person's confirmed TOTP. */
export const verifyTotp = (personId: string, code: string, now?: number) => acceptCode(personId, code, false, now);

/** The first code from the app finishes the enrolment; audited and mailed. */
export async function confirmTotp(input: { actor: AuditActor; email: string; code: string; lng: Lng; now?: number }) {
  const ok = await acceptCode(input.actor.personId, input.code, true, input.now);
  if (ok) await factorChanged({ actor: input.actor, email: input.email, change: "totp-enrolled", lng: input.lng });
  return ok;
}

export async function removeTotp(input: { actor: AuditActor; email: string; lng: Lng }) {
  const db = await getDb();
  const removed = await db.deleteFrom("totp_factor").where("person_id", "=", input.actor.personId).where("confirmed_at", "is not", null).executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) return false;
  await factorChanged({ actor: input.actor, email: input.email, change: "totp-removed", lng: input.lng });
  return true;
}

/* ------------------------------------------------------------------------------------------------
 * Recovery codes
 * ---------------------------------------------------------------------------------------------- */

/** Crockford's base32: no I, L, O or U to misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
const hashCode = (code: string) => createHash("sha256").update(normaliseCode(code)).digest("hex");

function newCode() {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Ten new codes (the unused old ones stop working), returned once to be shown; only their hashes are kept. */
export async function generateRecoveryCodes(personId: string) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const db = await getDb();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("recovery_code").where("person_id", "=", personId).where("used_at", "is", null).execute();
    await trx.insertInto("recovery_code").values(codes.map((code) => ({ id: randomUUID(), person_id: personId, code_hash: hashCode(code), created_at: now, used_at: null }))).execute();
  });
  return codes;
}

export async function regenerateRecoveryCodes(input: { actor: AuditActor; email: string; lng: Lng }) {
  const codes = await generateRecoveryCodes(input.actor.personId);
  await factorChanged({ actor: input.actor, email: input.email, change: "recovery-regenerated", lng: input.lng });
  return codes;
}

/** Uses one recovery code (once: one conditional UPDATE); audited and mailed. Returns how many are left, or null. */
export async function redeemRecoveryCode(input: { actor: AuditActor; email: string; code: string; lng: Lng }) {
  if (!/^[0-9A-Za-z\s-]{10,16}$/.test(input.code)) return null;
  const db = await getDb();
  const used = await db
    .updateTable("recovery_code")
    .set({ used_at: new Date().toISOString() })
    .where("person_id", "=", input.actor.personId)
    .where("code_hash", "=", hashCode(input.code))
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return null;
  const { recoveryLeft } = await factorSummary(input.actor.personId);
  await factorChanged({ actor: input.actor, email: input.email, change: "recovery-used", lng: input.lng, detail: { left: recoveryLeft } });
  return recoveryLeft;
}

/* ------------------------------------------------------------------------------------------------
 * Passkeys
 * ---------------------------------------------------------------------------------------------- */

/** The relying party is the app's public address (APP_URL): its host name and origin. */
function relyingParty() {
  const url = new URL(getEnv().APP_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: ISSUER };
}

export async function listPasskeys(personId: string) {
  const db = await getDb();
  return db.selectFrom("passkey").select(["id", "name", "created_at", "last_used_at", "backed_up"]).where("person_id", "=", personId).orderBy("created_at").execute();
}

const transportsOf = (json: string | null) => (json ? (JSON.parse(json) as string[]) : undefined);

export async function passkeyRegistrationOptions(person: { id: string; email: string; name: string }) {
  const db = await getDb();
  const existing = await db.selectFrom("passkey").select(["id", "transports"]).where("person_id", "=", person.id).execute();
  const rp = relyingParty();
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: person.email,
    userDisplayName: person.name,
    userID: new TextEncoder().encode(person.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
}

/** Verifies a new passkey against the session's challenge; stores it, audited and mailed. */
export async function registerPasskey(input: { actor: AuditActor; email: string; response: unknown; challenge: string; name: string; lng: Lng }) {
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: input.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch {
    return false;
  }
  if (!verification.verified) return false;
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const db = await getDb();
  await db
    .insertInto("passkey")
    .values({
      id: credential.id,
      person_id: input.actor.personId,
      public_key: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ? JSON.stringify(credential.transports) : null,
      device_type: credentialDeviceType,
      backed_up: credentialBackedUp ? 1 : 0,
      name: input.name,
      created_at: new Date().toISOString(),
      last_used_at: null,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  await factorChanged({ actor: input.actor, email: input.email, change: "passkey-added", lng: input.lng, detail: { name: input.name } });
  return true;
}

export async function passkeyAuthenticationOptions(personId: string) {
  const db = await getDb();
  const keys = await db.selectFrom("passkey").select(["id", "transports"]).where("person_id", "=", personId).execute();
  if (keys.length === 0) return null;
  return generateAuthenticationOptions({ rpID: relyingParty().rpID, allowCredentials: keys.map((k) => ({ id: k.id, transports: transportsOf(k.transports) })), userVerification: "required" });
}

/** Verifies a passkey assertion of this person against the session's challenge; the signature counter only goes up. */
export async function verifyPasskey(input: { personId: string; response: unknown; challenge: string }) {
  const response = input.response as AuthenticationResponseJSON;
  if (typeof response?.id !== "string") return false;
  const db = await getDb();
  const key = await db.selectFrom("passkey").selectAll().where("id", "=", response.id).where("person_id", "=", input.personId).executeTakeFirst();
  if (!key) return false;
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: input.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: key.id, publicKey: new Uint8Array(Buffer.from(key.public_key, "base64url")), counter: key.counter, transports: transportsOf(key.transports) },
      requireUserVerification: true,
    });
  } catch {
    return false;
  }
  if (!verification.verified) return false;
  await db.updateTable("passkey").set({ counter: verification.authenticationInfo.newCounter, last_used_at: new Date().toISOString() }).where("id", "=", key.id).execute();
  return true;
}

export async function removePasskey(input: { actor: AuditActor; email: string; id: string; lng: Lng }) {
  const db = await getDb();
  const removed = await db.deleteFrom("passkey").where("id", "=", input.id).where("person_id", "=", input.actor.personId).executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) return false;
  await factorChanged({ actor: input.actor, email: input.email, change: "passkey-removed", lng: input.lng });
  return true;
}
