/**
 * Every check of a password or a second factor goes through one throttle (app/domain/throttle.ts):
 * counted before it is checked, limited per account-and-address and per address, and per account a
 * growing delay rather than a lock. In memory: right for one server process; several instances would
 * keep these counts in their shared database or Redis instead (see docs/decisions.md).
 */
import { minutesToWait, Throttle, throttled } from "../domain/throttle";

const throttle = new Throttle();

export type Guarded = { ok: true } | { ok: false; retryAfterSeconds: number; minutes: number };

/**
 * `check` runs only when the throttle lets this try through; it is counted first. `account` is what
 * the try is for: an e-mail address for a password, `mfa:<person>` for a second factor.
 */
export async function guardedCheck(account: string, address: string | undefined, check: () => Promise<boolean>): Promise<Guarded | { ok: false; retryAfterSeconds: 0; minutes: 0 }> {
  const result = await throttled(throttle, { account: account.trim().toLowerCase(), address: address ?? "unknown" }, check);
  if (result.ok) return { ok: true };
  return result.retryAfterSeconds > 0 ? { ok: false, retryAfterSeconds: result.retryAfterSeconds, minutes: minutesToWait(result.retryAfterSeconds) } : { ok: false, retryAfterSeconds: 0, minutes: 0 };
}

/** The Retry-After header of a refused try. */
export const retryAfterHeaders = (seconds: number) => ({ "Retry-After": String(seconds) });
