/**
 * A route's `headers`: a refused sign-in's Retry-After (set by its action) reaches the browser on a
 * document request too, not only on a data request (Remix takes a document's headers from here).
 */
import type { HeadersFunction } from "@remix-run/node";

export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
