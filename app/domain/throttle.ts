/**
 * Sign-in throttling (OWASP ASVS 5.0 V6.3.1, NIST SP 800-63B 5.2.2), pure and with its clock injected:
 *
 * - every try is counted when it starts, before the password (or code) is checked, so tries sent at
 *   the same moment cannot slip between a check and its count ("cannot be raced");
 * - per account and address: a fixed number of tries per window, then that pair waits (the stranger's
 *   address, not the owner's);
 * - per address: a larger number of failed tries per window, over all accounts (one machine guessing
 *   many accounts; a success is given back, so an office behind one address can sign in);
 * - per account, from any address: after a few free failures every further try must wait a delay that
 *   doubles with each failure, up to a ceiling. A delay, never a lock: the owner can always sign in
 *   after waiting, and a stranger from many addresses gets one try per delay, not many at once, because
 *   tries in flight count as failures until they are settled.
 *
 * One process keeps the state in memory (see docs/decisions.md for several instances).
 */

export interface ThrottleConfig {
  pairLimit: number;
  pairWindowMs: number;
  addressLimit: number;
  addressWindowMs: number;
  /** Failures (and tries in flight) an account may have before the delay starts. */
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Forget an account's failures after this long without a try. */
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE: ThrottleConfig = {
  pairLimit: 10,
  pairWindowMs: 15 * 60_000,
  addressLimit: 100,
  addressWindowMs: 15 * 60_000,
  freeFailures: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};

interface Window {
  count: number;
  resetAt: number;
}

interface AccountState {
  failures: number;
  inFlight: number;
  /** The earliest moment the next try is let through (when the delay applies). */
  nextAt: number;
  lastAt: number;
}

export interface Ticket {
  account: string;
  pair: string;
  address: string;
}

export type Attempt = { ok: true; ticket: Ticket } | { ok: false; retryAfterMs: number; reason: "pair" | "address" | "account" };

export class Throttle {
  private readonly pairs = new Map<string, Window>();
  private readonly addresses = new Map<string, Window>();
  private readonly accounts = new Map<string, AccountState>();
  private sweeps = 0;

  constructor(private readonly config: ThrottleConfig = DEFAULT_THROTTLE) {}

  /** The delay before the next try of an account that has `n` failures (and tries in flight). */
  delayFor(n: number) {
    if (n < this.config.freeFailures) return 0;
    return Math.min(this.config.maxDelayMs, this.config.baseDelayMs * 2 ** (n - this.config.freeFailures));
  }

  /**
   * A try starts: it is counted (all three ways) before anything is checked, synchronously, so no two
   * tries can both see the count before either adds to it. Refused when any limit is reached.
   */
  attempt(account: string, address: string, now: number): Attempt {
    this.sweep(now);
    const pairKey = `${account}\u0000${address}`;
    const pair = this.window(this.pairs, pairKey, now, this.config.pairWindowMs);
    const addr = this.window(this.addresses, address, now, this.config.addressWindowMs);
    if (pair.count >= this.config.pairLimit) return { ok: false, retryAfterMs: pair.resetAt - now, reason: "pair" };
    if (addr.count >= this.config.addressLimit) return { ok: false, retryAfterMs: addr.resetAt - now, reason: "address" };
    const state = this.account(account, now);
    const pending = state.failures + state.inFlight;
    if (pending >= this.config.freeFailures) {
      if (now < state.nextAt) return { ok: false, retryAfterMs: state.nextAt - now, reason: "account" };
      // This try takes the slot: the next one waits the delay of one more failure.
      state.nextAt = now + this.delayFor(pending + 1);
    }
    pair.count++;
    addr.count++;
    state.inFlight++;
    state.lastAt = now;
    return { ok: true, ticket: { account, pair: pairKey, address } };
  }

  /**
   * The try was checked: a success clears the account and its pair, and is given back to its address
   * (people behind one office address signing in are not guessing); a failure stays counted.
   */
  settle(ticket: Ticket, success: boolean, now: number) {
    const state = this.account(ticket.account, now);
    state.inFlight = Math.max(0, state.inFlight - 1);
    if (success) {
      state.failures = 0;
      state.nextAt = 0;
      this.pairs.delete(ticket.pair);
      const addr = this.addresses.get(ticket.address);
      if (addr && addr.count > 0) addr.count--;
    } else {
      state.failures++;
      state.nextAt = Math.max(state.nextAt, now + this.delayFor(state.failures + state.inFlight));
    }
  }

  private window(map: Map<string, Window>, key: string, now: number, length: number) {
    let w = map.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + length };
      map.set(key, w);
    }
    return w;
  }

  private account(key: string, now: number) {
    let state = this.accounts.get(key);
    if (!state || (state.inFlight === 0 && now - state.lastAt > this.config.forgetAfterMs)) {
      state = { failures: 0, inFlight: 0, nextAt: 0, lastAt: now };
      this.accounts.set(key, state);
    }
    return state;
  }

  /** Memory stays bounded: expired windows and long-quiet accounts are dropped now and then. */
  private sweep(now: number) {
    if (++this.sweeps % 1000 !== 0) return;
    for (const map of [this.pairs, this.addresses]) for (const [key, w] of map) if (w.resetAt <= now) map.delete(key);
    for (const [key, s] of this.accounts) if (s.inFlight === 0 && (s.failures === 0 || now - s.lastAt > this.config.forgetAfterMs)) this.accounts.delete(key);
  }

  /** Entries kept (tests of the memory bound). */
  get size() {
    return this.pairs.size + this.addresses.size + this.accounts.size;
  }
}

/**
 * A check behind the throttle: counted first, then checked, then settled, whatever the check throws.
 * `retryAfterSeconds` when refused, for the Retry-After header and "probeer het over N minuten opnieuw".
 */
export async function throttled(
  throttle: Throttle,
  input: { account: string; address: string; now?: () => number },
  check: () => Promise<boolean>,
): Promise<{ ok: boolean; retryAfterSeconds: 0 } | { ok: false; retryAfterSeconds: number }> {
  const now = input.now ?? Date.now;
  const attempt = throttle.attempt(input.account, input.address, now());
  if (!attempt.ok) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(attempt.retryAfterMs / 1000)) };
  let success = false;
  try {
    success = await check();
  } finally {
    throttle.settle(attempt.ticket, success, now());
  }
  return { ok: success, retryAfterSeconds: 0 };
}

/** Whole minutes to tell a person, never "0 minutes". */
export const minutesToWait = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
