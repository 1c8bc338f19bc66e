/**
 * `npm run admin:create -- --email beheer@example.nl --name "Bea Beheer"`: makes a platform beheerder
 * (a person outside every organisation), or sends an existing one a new link, and mails a link to set
 * a password (valid 24 hours, through SMTP_URL or, in demo mode, the local outbox). The link never
 * appears here: whoever runs this does not learn the password-setting token. At the first sign-in the
 * new beheerder sets up two-step verification before anything else.
 */
import { parseArgs } from "node:util";
import * as z from "zod/mini";

const usage = 'Usage: npm run admin:create -- --email <address> --name "<full name>" [--lang nl|en]';

let values: { email?: string; name?: string; lang?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, lang: { type: "string" } }, strict: true }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(usage);
  process.exit(2);
}

const Args = z.object({
  email: z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.email()),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  lang: z.enum(["nl", "en"]),
});
const parsed = Args.safeParse({ email: values.email ?? "", name: values.name ?? "", lang: values.lang ?? "nl" });
if (!parsed.success) {
  console.error(`Not a valid ${parsed.error.issues.map((i) => String(i.path[0])).join(", ")}.`);
  console.error(usage);
  process.exit(2);
}

const { createPlatformAdmin } = await import("../app/models/platform.server");
const { usesLocalSmtp } = await import("../app/models/mail.server");
const result = await createPlatformAdmin({ email: parsed.data.email, name: parsed.data.name, lng: parsed.data.lang });
if (!result.ok) {
  console.error(`${parsed.data.email} belongs to someone in an organisation; a platform beheerder is outside every organisation. Use another address.`);
  process.exit(1);
}
console.log(
  `${result.created ? "Platform beheerder created" : "Platform beheerder exists; a new link was sent"}: ${parsed.data.email}. ` +
    `A mail with a link to set the password (valid 24 hours) was sent${usesLocalSmtp() ? " to the demo outbox (/outbox)" : ""}.`,
);
// The local SMTP server and the database keep no process alive once the mail is stored.
process.exit(0);
