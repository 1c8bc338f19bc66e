/**
 * The sign-in throttle (app/domain/throttle.ts): tries sent at the same moment cannot race past it,
 * because each try is counted before its check; limits per account-and-address and per address; per
 * account a delay that grows with each failure, never a lock the owner cannot wait out.
 */
import { describe, expect, test } from "vitest";
import { DEFAULT_THROTTLE, minutesToWait, Throttle, throttled, type ThrottleConfig } from "~/domain/throttle";

const config: ThrottleConfig = { ...DEFAULT_THROTTLE };
const slowWrongPassword = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20));

describe("the race", () => {
  test("50 tries at once for one account from one address: only the free failures and one more are checked at all", async () => {
    const throttle = new Throttle(config);
    let checked = 0;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        throttled(throttle, { account: "noor@example.com", address: "203.0.113.9" }, async () => {
          checked++;
          return slowWrongPassword();
        }),
      ),
    );
    expect(checked).toBe(config.freeFailures + 1);
    expect(results.filter((r) => r.retryAfterSeconds > 0)).toHaveLength(50 - checked);
    // A refused try says how long to wait: at least a second.
    expect(Math.min(...results.filter((r) => r.retryAfterSeconds > 0).map((r) => r.retryAfterSeconds))).toBeGreaterThanOrEqual(1);
  });

  test("50 tries at once for one account from 50 addresses: the account's delay holds them back just the same", async () => {
    const throttle = new Throttle(config);
    let checked = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        throttled(throttle, { account: "noor@example.com", address: `198.51.100.${i}` }, async () => {
          checked++;
          return slowWrongPassword();
        }),
      ),
    );
    expect(checked).toBe(config.freeFailures + 1);
  });

  test("a check that throws is settled as a failure: nothing stays in flight", async () => {
    const throttle = new Throttle({ ...config, freeFailures: 1 });
    await expect(throttled(throttle, { account: "a", address: "x", now: () => 0 }, async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
    // One failure recorded: the next try waits the first delay, it is not blocked for good nor let through at once.
    const next = throttle.attempt("a", "x", 0);
    expect(next).toMatchObject({ ok: false, reason: "account" });
    expect(throttle.attempt("a", "x", config.baseDelayMs)).toMatchObject({ ok: true });
  });
});

describe("per account: a growing delay, never a lock", () => {
  test("after the free failures each try waits twice as long as the one before, up to the ceiling", () => {
    const throttle = new Throttle(config);
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      let attempt = throttle.attempt("noor@example.com", `192.0.2.${i}`, now);
      if (!attempt.ok) {
        waits.push(attempt.retryAfterMs);
        now += attempt.retryAfterMs;
        attempt = throttle.attempt("noor@example.com", `192.0.2.${i}`, now);
      }
      if (!attempt.ok) throw new Error("a try after waiting the delay must be let through");
      throttle.settle(attempt.ticket, false, now);
    }
    expect(waits[0]).toBe(config.baseDelayMs);
    expect(waits[1]).toBe(config.baseDelayMs * 2);
    expect(waits[2]).toBe(config.baseDelayMs * 4);
    expect(Math.max(...waits)).toBe(config.maxDelayMs);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
  });

  test("the owner, from another address, gets in after waiting at most the ceiling, while the stranger's address is blocked", () => {
    const throttle = new Throttle(config);
    let now = 0;
    // A stranger spends the free failures and more from one address, until that pair is blocked.
    for (let i = 0; i < 40; i++) {
      const a = throttle.attempt("noor@example.com", "203.0.113.66", now);
      if (a.ok) throttle.settle(a.ticket, false, now);
      else if (a.reason === "account") now += a.retryAfterMs;
      else break;
    }
    const stranger = throttle.attempt("noor@example.com", "203.0.113.66", now);
    expect(stranger).toMatchObject({ ok: false, reason: "pair" });
    const owner = throttle.attempt("noor@example.com", "192.0.2.1", now + config.maxDelayMs);
    expect(owner.ok).toBe(true);
    if (owner.ok) throttle.settle(owner.ticket, true, now + config.maxDelayMs);
    // A success clears the account: the owner's next try is let through at once.
    expect(throttle.attempt("noor@example.com", "192.0.2.1", now + config.maxDelayMs + 1).ok).toBe(true);
  });
});

describe("per account-and-address and per address", () => {
  test("one address may try one account a fixed number of times per window, whatever the delay", () => {
    const throttle = new Throttle({ ...config, freeFailures: 1000 });
    for (let i = 0; i < config.pairLimit; i++) {
      const a = throttle.attempt("noor@example.com", "203.0.113.9", i);
      expect(a.ok).toBe(true);
      if (a.ok) throttle.settle(a.ticket, false, i);
    }
    const refused = throttle.attempt("noor@example.com", "203.0.113.9", 100);
    expect(refused).toMatchObject({ ok: false, reason: "pair" });
    if (!refused.ok) expect(refused.retryAfterMs).toBe(config.pairWindowMs - 100);
    // Another account from that address, and that account from another address, are not blocked by it.
    expect(throttle.attempt("bea@example.com", "203.0.113.9", 100).ok).toBe(true);
    expect(throttle.attempt("noor@example.com", "192.0.2.7", 100).ok).toBe(true);
    // After the window the pair may try again.
    expect(throttle.attempt("noor@example.com", "203.0.113.9", config.pairWindowMs + 1).ok).toBe(true);
  });

  test("one address guessing many accounts is stopped at the address limit", () => {
    const throttle = new Throttle(config);
    for (let i = 0; i < config.addressLimit; i++) {
      const a = throttle.attempt(`person-${i}@example.com`, "203.0.113.9", 0);
      expect(a.ok).toBe(true);
      if (a.ok) throttle.settle(a.ticket, false, 0);
    }
    expect(throttle.attempt("one-more@example.com", "203.0.113.9", 0)).toMatchObject({ ok: false, reason: "address" });
    expect(throttle.attempt("one-more@example.com", "192.0.2.1", 0).ok).toBe(true);
  });

  test("successful sign-ins from one office address do not use up its limit", () => {
    const throttle = new Throttle(config);
    for (let i = 0; i < config.addressLimit * 3; i++) {
      const a = throttle.attempt(`colleague-${i}@example.com`, "198.51.100.1", 0);
      expect(a.ok).toBe(true);
      if (a.ok) throttle.settle(a.ticket, true, 0);
    }
  });

  test("memory stays bounded: expired windows and quiet accounts are dropped", () => {
    const throttle = new Throttle(config);
    for (let i = 0; i < 3000; i++) {
      const a = throttle.attempt(`p${i}@example.com`, `a${i}`, 0);
      if (a.ok) throttle.settle(a.ticket, true, 0);
    }
    const later = config.pairWindowMs + config.addressWindowMs + 1;
    for (let i = 0; i < 1000; i++) throttle.attempt("same@example.com", "same", later + i);
    expect(throttle.size).toBeLessThan(100);
  });

  test("minutes to tell a person: whole minutes, at least one", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(900)).toBe(15);
  });
});
