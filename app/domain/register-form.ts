/**
 * The register form on /organisation (issue 13), parsed on the server with zod; messages are i18n keys.
 * AGB and KvK are strings of 8 digits (leading zeros kept); typed with spaces or dots they are read as
 * the digits. The postcode is a Dutch one, written as "3511 AB".
 */
import * as z from "zod/mini";
import { identifierSchema } from "./identifiers";

export const REGISTER_NAME_MAX = 120;

const postcode = z.pipe(
  z.string(),
  z.transform((raw, ctx): string | null => {
    const value = raw.trim().toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, "$1 $2");
    if (value === "") return null;
    if (!/^[1-9]\d{3} [A-Z]{2}$/.test(value)) {
      ctx.issues.push({ code: "custom", message: "errors.postcode", input: raw });
      return z.NEVER;
    }
    return value;
  }),
);

export const RegisterFormSchema = z.object({
  practiceId: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1, "register.errors.nameRequired"), z.maxLength(REGISTER_NAME_MAX, "register.errors.nameTooLong")),
  agb: identifierSchema("agb", { required: true, message: "errors.agb", requiredMessage: "register.errors.agbRequired" }),
  kvk: identifierSchema("kvk", { required: false, message: "errors.kvk" }),
  postcode,
  /** A region id of the platform's list; empty: not chosen. */
  regionId: z.pipe(
    z.string(),
    z.transform((raw) => (raw.trim() === "" ? null : raw.trim())),
  ),
});
export type RegisterForm = z.output<typeof RegisterFormSchema>;
export type RegisterFormField = "name" | "agb" | "kvk" | "postcode" | "regionId";

/** The form's fields as posted, for the schema and for showing them again beside their errors. */
export function readRegisterForm(form: FormData) {
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return { practiceId: get("practiceId"), name: get("name"), agb: get("agb"), kvk: get("kvk"), postcode: get("postcode"), regionId: get("regionId") };
}

/** The first error per field, as i18n keys. */
export function parseRegisterForm(values: ReturnType<typeof readRegisterForm>) {
  const parsed = RegisterFormSchema.safeParse(values);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const errors: Partial<Record<RegisterFormField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    if (field === "practiceId") continue;
    errors[field as RegisterFormField] ??= issue.message;
  }
  return { ok: false as const, errors };
}
