/**
 * The identifiers an organisation or practice is checked by, as strings with their own checks
 * (leading zeros matter): AGB-code (Vektis, 8 digits; on the practice), KvK-nummer (8 digits; on the
 * organisation), UZOVI-code (4 digits; a zorgverzekeraar). Typed with spaces or dots they are read as
 * the digits. Pure: the sign-up form, the platform's pages and the practice register share these.
 */
import * as z from "zod/mini";
import type { OrganisationKind } from "./organisation";

export type IdentifierId = "agb" | "kvk" | "uzovi";

export const IDENTIFIER_DIGITS: Record<IdentifierId, number> = { agb: 8, kvk: 8, uzovi: 4 };

/** What a person typed, without the spaces, dots and dashes people use to group digits. */
export const compactDigits = (value: string) => value.replace(/[\s.\-]/g, "");

export function isIdentifier(id: IdentifierId, value: string) {
  return new RegExp(`^\\d{${IDENTIFIER_DIGITS[id]}}$`).test(value);
}

/** An identifier field: required or optional (empty → null), with its message key when malformed. */
export function identifierSchema(id: IdentifierId, options: { required: boolean; message: string; requiredMessage?: string }) {
  return z.pipe(
    z.string(),
    z.transform((raw, ctx) => {
      const value = compactDigits(raw);
      if (value === "") {
        if (options.required) ctx.issues.push({ code: "custom", message: options.requiredMessage ?? options.message, input: raw });
        return null;
      }
      if (!isIdentifier(id, value)) {
        ctx.issues.push({ code: "custom", message: options.message, input: raw });
        return z.NEVER;
      }
      return value;
    }),
  );
}

/**
 * Which identifiers an organisation of a kind gives at sign-up: required ones must be there, optional
 * ones may be. A praktijk gives its AGB (it lives on the practice); a zorgverzekeraar its UZOVI; a
 * keten and a zorgverzekeraar are companies with a KvK-nummer; the others give one where they have one.
 */
export const IDENTIFIERS_OF_KIND: Record<OrganisationKind, Partial<Record<IdentifierId, "required" | "optional">>> = {
  praktijk: { agb: "required", kvk: "optional" },
  keten: { kvk: "required" },
  zorgverzekeraar: { uzovi: "required", kvk: "required" },
  toezichthouder: { kvk: "optional" },
  huisarts: { kvk: "optional" },
};

/** Whether a kind asks for an identifier at all. */
export const asksFor = (kind: OrganisationKind, id: IdentifierId) => IDENTIFIERS_OF_KIND[kind][id] !== undefined;
