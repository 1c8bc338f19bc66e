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
