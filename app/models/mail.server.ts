/**
 * Outgoing mail through SMTP (nodemailer). With SMTP_URL set, that server; without it, in demo mode
 * and in tests, the local SMTP server of app/utils/local-smtp.server.ts, whose messages land in the
 * outbox table. Either way it is a real SMTP conversation. Mails are plain text in the language of the
 * request that caused them, and nothing here logs a message (they carry sign-in tokens).
 */
import nodemailer from "nodemailer";
import { getDb } from "../../db/index.server";
import type { MemberRole } from "../../db/schema";
import type { Lng } from "../i18n";
import { getEnv } from "../utils/env.server";
import { fixedT } from "../utils/i18n-node";
import { startLocalSmtp } from "../utils/local-smtp.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

type Transporter = ReturnType<typeof nodemailer.createTransport>;
let transporter: Promise<Transporter> | undefined;

/** Whether this process delivers mail to the local SMTP server (and so has an outbox to show). */
export function usesLocalSmtp() {
  const env = getEnv();
  return !env.SMTP_URL && (env.DEMO_MODE || env.NODE_ENV === "test");
}

function getTransporter(): Promise<Transporter> {
  transporter ??= (async () => {
    const env = getEnv();
    if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL);
    if (!usesLocalSmtp()) throw new Error("No SMTP_URL configured and not in demo mode: mail cannot be sent");
    const local = await startLocalSmtp();
    return nodemailer.createTransport({ host: local.host, port: local.port, secure: false, ignoreTLS: true });
  })().catch((error: unknown) => {
    transporter = undefined;
    throw error;
  });
  return transporter;
}

/** Forgets the transporter (tests that stop and start the local SMTP server). */
export function resetMailTransport() {
  transporter = undefined;
}

export async function sendMail(mail: OutgoingMail) {
  const transport = await getTransporter();
  await transport.sendMail({ from: getEnv().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}

export function invitationMail(input: { lng: Lng; to: string; organisationName: string; inviterName: string; role: MemberRole; link: string }): OutgoingMail {
  const t = fixedT(input.lng);
  const values = {
    organisation: input.organisationName,
    inviter: input.inviterName,
    role: t(`account.role.${input.role}`),
    link: input.link,
  };
  return { to: input.to, subject: t("accountFlows.mail.invitation.subject", values), text: t("accountFlows.mail.invitation.body", values) };
}

export function passwordResetMail(input: { lng: Lng; to: string; link: string }): OutgoingMail {
  const t = fixedT(input.lng);
  return {
    to: input.to,
    subject: t("accountFlows.mail.reset.subject"),
    text: t("accountFlows.mail.reset.body", { link: input.link }),
  };
}

/** What the local SMTP server received, newest first (the demo's /outbox). */
export async function listOutbox(limit = 100) {
  const db = await getDb();
  return db
    .selectFrom("outbox_message")
    .select(["id", "received_at", "recipient", "subject", "body"])
    .orderBy("received_at", "desc")
    .limit(limit)
    .execute();
}
