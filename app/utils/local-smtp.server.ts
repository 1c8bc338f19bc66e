/**
 * A real SMTP server on 127.0.0.1 for demo mode and tests, when no SMTP_URL is configured. Mail takes
 * the same path as in production (nodemailer speaking SMTP over a socket); what arrives is stored in
 * outbox_message, which /outbox shows in the demo. It listens on loopback only and accepts no relaying
 * anywhere: every message ends in the table. Nothing here logs a message, so no token reaches a log.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { getDb } from "../../db/index.server";

/** Our own mails are a few kilobytes; anything far larger is not ours. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface LocalSmtp {
  host: string;
  port: number;
  close: () => Promise<void>;
}

// On globalThis, so a module reloaded by the dev server finds the running server instead of starting another.
const KEY = Symbol.for("kernwaardenscan.local-smtp");
type Holder = { [KEY]?: Promise<LocalSmtp> };

/** Starts the server once per process on a free port; later calls get the same one. */
export function startLocalSmtp(): Promise<LocalSmtp> {
  const holder = globalThis as Holder;
  holder[KEY] ??= listen().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/** Stops the server (tests); the next startLocalSmtp starts a new one. */
export async function stopLocalSmtp() {
  const holder = globalThis as Holder;
  const running = holder[KEY];
  delete holder[KEY];
  if (running) await (await running).close();
}

function listen(): Promise<LocalSmtp> {
  const server = new SMTPServer({
    logger: false,
    banner: "Kernwaardenscan local outbox",
    // Plain SMTP on loopback: no TLS to offer (and so no built-in test certificate), no accounts to check.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error: Error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        // The 250 answer waits until the rows are written: when sendMail resolves, the mail is in the outbox.
        storeMessage(recipients, Buffer.concat(chunks)).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error("could not store the message")),
        );
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.server.off("error", reject);
      // The app's own server keeps the process alive; this one must not keep a test or script running.
      server.server.unref();
      const { address, port } = server.server.address() as AddressInfo;
      resolve({ host: address, port, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

async function storeMessage(recipients: string[], raw: Buffer) {
  const message = await parseMessage(raw);
  const db = await getDb();
  const receivedAt = new Date().toISOString();
  for (const recipient of recipients) {
    await db
      .insertInto("outbox_message")
      .values({ id: randomUUID(), received_at: receivedAt, recipient, subject: message.subject, body: message.text })
      .execute();
  }
}

export interface ParsedMessage {
  subject: string;
  text: string;
}

/** The subject and plain text of a received message, read by mailparser (nodemailer's own parser). */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const mail = await simpleParser(raw);
  return { subject: mail.subject ?? "", text: (mail.text ?? "").replace(/\r\n/g, "\n").replace(/\n$/, "") };
}
