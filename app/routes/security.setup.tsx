/**
 * Setting up a second factor: an authenticator app (a QR code drawn on the server, so it works without
 * JavaScript and under the CSP, and its key to type in) or a passkey. Forced before anything else when
 * the person needs one and has none; otherwise reached from /security after re-authentication. The
 * first factor brings ten recovery codes, shown once on the next page.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { PasskeyButton } from "~/components/passkey-button";
import { requestLng } from "~/i18next.server";
import { confirmTotp, factorSummary, generateRecoveryCodes, pendingTotp, registerPasskey } from "~/models/mfa.server";
import { guardedCheck, retryAfterHeaders } from "~/models/rate-limit.server";
import { isRecentAuth, rotateSession, takeChallenge } from "~/models/session.server";
import { personOf, requireSignedIn, type Auth } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = titleMeta;

export { retryAfterHeaders as headers } from "~/utils/retry-after";

const NAME_MAX = 60;

/** Who may be here: a session in its forced enrolment, or a full one that authenticated in the last ten minutes. */
async function allowed(request: Request, redirectTo: string) {
  const auth = await requireSignedIn(request);
  if (auth.mfa === "verify") throw redirect(`/login/verify?redirectTo=${encodeURIComponent(redirectTo)}`);
  if (auth.mfa === "ok" && !isRecentAuth(auth.session)) throw redirect(`/security/confirm?redirectTo=${encodeURIComponent("/security/setup")}`);
  return auth as Exclude<Auth, { kind: "none" }>;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "/security?notice=enrolled");
  const auth = await allowed(request, redirectTo);
  const person = personOf(auth);
  const totp = await pendingTotp(person.id, person.email, { fresh: url.searchParams.get("nieuw") === "1" });
  return {
    pageTitle: await titleFor(request, "securitySetup"),
    forced: auth.mfa === "enrol",
    redirectTo,
    totp: totp && { qr: totp.qr, secret: totp.secret.replace(/(.{4})/g, "$1 ").trim() },
    nameMax: NAME_MAX,
  };
}

type Field = "code" | "passkey";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const redirectTo = safeRedirect(form.get("redirectTo"), "/security?notice=enrolled");
  const auth = await allowed(request, redirectTo);
  const person = personOf(auth);
  const actor = { personId: person.id, organisationId: person.organisationId };
  const lng = await requestLng(request);
  const intent = form.get("_intent");
  const fail = (field: Field, error: string, status = 400, minutes = 0, headers?: HeadersInit) => data({ field, error, minutes }, { status, headers });

  if (intent === "totp-confirm") {
    const code = String(form.get("code") ?? "").slice(0, 20);
    // Counted before it is checked: six digits are guessable without a limit.
    const checked = await guardedCheck(`mfa:${person.id}`, context.clientAddress, () => confirmTotp({ actor, email: person.email, code, lng }));
    if (!checked.ok && checked.retryAfterSeconds > 0)
      return fail("code", "account.errors.tooManyAttempts", 429, checked.minutes, retryAfterHeaders(checked.retryAfterSeconds));
    if (!checked.ok) return fail("code", "security.setup.errors.code");
  } else if (intent === "passkey-register") {
    const name = String(form.get("name") ?? "").trim();
    if (name.length === 0 || name.length > NAME_MAX) return fail("passkey", "security.setup.errors.name");
    const challenge = await takeChallenge(auth.session);
    let response: unknown = null;
    try {
      response = JSON.parse(String(form.get("response") ?? "null"));
    } catch {
      response = null;
    }
    if (!challenge || !response || !(await registerPasskey({ actor, email: person.email, response, challenge, name, lng })))
      return fail("passkey", "security.setup.errors.passkey");
  } else throw new Response("Bad request", { status: 400 });

  // The first second factor brings recovery codes, shown once on the next page; the session gets a new
  // token that knows the second factor is done.
  const { recoveryLeft } = await factorSummary(person.id);
  if (recoveryLeft === 0) {
    const codes = await generateRecoveryCodes(person.id);
    const cookie = await rotateSession(auth.session, { mfa: true, pendingCodes: codes });
    return redirect(`/security/recovery-codes?redirectTo=${encodeURIComponent(redirectTo)}`, { headers: { "Set-Cookie": cookie } });
  }
  const cookie = await rotateSession(auth.session, { mfa: true });
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function SetUpSecondFactor() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = (field: Field) => (actionData && actionData.field === field ? actionData.error : undefined);
  return (
    <div className="narrow">
      <h1>{t("security.setup.title")}</h1>
      <p className={d.forced ? "callout callout--essential" : "lead"}>{t(d.forced ? "security.setup.required" : "security.setup.optional")}</p>
      {actionData?.minutes ? (
        <p className="callout callout--error" role="alert">
          {t("account.errors.tooManyAttempts")} {t("security.retryAfter", { count: actionData.minutes })}
        </p>
      ) : null}
      <section aria-labelledby="totp-title">
        <h2 id="totp-title">{t("security.setup.totpTitle")}</h2>
        {d.totp ? (
          <>
            <p>{t("security.setup.totpSteps")}</p>
            <img src={d.totp.qr} alt={t("security.setup.qrAlt")} width={220} height={220} className="qr" />
            <p>
              {t("security.setup.secret")}: <code className="totp-secret">{d.totp.secret}</code>
            </p>
            <Form method="post" className="stack" noValidate>
              <CsrfInput />
              <input type="hidden" name="_intent" value="totp-confirm" />
              <input type="hidden" name="redirectTo" value={d.redirectTo} />
              <div className="field">
                <label htmlFor="setup-code">{t("security.setup.code")}</label>
                <input
                  id="setup-code"
                  name="code"
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={9}
                  className="input-number"
                  aria-invalid={error("code") ? true : undefined}
                  aria-describedby={error("code") ? "setup-code-error" : undefined}
                />
                <FieldError id="setup-code-error" message={actionData?.minutes ? undefined : error("code")} />
              </div>
              <button type="submit">{t("security.setup.submit")}</button>
            </Form>
          </>
        ) : (
          <p className="hint">{t("security.setup.already")}</p>
        )}
      </section>
      <section aria-labelledby="passkey-setup-title">
        <h2 id="passkey-setup-title">{t("security.setup.passkeyTitle")}</h2>
        <p>{t("security.setup.passkeyLead")}</p>
        <PasskeyButton purpose="register" intent="passkey-register" label={t("security.setup.passkeyButton")} redirectTo={d.redirectTo}>
          <div className="field">
            <label htmlFor="passkey-name">{t("security.setup.passkeyName")}</label>
            <input
              id="passkey-name"
              name="name"
              type="text"
              maxLength={d.nameMax}
              defaultValue={t("security.setup.passkeyNameDefault")}
              aria-describedby={error("passkey") ? "passkey-setup-error" : undefined}
            />
          </div>
        </PasskeyButton>
        <FieldError id="passkey-setup-error" message={error("passkey")} />
      </section>
    </div>
  );
}
