/**
 * The `headers` of the sign-in and account pages: never stored by a browser or proxy (they show secrets:
 * a TOTP key, recovery codes), and a refused try's Retry-After (set by the action) reaches the browser on
 * a document request too, not only on a data request (Remix takes a document's headers from here).
 */
import type { HeadersFunction } from "@remix-run/node";

export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
