import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CsrfInput } from "~/components/csrf-input";
import { errorId, FieldError, helpId, inputId } from "~/components/field-error";
import { getPasswordReset, resetPassword } from "~/models/account.server";
import { passwordProblem } from "~/models/password.server";
import { destroySession } from "~/models/session.server";
import { signedInRedirect } from "~/models/sign-in.server";
import { readForm } from "~/utils/csrf.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

const ResetSchema = z.object({
  token: z.string(),
  password: z.string().check(z.minLength(1, "accountFlows.errors.required")),
  passwordRepeat: z.string(),
});

type Errors = Partial<Record<"password" | "passwordRepeat", string>>;

/** An unknown, used or expired link: a page that says so, with a 404 status. */
const invalid = () => data({ valid: false as const }, { status: 404 });

export async function loader({ request }: LoaderFunctionArgs) {
  const pageTitle = await titleFor(request, "resetPassword");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const reset = await getPasswordReset(token);
  if (!reset) return data({ valid: false as const, pageTitle }, { status: 404 });
  return { pageTitle, valid: true as const, email: reset.email, token };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = ResetSchema.safeParse({
    token: String(form.get("token") ?? ""),
    password: String(form.get("password") ?? ""),
    passwordRepeat: String(form.get("passwordRepeat") ?? ""),
  });
  if (!parsed.success) {
    const errors: Errors = { password: parsed.error.issues[0]?.message };
    return data({ errors }, { status: 400 });
  }
  const { token, password, passwordRepeat } = parsed.data;
  const reset = await getPasswordReset(token);
  if (!reset) return invalid();
  const problem = passwordProblem(password, [reset.email, reset.name]);
  if (problem) return data({ errors: { password: problem } as Errors }, { status: 400 });
  if (password !== passwordRepeat) return data({ errors: { passwordRepeat: "accountFlows.errors.passwordMismatch" } as Errors }, { status: 400 });

  const result = await resetPassword({ token, password });
  if (!result.ok) return invalid();
  // All the person's sessions ended in resetPassword; this browser's, whoever's it was, ends too. The
  // mailed link is one factor: a person with a second factor (or who needs one) passes it next.
  if (!result.platform && !result.organisationId) {
    await destroySession(request);
    return redirect("/login");
  }
  return signedInRedirect(request, { personId: result.personId, organisationId: result.platform ? null : result.organisationId, to: result.platform ? "/beheer" : "/" });
}

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const linkInvalid = !loaderData.valid || (actionData && "valid" in actionData);
  if (linkInvalid) {
    return (
      <div className="narrow">
        <h1>{t("accountFlows.reset.invalidTitle")}</h1>
        <p>{t("accountFlows.reset.invalidBody")}</p>
        <p>
          <Link to="/forgot-password">{t("accountFlows.reset.requestNew")}</Link>
        </p>
      </div>
    );
  }
  const errors: Errors = actionData && "errors" in actionData ? actionData.errors : {};
  const passwordDescribedBy = [helpId("password"), errors.password ? errorId("password") : null].filter(Boolean).join(" ");
  return (
    <div className="narrow">
      <h1>{t("accountFlows.reset.title")}</h1>
      <p>{t("accountFlows.reset.lead", { email: loaderData.email })}</p>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="token" value={loaderData.token} />
        {/* For password managers: the account this new password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={loaderData.email} />
        {errors.password || errors.passwordRepeat ? (
          <p className="callout callout--error" role="alert">
            {t("accountFlows.errors.summary")}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={inputId("password")}>{t("accountFlows.fields.newPassword")}</label>
          <p id={helpId("password")} className="hint">
            {t("accountFlows.fields.passwordHelp")}
          </p>
          <input
            id={inputId("password")}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={passwordDescribedBy}
          />
          <FieldError id={errorId("password")} message={errors.password} />
        </div>
        <div className="field">
          <label htmlFor={inputId("passwordRepeat")}>{t("accountFlows.fields.passwordRepeat")}</label>
          <input
            id={inputId("passwordRepeat")}
            name="passwordRepeat"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={errors.passwordRepeat ? true : undefined}
            aria-describedby={errors.passwordRepeat ? errorId("passwordRepeat") : undefined}
          />
          <FieldError id={errorId("passwordRepeat")} message={errors.passwordRepeat} />
        </div>
        <button type="submit">{t("accountFlows.reset.submit")}</button>
      </Form>
    </div>
  );
}
