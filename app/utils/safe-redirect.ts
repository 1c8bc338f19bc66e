/**
 * Only paths on this site: a redirect target from a form or URL must never send anyone elsewhere.
 * Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so `/\t/evil.example`
 * and `/\evil.example` would leave the site: any control character, backslash or white space refuses
 * the target. What remains is resolved against a placeholder origin and must stay on it; the result is
 * the resolved path (percent-encoded, so it is always a valid Location header).
 */
const PLACEHOLDER = "http://kernwaardenscan.invalid";

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  // C0/C1 controls, DEL, backslash and every kind of white space (incl. U+3000, U+00A0, U+2028).
  if (/[\u0000-\u0020\u007f-\u00a0\\\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
