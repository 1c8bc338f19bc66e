/**
 * The step after a password was accepted (sign-in, a reset, an accepted invitation, a confirmed
 * sign-up): a new session with a new token, then the second factor when the person needs one (or its
 * enrolment, before anything else), else the page they were going to.
 */
import { redirect } from "@remix-run/node";
import { getDb } from "../../db/index.server";
import { safeRedirect } from "../utils/safe-redirect";
import { recordEvent } from "./audit.server";
import { createSession, destroySession } from "./session.server";
import { stepAfterPassword } from "./viewer.server";

export async function signedInRedirect(request: Request, input: { personId: string; organisationId: string | null; to: string; audit?: boolean }) {
  // Whatever session this browser had ends; the new one gets a new id.
  await destroySession(request);
  const cookie = await createSession(input.personId, input.organisationId);
  if (input.audit !== false) {
    const db = await getDb();
    await recordEvent(db, {
      viewer: { personId: input.personId, organisationId: input.organisationId },
      action: "session.signed-in",
      subjectType: "person",
      subjectId: input.personId,
      detail: { organisationId: input.organisationId },
    });
  }
  const step = await stepAfterPassword(input.personId, input.organisationId);
  const to = safeRedirect(input.to);
  const next = step === "ok" ? to : `${step === "verify" ? "/login/verify" : "/security/setup"}?redirectTo=${encodeURIComponent(to)}`;
  return redirect(next, { headers: { "Set-Cookie": cookie } });
}
