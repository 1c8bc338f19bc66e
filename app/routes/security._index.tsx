/**
 * A person's sign-in and security: second factors (authenticator app, passkeys), recovery codes, and
 * changing the password (the current one asked again; every other session ends). Changing or removing
 * a factor asks for re-authentication within the last ten minutes first. For everyone signed in,
 * the platform beheerder too.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { TextField } from "~/components/ui/text-field";
import { requestLng } from "~/i18next.server";
import { changePassword, isDemoPerson, isPasswordOf } from "~/models/account.server";
import { factorSummary, hasSecondFactor, listPasskeys, regenerateRecoveryCodes, removePasskey, removeTotp } from "~/models/mfa.server";
import { passwordProblem } from "~/models/password.server";
import { guardedCheck, retryAfterHeaders } from "~/models/rate-limit.server";
import { sendMail } from "~/models/mail.server";
import { factorMail } from "~/models/security-mail.server";
import { isRecentAuth, rotateSession } from "~/models/session.server";
import { mfaRedirect, personOf, requireSignedIn } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/domain/format";

export const meta = titleMeta;

export { retryAfterHeaders as headers } from "~/utils/retry-after";

const NOTICES = ["enrolled", "totpRemoved", "passkeyAdded", "passkeyRemoved", "codesSaved", "passwordChanged", "recoveryUsed"] as const;
type Notice = (typeof NOTICES)[number];

async function fullSession(request: Request) {
  const auth = await requireSignedIn(request);
  if (auth.mfa !== "ok") throw mfaRedirect(auth.mfa, "/security");
  return auth;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await fullSession(request);
  const person = personOf(auth);
  const [factors, passkeys] = await Promise.all([factorSummary(person.id), listPasskeys(person.id)]);
  const params = new URL(request.url).searchParams;
  const notice = params.get("notice");
  const demo = await isDemoPerson(person.id);
  return {
    pageTitle: await titleFor(request, "security"),
    factors,
    passkeys,
    required: auth.mfaRequired,
    demoExempt: auth.mfaRequired && getEnv().DEMO_MODE && demo && !hasSecondFactor(factors),
    recent: isRecentAuth(auth.session),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
    left: Number.parseInt(params.get("left") ?? "0", 10) || 0,
  };
}

type PasswordErrors = Partial<Record<"current" | "next" | "repeat", string>>;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const auth = await fullSession(request);
  const person = personOf(auth);
  const actor = { personId: person.id, organisationId: person.organisationId };
  const lng = await requestLng(request);
  const intent = form.get("_intent");

  if (intent === "change-password") {
    const values = { current: String(form.get("current") ?? ""), next: String(form.get("next") ?? ""), repeat: String(form.get("repeat") ?? "") };
    const errors: PasswordErrors = {};
    if (!values.current) errors.current = "accountFlows.errors.required";
    const problem = passwordProblem(values.next, [person.email, person.name]);
    if (problem) errors.next = problem;
    else if (values.next === values.current) errors.next = "security.password.same";
    else if (values.next !== values.repeat) errors.repeat = "accountFlows.errors.passwordMismatch";
    if (Object.keys(errors).length > 0) return data({ intent: "change-password" as const, errors, minutes: 0 }, { status: 400 });
    // The current password again, counted before it is checked like any sign-in: a stolen session cannot guess it.
    const checked = await guardedCheck(person.email, context.clientAddress, () => isPasswordOf(person.id, values.current));
    if (!checked.ok && checked.retryAfterSeconds > 0) {
      return data(
        { intent: "change-password" as const, errors: { current: "account.errors.tooManyAttempts" } as PasswordErrors, minutes: checked.minutes },
        { status: 429, headers: retryAfterHeaders(checked.retryAfterSeconds) },
      );
    }
    if (!checked.ok)
      return data({ intent: "change-password" as const, errors: { current: "security.password.wrong" } as PasswordErrors, minutes: 0 }, { status: 400 });
    await changePassword({ actor, password: values.next, keepSession: auth.session.idHash });
    try {
      await sendMail(factorMail({ lng, to: person.email, change: "password-changed" }));
    } catch (error) {
      console.error("security mail could not be sent:", error instanceof Error ? error.message : "unknown error");
    }
    const cookie = await rotateSession(auth.session);
    return redirect("/security?notice=passwordChanged", { headers: { "Set-Cookie": cookie } });
  }

  // Changing a factor: only within ten minutes of proving who one is.
  if (!isRecentAuth(auth.session)) return redirect(`/security/confirm?redirectTo=${encodeURIComponent("/security")}`);
  const factors = await factorSummary(person.id);
  if (intent === "remove-totp" || intent === "remove-passkey") {
    const kind = intent === "remove-totp" ? "totp" : "passkey";
    const passkeyId = String(form.get("id") ?? "");
    // Only one's own factor: anything else is not found.
    const exists = kind === "totp" ? factors.totp : (await listPasskeys(person.id)).some((p) => p.id === passkeyId);
    if (!exists) throw new Response("Not found", { status: 404 });
    const remaining = kind === "totp" ? factors.passkeys > 0 : factors.totp || factors.passkeys > 1;
    if (auth.mfaRequired && !remaining) return data({ intent: "factor" as const, error: "security.page.lastFactor", minutes: 0 }, { status: 409 });
    const removed =
      kind === "totp" ? await removeTotp({ actor, email: person.email, lng }) : await removePasskey({ actor, email: person.email, id: passkeyId, lng });
    if (!removed) throw new Response("Not found", { status: 404 });
    return redirect(`/security?notice=${kind === "totp" ? "totpRemoved" : "passkeyRemoved"}`);
  }
  if (intent === "regenerate-codes") {
    if (!hasSecondFactor(factors)) throw new Response("Conflict", { status: 409 });
    const codes = await regenerateRecoveryCodes({ actor, email: person.email, lng });
    const cookie = await rotateSession(auth.session, { pendingCodes: codes });
    return redirect(`/security/recovery-codes?redirectTo=${encodeURIComponent("/security?notice=codesSaved")}`, { headers: { "Set-Cookie": cookie } });
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Security() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const pwErrors: PasswordErrors = actionData?.intent === "change-password" ? actionData.errors : {};
  const factorError = actionData?.intent === "factor" ? actionData.error : undefined;
  const reauthHint = d.recent ? null : (
    <p className="hint">
      {t("security.page.reauth")} <Link to={`/security/confirm?redirectTo=${encodeURIComponent("/security")}`}>{t("security.page.reauthLink")}</Link>
    </p>
  );
  return (
    <div className="narrow">
      <h1>{t("security.page.title")}</h1>
      {d.notice ? (
        <p className="callout callout--ok" role="status">
          {d.notice === "recoveryUsed" ? t("security.page.notices.recoveryUsed", { count: d.left }) : t(`security.page.notices.${d.notice}`)}
        </p>
      ) : null}
      <p>{t(d.required ? "security.page.required" : "security.page.notRequired")}</p>
      {d.demoExempt ? <p className="hint">{t("security.page.demoExempt")}</p> : null}

      <section aria-labelledby="factors-title">
        <h2 id="factors-title">{t("security.page.factors")}</h2>
        {factorError ? (
          <div className="callout callout--error" role="alert">
            <FieldError id="factor-error" message={factorError} />
          </div>
        ) : null}
        {reauthHint}
        <h3>{t("security.page.totp")}</h3>
        <p>{t(d.factors.totp ? "security.page.totpOn" : "security.page.totpOff")}</p>
        {d.factors.totp ? (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="_intent" value="remove-totp" className="secondary small">
              {t("security.page.removeTotp")}
            </button>
          </Form>
        ) : null}
        <h3>{t("security.page.passkeys")}</h3>
        {d.passkeys.length === 0 ? <p>{t("security.page.noPasskeys")}</p> : null}
        <ul className="plain">
          {d.passkeys.map((p) => (
            <li key={p.id}>
              {t("security.page.passkeyLine", { name: p.name, date: formatDateTime(p.created_at, lng) })}{" "}
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="id" value={p.id} />
                <button type="submit" name="_intent" value="remove-passkey" className="secondary small">
                  {t("security.page.removePasskey", { name: p.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <p>
          <Link className="button secondary" to="/security/setup">
            {t("security.page.add")}
          </Link>
        </p>
        <h3>{t("security.page.recovery")}</h3>
        <p>{t("security.page.recoveryLeft", { count: d.factors.recoveryLeft })}</p>
        {d.factors.totp || d.factors.passkeys > 0 ? (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="_intent" value="regenerate-codes" className="secondary small">
              {t("security.page.regenerate")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("security.password.title")}</h2>
        <p className="hint">{t("security.password.lead")}</p>
        {actionData?.intent === "change-password" && actionData.minutes ? (
          <p className="callout callout--error" role="alert">
            {t("security.retryAfter", { count: actionData.minutes })}
          </p>
        ) : null}
        <Form method="post" className="stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="_intent" value="change-password" />
          <TextField name="current" type="password" label={t("security.password.current")} autoComplete="current-password" error={pwErrors.current} />
          <TextField
            name="next"
            type="password"
            label={t("security.password.next")}
            autoComplete="new-password"
            help={t("accountFlows.fields.passwordHelp")}
            error={pwErrors.next}
            max={128}
          />
          <TextField name="repeat" type="password" label={t("security.password.repeat")} autoComplete="new-password" error={pwErrors.repeat} />
          <button type="submit">{t("security.password.submit")}</button>
        </Form>
      </section>
    </div>
  );
}
