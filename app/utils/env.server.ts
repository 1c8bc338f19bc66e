/**
 * Configuration from the environment, validated once at start-up. Defaults make the demo run with
 * nothing set; .env.example documents every variable.
 */
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** SQLite file; ":memory:" for tests. The folder is created when missing. */
  DATABASE_PATH: z.string().min(1).default("data/kernwaardenscan.db"),
  /** Fill an empty database with the fictitious demo organisations and practices. */
  SEED_DEMO: flag.default(true),
  /** Where content/vN lives; defaults to ./content. */
  CONTENT_DIR: z.string().min(1).optional(),
  /**
   * Demo mode: fictitious demo data with published demo logins, a local SMTP server whose mail shows
   * on /outbox. `npm start` turns it on; off by default in production.
   */
  DEMO_MODE: flag.optional(),
  /** Signs the CSRF cookie. Required in production; a random one per process otherwise. */
  SESSION_SECRET: z.string().min(32).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  /** Outgoing mail, e.g. smtp://user:pass@mail.example.com:587. Required in production outside demo mode. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Kernwaardenscan <no-reply@kernwaardenscan.example.com>"),
  /** The public address, for links in mail; defaults to http://localhost:PORT. */
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /**
   * How long audit events are kept, in whole years (default 7); older ones are purged. Set it to what the
   * operator's own retention schedule says. See README "Voor beheerders / For operators".
   */
  AUDIT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(7),
  /** Minutes between purges in the server process (expired sessions, used tokens, demo mail, stale import previews, old audit events); 0: only `npm run db:purge`. */
  PURGE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(360),
  /** How people reach the platform beheer (shown when an AGB is already held by a verified practice). */
  PLATFORM_CONTACT: z.string().min(3).max(200).default("beheer@kernwaardenscan.example.com"),
})
  .transform((env) => ({
    ...env,
    DEMO_MODE: env.DEMO_MODE ?? env.NODE_ENV !== "production",
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
  }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production" || env.DEMO_MODE) return;
    if (env.SEED_DEMO && process.env.SEED_DEMO !== undefined) {
      ctx.addIssue({ code: "custom", path: ["SEED_DEMO"], message: "demo data is refused in production outside DEMO_MODE" });
    }
    if (!env.SESSION_SECRET) ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "required in production" });
    if (!env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "required in production" });
    // Links in mail must point at the real address, not at localhost.
    if (!process.env.APP_URL) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "required in production" });
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const result = EnvSchema.safeParse(process.env);
    if (!result.success) {
      const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment configuration:\n${lines}`);
    }
    // Outside demo mode in production, demo data is never seeded, whatever the default says.
    cached = { ...result.data, SEED_DEMO: result.data.SEED_DEMO && (result.data.DEMO_MODE || result.data.NODE_ENV !== "production") };
  }
  return cached;
}
