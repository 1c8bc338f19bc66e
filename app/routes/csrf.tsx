/**
 * A fresh form token for the page in hand (GET, JSON): a form whose token was refused fetches one here
 * and sends again, so a restart or a sign-in in another tab never loses what was typed. Same-origin
 * only by the browser's rules (no CORS headers), so another site cannot read it.
 */
import { commitCsrfToken } from "~/utils/csrf.server";

export async function loader({ request }: { request: Request }) {
  const [token, setCookie] = await commitCsrfToken(request);
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
  if (setCookie) headers.set("Set-Cookie", setCookie);
  return new Response(JSON.stringify({ token }), { headers });
}
