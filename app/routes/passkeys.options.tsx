/**
 * WebAuthn options for the passkey steps, as JSON: a new challenge, kept in the session (used once,
 * five minutes). "register": a session in its forced enrolment, or a full one that authenticated in the
 * last ten minutes; "authenticate": a signed-in session whose person has a passkey (the second-factor
 * step, or re-authentication). A resource route: POST only, with the CSRF token.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { passkeyAuthenticationOptions, passkeyRegistrationOptions } from "~/models/mfa.server";
import { isRecentAuth, storeChallenge } from "~/models/session.server";
import { personOf, requireSignedIn } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const auth = await requireSignedIn(request);
  const person = personOf(auth);
  const purpose = form.get("purpose");
  if (purpose === "register") {
    if (!(auth.mfa === "enrol" || (auth.mfa === "ok" && isRecentAuth(auth.session)))) throw new Response("Forbidden", { status: 403 });
    const options = await passkeyRegistrationOptions(person);
    await storeChallenge(auth.session, options.challenge);
    return Response.json(options, { headers: { "Cache-Control": "no-store" } });
  }
  if (purpose === "authenticate") {
    const options = await passkeyAuthenticationOptions(person.id);
    if (!options) throw new Response("Not found", { status: 404 });
    await storeChallenge(auth.session, options.challenge);
    return Response.json(options, { headers: { "Cache-Control": "no-store" } });
  }
  throw new Response("Bad request", { status: 400 });
}

export function loader() {
  throw new Response("Method not allowed", { status: 405 });
}
