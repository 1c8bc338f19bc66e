/**
 * Sign-in attempts limited per account and per address (rate-limiter-flexible). Failures count; a
 * success clears the account's count. In memory: right for one server process; several instances
 * would share a store (the library's Redis or PostgreSQL limiter) instead.
 */
import { RateLimiterMemory } from "rate-limiter-flexible";

const WINDOW_SECONDS = 15 * 60;
const perAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: 5, duration: WINDOW_SECONDS });
const perAddress = new RateLimiterMemory({ keyPrefix: "login-address", points: 30, duration: WINDOW_SECONDS });

const accountKey = (email: string) => email.trim().toLowerCase();

/** Seconds to wait before another attempt, or 0 when one is allowed now. */
export async function loginRetryAfter(email: string, address: string): Promise<number> {
  const [account, addr] = await Promise.all([perAccount.get(accountKey(email)), perAddress.get(address)]);
  const blocked = [
    account && account.consumedPoints >= 5 ? account.msBeforeNext : 0,
    addr && addr.consumedPoints >= 30 ? addr.msBeforeNext : 0,
  ];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordLoginFailure(email: string, address: string) {
  await Promise.all([
    perAccount.penalty(accountKey(email), 1),
    perAddress.penalty(address, 1),
  ]);
}

export async function recordLoginSuccess(email: string) {
  await perAccount.delete(accountKey(email));
}
