/**
 * The second step of signing in: a code from the authenticator app, a passkey, or one of the recovery
 * codes. Every try is counted before it is checked (per person and address; per person a growing
 * delay). Passing it gives the session a new token that knows the second factor was passed.
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
import { logEvent } from "~/models/audit.server";
import { factorSummary, redeemRecoveryCode, verifyPasskey, verifyTotp } from "~/models/mfa.server";
import { guardedCheck, retryAfterHeaders } from "~/models/rate-limit.server";
import { rotateSession, takeChallenge } from "~/models/session.server";
import { personOf, requireSignedIn } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = titleMeta;

export { retryAfterHeaders as headers } from "~/utils/retry-after";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireSignedIn(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (auth.mfa === "ok") throw redirect(redirectTo);
  if (auth.mfa === "enrol") throw redirect(`/security/setup?redirectTo=${encodeURIComponent(redirectTo)}`);
  const factors = await factorSummary(personOf(auth).id);
  return {
    pageTitle: await titleFor(request, "loginVerify"),
    redirectTo,
    totp: factors.totp,
    passkeys: factors.passkeys > 0,
    recovery: factors.recoveryLeft > 0,
  };
}

type Field = "code" | "recovery" | "passkey";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const auth = await requireSignedIn(request);
  const person = personOf(auth);
  const redirectTo = safeRedirect(form.get("redirectTo"));
  if (auth.mfa === "ok") return redirect(redirectTo);
  if (auth.mfa === "enrol") return redirect(`/security/setup?redirectTo=${encodeURIComponent(redirectTo)}`);
  const intent = String(form.get("_intent") ?? "");
  const actor = { personId: person.id, organisationId: person.organisationId };
  const fail = (field: Field, error: string, status = 400, minutes = 0, headers?: HeadersInit) => data({ field, error, minutes }, { status, headers });
  let left: number | null = null;
  let check: () => Promise<boolean>;
  if (intent === "totp") {
    const code = String(form.get("code") ?? "").slice(0, 20);
    check = () => verifyTotp(person.id, code);
  } else if (intent === "recovery") {
    const code = String(form.get("recovery") ?? "").slice(0, 40);
    const lng = await requestLng(request);
    check = async () => (left = await redeemRecoveryCode({ actor, email: person.email, code, lng })) !== null;
  } else if (intent === "passkey") {
    const challenge = await takeChallenge(auth.session);
    let response: unknown = null;
    try {
      response = JSON.parse(String(form.get("response") ?? "null"));
    } catch {
      response = null;
    }
    check = async () => challenge !== null && response !== null && verifyPasskey({ personId: person.id, response, challenge });
  } else throw new Response("Bad request", { status: 400 });

  const field: Field = intent === "totp" ? "code" : intent === "recovery" ? "recovery" : "passkey";
  const checked = await guardedCheck(`mfa:${person.id}`, context.clientAddress, check);
  if (!checked.ok && checked.retryAfterSeconds > 0)
    return fail(field, "account.errors.tooManyAttempts", 429, checked.minutes, retryAfterHeaders(checked.retryAfterSeconds));
  if (!checked.ok) return fail(field, `security.verify.errors.${field === "code" ? "code" : field}`);
  await logEvent({ viewer: actor, action: "session.second-factor", subjectType: "person", subjectId: person.id, detail: { method: intent } });
  const cookie = await rotateSession(auth.session, { mfa: true });
  // After a recovery code, the security page says how many are left and what to do.
  const to = intent === "recovery" ? `/security?notice=recoveryUsed&left=${left ?? 0}` : redirectTo;
  return redirect(to, { headers: { "Set-Cookie": cookie } });
}

export default function VerifySecondFactor() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = (field: Field) => (actionData && actionData.field === field ? actionData.error : undefined);
  const minutes = actionData?.minutes ?? 0;
  return (
    <div className="narrow">
      <h1>{t("security.verify.title")}</h1>
      <p>{t("security.verify.lead")}</p>
      {minutes > 0 ? (
        <p className="callout callout--error" role="alert">
          {t("account.errors.tooManyAttempts")} {t("security.retryAfter", { count: minutes })}
        </p>
      ) : null}
      {d.totp ? (
        <Form method="post" className="stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="_intent" value="totp" />
          <input type="hidden" name="redirectTo" value={d.redirectTo} />
          <div className="field">
            <label htmlFor="mfa-code">{t("security.verify.totp")}</label>
            <p id="mfa-code-help" className="hint">
              {t("security.verify.totpHelp")}
            </p>
            <input
              id="mfa-code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              className="input-number"
              aria-invalid={error("code") ? true : undefined}
              aria-describedby={["mfa-code-help", error("code") ? "mfa-code-error" : ""].filter(Boolean).join(" ")}
            />
            <FieldError id="mfa-code-error" message={minutes ? undefined : error("code")} />
          </div>
          <button type="submit">{t("security.verify.submit")}</button>
        </Form>
      ) : null}
      {d.passkeys ? (
        <section aria-labelledby="passkey-title">
          <h2 id="passkey-title">{t("security.verify.passkeyTitle")}</h2>
          <PasskeyButton purpose="authenticate" intent="passkey" label={t("security.verify.passkeyButton")} redirectTo={d.redirectTo} />
          <FieldError id="passkey-error" message={minutes ? undefined : error("passkey")} />
        </section>
      ) : null}
      {d.recovery ? (
        <details className="explain" open={Boolean(error("recovery"))}>
          <summary>{t("security.verify.recoverySummary")}</summary>
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            <input type="hidden" name="_intent" value="recovery" />
            <input type="hidden" name="redirectTo" value={d.redirectTo} />
            <div className="field">
              <label htmlFor="mfa-recovery">{t("security.verify.recovery")}</label>
              <p id="mfa-recovery-help" className="hint">
                {t("security.verify.recoveryHelp")}
              </p>
              <input
                id="mfa-recovery"
                name="recovery"
                type="text"
                autoComplete="off"
                maxLength={20}
                aria-invalid={error("recovery") ? true : undefined}
                aria-describedby={["mfa-recovery-help", error("recovery") ? "mfa-recovery-error" : ""].filter(Boolean).join(" ")}
              />
              <FieldError id="mfa-recovery-error" message={minutes ? undefined : error("recovery")} />
            </div>
            <button type="submit" className="secondary">
              {t("security.verify.recoverySubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      <Form method="post" action="/logout">
        <CsrfInput />
        <button type="submit" className="link-button">
          {t("security.verify.cancel")}
        </button>
      </Form>
    </div>
  );
}
