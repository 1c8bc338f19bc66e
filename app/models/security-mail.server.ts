/**
 * The mails of trust and sign-in (issue 11): a platform beheerder's set-password link, verification
 * decisions, and (with multi-factor sign-in) factors enrolled or removed, recovery codes used, a
 * password changed, a sign-up confirmed. Plain text in the language of the request that caused them;
 * texts in the server namespace (locales/security-mail.*.ts).
 */
import type { Lng } from "../i18n";
import { fixedT } from "../utils/i18n-node";
import type { OutgoingMail } from "./mail.server";

const serverT = (lng: Lng) => fixedT(lng, "server");

export function setPasswordMail(input: { lng: Lng; to: string; name: string; link: string; hours: number }): OutgoingMail {
  const t = serverT(input.lng);
  return { to: input.to, subject: t("securityMail.setPassword.subject"), text: t("securityMail.setPassword.body", { name: input.name, link: input.link, hours: input.hours }) };
}

export function verificationMail(input: { lng: Lng; to: string; organisation: string; decision: "verified" | "refused" | "withdrawn"; note: string }): OutgoingMail {
  const t = serverT(input.lng);
  const values = { organisation: input.organisation, note: input.note };
  return { to: input.to, subject: t(`securityMail.verification.${input.decision}.subject`, values), text: t(`securityMail.verification.${input.decision}.body`, values) };
}

export type FactorChange = "totp-enrolled" | "totp-removed" | "passkey-added" | "passkey-removed" | "recovery-used" | "recovery-regenerated" | "password-changed";

/** A change to how a person signs in: the owner hears of it, so a change they did not make does not go unnoticed. */
export function factorMail(input: { lng: Lng; to: string; change: FactorChange }): OutgoingMail {
  const t = serverT(input.lng);
  return { to: input.to, subject: t(`securityMail.factor.${input.change}`), text: t("securityMail.factor.body", { what: t(`securityMail.factor.${input.change}`) }) };
}

/** Sign-up: the link that confirms the address and creates the organisation. */
export function signupConfirmMail(input: { lng: Lng; to: string; organisation: string; link: string; hours: number }): OutgoingMail {
  const t = serverT(input.lng);
  return { to: input.to, subject: t("securityMail.signup.subject"), text: t("securityMail.signup.body", { organisation: input.organisation, link: input.link, hours: input.hours }) };
}

/** Sign-up with an address that already has an account: its owner gets this instead (the page answers the same). */
export function signupExistingMail(input: { lng: Lng; to: string; loginLink: string; resetLink: string }): OutgoingMail {
  const t = serverT(input.lng);
  return { to: input.to, subject: t("securityMail.signupExisting.subject"), text: t("securityMail.signupExisting.body", { login: input.loginLink, reset: input.resetLink }) };
}
