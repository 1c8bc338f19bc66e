/**
 * Mail over a real SMTP conversation: the local SMTP server (smtp-server on 127.0.0.1, a free port)
 * receives what nodemailer sends and stores it in outbox_message of this file's fresh SQLite. No mock.
 */
import { connect } from "node:net";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Database } from "../../db/schema";
import { invitationMail, listOutbox, passwordResetMail, sendMail, usesLocalSmtp } from "~/models/mail.server";
import { parseMessage, startLocalSmtp, stopLocalSmtp } from "~/utils/local-smtp.server";

let db: Kysely<Database>;

beforeAll(async () => {
  db = await getDb();
});
afterAll(async () => {
  await stopLocalSmtp();
});

const outboxFor = (recipient: string) => db.selectFrom("outbox_message").selectAll().where("recipient", "=", recipient).execute();

describe("the local SMTP server", () => {
  test("is used in tests when no SMTP_URL is set, and listens on loopback on a free port", async () => {
    expect(usesLocalSmtp()).toBe(true);
    const server = await startLocalSmtp();
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).toBeGreaterThan(0);
    // Started once per process.
    expect((await startLocalSmtp()).port).toBe(server.port);
  });

  test("speaks SMTP: the greeting comes over a plain socket", async () => {
    const { host, port } = await startLocalSmtp();
    const greeting = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, host);
      socket.once("data", (chunk) => {
        resolve(chunk.toString());
        socket.end("QUIT\r\n");
      });
      socket.once("error", reject);
    });
    expect(greeting).toMatch(/^220 .*Kernwaardenscan local outbox/);
  });

  test("a mail sent with nodemailer arrives in outbox_message with recipient, subject and plain text", async () => {
    const to = "ontvanger@example.com";
    // Non-ASCII in subject and body and a line longer than 76 characters: quoted-printable and encoded words.
    const link = `http://localhost:3000/reset-password?token=${"A".repeat(43)}`;
    await sendMail({ to, subject: "Uitnodiging — coöperatie één", text: `Hallo,\n\nGa naar:\n${link}\n\nGroet, het team van ’t Anker` });
    const rows = await outboxFor(to);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe("Uitnodiging — coöperatie één");
    expect(rows[0]!.body).toBe(`Hallo,\n\nGa naar:\n${link}\n\nGroet, het team van ’t Anker`);
    expect(Date.parse(rows[0]!.received_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  test("a mail to two recipients is stored once per recipient, addresses in lower case", async () => {
    await sendMail({ to: "Een@Example.com, twee@example.com", subject: "Twee", text: "Voor twee." });
    expect(await outboxFor("een@example.com")).toHaveLength(1);
    expect(await outboxFor("twee@example.com")).toHaveLength(1);
  });

  test("the outbox lists newest first", async () => {
    await sendMail({ to: "volgorde@example.com", subject: "Eerste", text: "1" });
    await new Promise((r) => setTimeout(r, 5));
    await sendMail({ to: "volgorde@example.com", subject: "Tweede", text: "2" });
    const subjects = (await listOutbox()).filter((m) => m.recipient === "volgorde@example.com").map((m) => m.subject);
    expect(subjects).toEqual(["Tweede", "Eerste"]);
  });
});

describe("mail texts", () => {
  test("an invitation in Dutch and in English carries the link, organisation and role", () => {
    const link = "http://localhost:3000/invitations/abc";
    const nl = invitationMail({ lng: "nl", to: "a@example.com", organisationName: "Praktijk Test", inviterName: "Anna", role: "invuller", link });
    expect(nl.subject).toBe("Uitnodiging voor Kernwaardenscan namens Praktijk Test");
    expect(nl.text).toContain("Anna nodigt u uit om als invuller mee te werken");
    expect(nl.text).toContain(link);
    const en = invitationMail({ lng: "en", to: "a@example.com", organisationName: "Praktijk Test", inviterName: "Anna", role: "lezer", link });
    expect(en.subject).toBe("Invitation to Kernwaardenscan on behalf of Praktijk Test");
    expect(en.text).toContain("Anna invites you to work as reader in Kernwaardenscan on behalf of Praktijk Test.");
    expect(en.text).toContain(link);
  });

  test("a password reset mail in either language carries the link", () => {
    const link = "http://localhost:3000/reset-password?token=xyz";
    expect(passwordResetMail({ lng: "nl", to: "a@example.com", link }).text).toContain(`link (een uur geldig, één keer te gebruiken):\n${link}`);
    expect(passwordResetMail({ lng: "en", to: "a@example.com", link }).subject).toBe("New password for Kernwaardenscan");
  });
});

describe("reading a message back", () => {
  test("base64 bodies and B-encoded subjects", async () => {
    const raw = [
      "Subject: =?UTF-8?B?w6nDqW4gdGVzdA==?=",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from("Één regel\r\nTwee").toString("base64"),
    ].join("\r\n");
    expect(await parseMessage(Buffer.from(raw))).toEqual({ subject: "één test", text: "Één regel\nTwee" });
  });

  test("the text part of a multipart message, with a folded header", async () => {
    const raw = [
      "Subject: =?utf-8?Q?Een_lang?=",
      " =?utf-8?Q?e_kop?=",
      'Content-Type: multipart/alternative; boundary="xyz"',
      "",
      "--xyz",
      "Content-Type: text/html",
      "",
      "<p>html</p>",
      "--xyz",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "caf=C3=A9 en een heel lange regel die =",
      "doorloopt",
      "--xyz--",
      "",
    ].join("\r\n");
    expect(await parseMessage(Buffer.from(raw))).toEqual({ subject: "Een lange kop", text: "café en een heel lange regel die doorloopt" });
  });
});
