import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from "../../db/seed";
import { getDb } from "../../db/index.server";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { recordEvent } from "~/models/audit.server";
import { dummyHash, verifyPassword } from "~/models/password.server";
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "~/models/rate-limit.server";
import { createSession } from "~/models/session.server";
import { getPlatformViewer, getViewer } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { getEnv } from "~/utils/env.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction = () => [{ title: "Kernwaardenscan" }];

const LoginSchema = z.object({
  email: z.pipe(z.string(), z.transform((v) => v.trim().toLowerCase())),
  password: z.string(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  if (await getPlatformViewer(request)) return redirect("/beheer");
  const demo = getEnv().DEMO_MODE;
  return {
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
  const address = context.clientAddress ?? "unknown";
  const wait = await loginRetryAfter(email, address);
  if (wait > 0) {
    return data({ error: "account.errors.tooManyAttempts", minutes: Math.ceil(wait / 60), email }, { status: 429, headers: { "Retry-After": String(wait) } });
  }
  const db = await getDb();
  const person = email
    ? await db.selectFrom("person").select(["id", "password_hash", "platform_admin"]).where("email", "=", email).executeTakeFirst()
    : undefined;
  // Verify against a dummy hash when there is no such person: the answer takes as long either way.
  const ok = person ? await verifyPassword(person.password_hash, password) : (await verifyPassword(await dummyHash(), password), false);
  // The platform beheerder acts for no organisation; everyone else for their first organisation.
  const platform = ok && person?.platform_admin === 1;
  const membership = ok && person && !platform
    ? await db.selectFrom("membership").select("organisation_id").where("person_id", "=", person.id).orderBy("created_at").executeTakeFirst()
    : undefined;
  if (!ok || !person || (!membership && !platform)) {
    await recordLoginFailure(email, address);
    return data({ error: "account.errors.badCredentials", minutes: 0, email }, { status: 400 });
  }
  await recordLoginSuccess(email);
  const organisationId = membership?.organisation_id ?? null;
  const cookie = await createSession(person.id, organisationId);
  await recordEvent(db, {
    viewer: { personId: person.id, organisationId },
    action: "session.signed-in",
    subjectType: "person",
    subjectId: person.id,
    detail: { organisationId },
  });
  const to = safeRedirect(form.get("redirectTo"));
  return redirect(platform && !to.startsWith("/beheer") && !to.startsWith("/regions") ? "/beheer" : to, { headers: { "Set-Cookie": cookie } });
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
            {actionData.minutes ? <p>{t("account.retryAfter", { minutes: actionData.minutes })}</p> : null}
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
