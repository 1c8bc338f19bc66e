/**
 * A real SMTP server on 127.0.0.1 for demo mode and tests, when no SMTP_URL is configured. Mail takes
 * the same path as in production (nodemailer speaking SMTP over a socket); what arrives is stored in
 * outbox_message, which /outbox shows in the demo. It listens on loopback only and accepts no relaying
 * anywhere: every message ends in the table. Nothing here logs a message, so no token reaches a log.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
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
  const message = parseMessage(raw);
  const db = await getDb();
  const receivedAt = new Date().toISOString();
  for (const recipient of recipients) {
    await db
      .insertInto("outbox_message")
      .values({ id: randomUUID(), received_at: receivedAt, recipient, subject: message.subject, body: message.text })
      .execute();
  }
}

/* ------------------------------------------------------------------------------------------------
 * Just enough MIME to read back what nodemailer sends: headers (folded, RFC 2047 encoded words),
 * quoted-printable / base64 / 7bit / 8bit bodies, and the text/plain part of a multipart message.
 * ---------------------------------------------------------------------------------------------- */

export interface ParsedMessage {
  subject: string;
  text: string;
}

export function parseMessage(raw: Buffer): ParsedMessage {
  const part = parsePart(raw.toString("latin1"));
  return { subject: decodeWords(part.headers.get("subject") ?? ""), text: findText(part) ?? "" };
}

interface Part {
  headers: Map<string, string>;
  /** The body as it came over the wire, one character per byte. */
  body: string;
}

function parsePart(source: string): Part {
  const split = source.search(/\r?\n\r?\n/);
  const head = split === -1 ? source : source.slice(0, split);
  const body = split === -1 ? "" : source.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function param(header: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function findText(part: Part): string | null {
  const type = part.headers.get("content-type") ?? "text/plain";
  const mediaType = type.split(";")[0]!.trim().toLowerCase();
  if (mediaType.startsWith("multipart/")) {
    const boundary = param(type, "boundary");
    if (!boundary) return null;
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      const found = findText(parsePart(section.replace(/^\r?\n/, "")));
      if (found !== null) return found;
    }
    return null;
  }
  if (mediaType !== "text/plain") return null;
  const bytes = decodeBody(part.body, part.headers.get("content-transfer-encoding") ?? "7bit");
  return decodeCharset(bytes, param(type, "charset") ?? "utf-8").replace(/\r\n/g, "\n").replace(/\n+$/, "");
}

function decodeBody(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    case "quoted-printable":
      return Buffer.from(
        body.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      );
    default:
      return Buffer.from(body, "latin1");
  }
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

/** RFC 2047: =?charset?B|Q?text?= words, with the whitespace between two adjacent words dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : Buffer.from(
              text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            );
      return decodeCharset(bytes, charset);
    });
}
