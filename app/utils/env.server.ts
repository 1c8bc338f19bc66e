/**
 * Configuration from the environment, validated once at start-up. Defaults make the demo run with
 * nothing set; .env.example documents every variable.
 */
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** SQLite file; ":memory:" for tests. The folder is created when missing. */
  DATABASE_PATH: z.string().min(1).default("data/kernwaardenscan.db"),
  /** Fill an empty database with the fictitious demo organisations and practices. */
  SEED_DEMO: flag.default(true),
  /** Where content/vN lives; defaults to ./content. */
  CONTENT_DIR: z.string().min(1).optional(),
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
    cached = result.data;
  }
  return cached;
}
