/**
 * Passwords: Argon2id (OWASP's first choice), at least 12 characters, up to 128, and the most common
 * passwords and guessable patterns refused by zxcvbn-ts's dictionaries (NIST SP 800-63B blocklist advice).
 */
import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let zxcvbn: ZxcvbnFactory | undefined;

/** An i18n key when the password is not acceptable, otherwise null. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if (password.length < PASSWORD_MIN) return "account.errors.passwordShort";
  if (password.length > PASSWORD_MAX) return "account.errors.passwordLong";
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return zxcvbn.check(password, context).score < 3 ? "account.errors.passwordCommon" : null;
}

export function hashPassword(password: string) {
  // Argon2id with the library's defaults (19 MiB, 2 iterations), the OWASP minimum recommendation.
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string) {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist, so timing does not tell. */
let dummy: Promise<string> | undefined;
export function dummyHash() {
  dummy ??= hash("not-a-real-password-for-timing");
  return dummy;
}
