import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { findSignInPerson, firstOrganisationOf } from "~/models/account.server";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from "~/models/demo.server";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { dummyHash, verifyPassword } from "~/models/password.server";
import { guardedCheck, retryAfterHeaders } from "~/models/rate-limit.server";
import { signedInRedirect } from "~/models/sign-in.server";
import { getAuth, mfaRedirect } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

export { retryAfterHeaders as headers } from "~/utils/retry-after";

const LoginSchema = z.object({
  email: z.pipe(
    z.string(),
    z.transform((v) => v.trim().toLowerCase()),
  ),
  password: z.string(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  // Signed in already: on to where they were going, or to the second factor that is still missing.
  if (auth.kind !== "none" && auth.mfa !== "ok") return mfaRedirect(auth.mfa, redirectTo);
  if (auth.kind === "organisation") return redirect(redirectTo);
  if (auth.kind === "platform") return redirect("/beheer");
  const demo = getEnv().DEMO_MODE;
  return {
    pageTitle: await titleFor(request, "login"),
    demo: demo
      ? {
          password: DEMO_PASSWORD,
          organisations: DEMO_ORGANISATIONS.map((o) => ({ name: o.name, kind: o.kind, domain: o.domain })),
        }
      : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = LoginSchema.safeParse({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  const email = parsed.success ? parsed.data.email : "";
  const password = parsed.success ? parsed.data.password : "";
  const person = await findSignInPerson(email);
  // Counted before it is checked; verified against a dummy hash when there is no such person, so the
  // answer takes as long either way and an unknown address is throttled like a known one.
  const checked = await guardedCheck(email, context.clientAddress, async () =>
    person ? verifyPassword(person.password_hash, password) : (await verifyPassword(await dummyHash(), password), false),
  );
  if (!checked.ok && checked.retryAfterSeconds > 0) {
    return data({ error: "account.errors.tooManyAttempts", minutes: checked.minutes, email }, { status: 429, headers: retryAfterHeaders(checked.retryAfterSeconds) });
  }
  // The platform beheerder acts for no organisation; everyone else for their first organisation.
  const platform = checked.ok && person?.platform_admin === 1;
  const organisationId = checked.ok && person && !platform ? await firstOrganisationOf(person.id) : null;
  if (!checked.ok || !person || (!organisationId && !platform)) {
    return data({ error: "account.errors.badCredentials", minutes: 0, email }, { status: 400 });
  }
  const to = safeRedirect(form.get("redirectTo"));
  return signedInRedirect(request, {
    personId: person.id,
    organisationId,
    to: platform && !to.startsWith("/beheer") && !to.startsWith("/regions") ? "/beheer" : to,
  });
}

export default function Login() {
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("account.signIn")}</h1>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        {actionData?.error ? (
          <div className="callout callout--error" role="alert" id="login-error">
            <FieldError id="login-error-text" message={actionData.error} />
            {actionData.minutes ? <p>{t("security.retryAfter", { count: actionData.minutes })}</p> : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="email">{t("account.email")}</label>
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={actionData?.email ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="password">{t("account.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit">{t("account.signIn")}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("account.forgot")}</Link> · <Link to="/signup">{t("account.signUp")}</Link>
      </p>
      {demo ? (
        <section aria-labelledby="demo-title" className="callout">
          <h2 id="demo-title">{t("account.demo.title")}</h2>
          <p>{t("account.demo.body", { password: demo.password })}</p>
          <p>{t("security.demoNoMfa")}</p>
          <table className="demo-accounts">
            <caption className="visually-hidden">{t("account.demo.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("account.demo.organisation")}</th>
                <th scope="col">{t("account.demo.accounts")}</th>
              </tr>
            </thead>
            <tbody>
              {demo.organisations.map((o) => (
                <tr key={o.domain}>
                  <th scope="row">
                    {o.name} <span className="hint">({t(`account.kind.${o.kind}`)})</span>
                  </th>
                  <td>
                    {(["beheerder", "invuller", "lezer"] as const).map((role) => (
                      <div key={role}>
                        <code>{`${role}@${o.domain}.example.com`}</code>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
