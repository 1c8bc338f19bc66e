/**
 * Re-authentication: the password, a code from the authenticator app, or a passkey, counted before it
 * is checked. Passing it gives the session a new token and ten minutes to change a factor, an e-mail
 * address or the password, or to close an organisation (requireRecentAuth in session.server.ts).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { isPasswordOf } from "~/models/account.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { PasskeyButton } from "~/components/passkey-button";
import { logEvent } from "~/models/audit.server";
import { factorSummary, verifyPasskey, verifyTotp } from "~/models/mfa.server";
import { guardedCheck, retryAfterHeaders } from "~/models/rate-limit.server";
import { rotateSession, takeChallenge } from "~/models/session.server";
import { mfaRedirect, personOf, requireSignedIn } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = titleMeta;

export { retryAfterHeaders as headers } from "~/utils/retry-after";

/** Only a session that finished its sign-in re-authenticates; one still missing its second factor goes there. */
async function fullSession(request: Request, redirectTo: string) {
  const auth = await requireSignedIn(request);
  if (auth.mfa !== "ok") throw mfaRedirect(auth.mfa, redirectTo);
  return auth;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/security");
  const auth = await fullSession(request, redirectTo);
  const factors = await factorSummary(personOf(auth).id);
  return { pageTitle: await titleFor(request, "securityConfirm"), redirectTo, totp: factors.totp, passkeys: factors.passkeys > 0 };
}

type Field = "password" | "code" | "passkey";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const redirectTo = safeRedirect(form.get("redirectTo"), "/security");
  const auth = await fullSession(request, redirectTo);
  const person = personOf(auth);
  const intent = String(form.get("_intent") ?? "");
  let field: Field;
  let account: string;
  let check: () => Promise<boolean>;
  if (intent === "password") {
    field = "password";
    account = person.email;
    const password = String(form.get("password") ?? "").slice(0, 200);
    check = () => isPasswordOf(person.id, password);
  } else if (intent === "totp") {
    field = "code";
    account = `mfa:${person.id}`;
    const code = String(form.get("code") ?? "").slice(0, 20);
    check = () => verifyTotp(person.id, code);
  } else if (intent === "passkey") {
    field = "passkey";
    account = `mfa:${person.id}`;
    const challenge = await takeChallenge(auth.session);
    let response: unknown = null;
    try {
      response = JSON.parse(String(form.get("response") ?? "null"));
    } catch {
      response = null;
    }
    check = async () => challenge !== null && response !== null && verifyPasskey({ personId: person.id, response, challenge });
  } else throw new Response("Bad request", { status: 400 });

  const checked = await guardedCheck(account, context.clientAddress, check);
  if (!checked.ok && checked.retryAfterSeconds > 0) {
    return data(
      { field, error: "account.errors.tooManyAttempts", minutes: checked.minutes },
      { status: 429, headers: retryAfterHeaders(checked.retryAfterSeconds) },
    );
  }
  if (!checked.ok) return data({ field, error: "security.confirm.wrong", minutes: 0 }, { status: 400 });
  await logEvent({
    viewer: { personId: person.id, organisationId: person.organisationId },
    action: "session.reauthenticated",
    subjectType: "person",
    subjectId: person.id,
    detail: { method: intent },
  });
  const cookie = await rotateSession(auth.session);
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmItIsYou() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = (field: Field) => (actionData && actionData.field === field && !actionData.minutes ? actionData.error : undefined);
  return (
    <div className="narrow">
      <h1>{t("security.confirm.title")}</h1>
      <p>{t("security.confirm.lead")}</p>
      {actionData?.minutes ? (
        <p className="callout callout--error" role="alert">
          {t("account.errors.tooManyAttempts")} {t("security.retryAfter", { count: actionData.minutes })}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="_intent" value="password" />
        <input type="hidden" name="redirectTo" value={d.redirectTo} />
        <div className="field">
          <label htmlFor="confirm-password">{t("security.confirm.password")}</label>
          <input
            id="confirm-password"
            name="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={error("password") ? true : undefined}
            aria-describedby={error("password") ? "confirm-password-error" : undefined}
          />
          <FieldError id="confirm-password-error" message={error("password")} />
        </div>
        <button type="submit">{t("security.confirm.passwordSubmit")}</button>
      </Form>
      {d.totp ? (
        <Form method="post" className="stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="_intent" value="totp" />
          <input type="hidden" name="redirectTo" value={d.redirectTo} />
          <div className="field">
            <label htmlFor="confirm-code">{t("security.confirm.code")}</label>
            <input
              id="confirm-code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              className="input-number"
              aria-invalid={error("code") ? true : undefined}
              aria-describedby={error("code") ? "confirm-code-error" : undefined}
            />
            <FieldError id="confirm-code-error" message={error("code")} />
          </div>
          <button type="submit" className="secondary">
            {t("security.confirm.codeSubmit")}
          </button>
        </Form>
      ) : null}
      {d.passkeys ? (
        <>
          <PasskeyButton purpose="authenticate" intent="passkey" label={t("security.verify.passkeyButton")} redirectTo={d.redirectTo} />
          <FieldError id="confirm-passkey-error" message={error("passkey")} />
        </>
      ) : null}
    </div>
  );
}
