import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { TextField } from "~/components/ui/text-field";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CsrfInput } from "~/components/csrf-input";
import { errorId, FieldError, inputId } from "~/components/field-error";
import { acceptInvitation, getInvitation } from "~/models/account.server";
import { passwordProblem } from "~/models/password.server";
import { guardedCheck } from "~/models/rate-limit.server";
import { signedInRedirect } from "~/models/sign-in.server";
import { readForm } from "~/utils/csrf.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { formValues, parseForm } from "~/utils/parse-form";

export const meta = titleMeta;

const NAME_MAX = 200;
const NewAccountSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "accountFlows.errors.required"), z.maxLength(NAME_MAX, "accountFlows.errors.tooLong")),
  password: z.string().check(z.minLength(1, "accountFlows.errors.required")),
  passwordRepeat: z.string(),
});
const ExistingAccountSchema = z.object({
  password: z.string().check(z.minLength(1, "accountFlows.errors.required")),
});

type Errors = Partial<Record<"name" | "password" | "passwordRepeat" | "form", string>>;

/** Unknown, used and expired invitations look alike: a page that says so, with a 404 status. */
const invalid = () => data({ invitation: null }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const pageTitle = await titleFor(request, "invitation");
  const invitation = await getInvitation(params.token ?? "");
  if (!invitation) return data({ invitation: null, pageTitle }, { status: 404 });
  const { email, role, organisationName, hasAccount } = invitation;
  return { pageTitle, invitation: { email, role, organisationName, hasAccount } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = params.token ?? "";
  const invitation = await getInvitation(token);
  if (!invitation) return invalid();
  const fail = (errors: Errors, status = 400) => data({ errors, name: String(form.get("name") ?? "") }, { status });

  let result: Awaited<ReturnType<typeof acceptInvitation>>;
  if (invitation.hasAccount) {
    // Joining with an existing account is a sign-in: the same limits per account and per address.
    const parsed = ExistingAccountSchema.safeParse({ password: String(form.get("password") ?? "") });
    if (!parsed.success) return fail({ password: parsed.error.issues[0]?.message });
    let accepted: Awaited<ReturnType<typeof acceptInvitation>> = { ok: false, reason: "invalid" };
    // Counted before the password is checked, like any sign-in.
    const checked = await guardedCheck(invitation.email, context.clientAddress, async () => {
      accepted = await acceptInvitation({ token, password: parsed.data.password });
      return !(!accepted.ok && accepted.reason === "wrong-password");
    });
    if (!checked.ok && checked.retryAfterSeconds > 0) return fail({ password: "account.errors.tooManyAttempts" }, 429);
    result = accepted;
    if (!result.ok && result.reason === "wrong-password") return fail({ password: "accountFlows.errors.wrongPassword" });
  } else {
    const parsed = parseForm<z.infer<typeof NewAccountSchema>, keyof Errors>(formValues(form, ["name", "password", "passwordRepeat"]), NewAccountSchema);
    const errors: Errors = parsed.errors;
    const password = String(form.get("password") ?? "");
    if (!errors.password) {
      const problem = passwordProblem(password, [invitation.email, String(form.get("name") ?? ""), invitation.organisationName]);
      if (problem) errors.password = problem;
    }
    if (!errors.password && password !== form.get("passwordRepeat")) errors.passwordRepeat = "accountFlows.errors.passwordMismatch";
    if (!parsed.data || Object.keys(errors).length > 0) return fail(errors);
    result = await acceptInvitation({ token, name: parsed.data.name, password: parsed.data.password });
  }

  if (!result.ok) {
    // The address got an account in the meantime: the page now asks for that account's password.
    if (result.reason === "account-exists") return fail({ form: "accountFlows.errors.emailMaybeTaken" });
    return invalid();
  }
  // A new member who must use a second factor (a beheerder, an insurer's person) enrols before anything else.
  return signedInRedirect(request, { personId: result.personId, organisationId: result.organisationId, to: "/" });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!invitation || (actionData && "invitation" in actionData)) {
    return (
      <div className="narrow">
        <h1>{t("accountFlows.invitation.invalidTitle")}</h1>
        <p>{t("accountFlows.invitation.invalidBody")}</p>
      </div>
    );
  }
  const errors: Errors = actionData && "errors" in actionData ? actionData.errors : {};
  const organisation = invitation.organisationName;
  return (
    <div className="narrow">
      <h1>{t("accountFlows.invitation.title")}</h1>
      <p>{t("accountFlows.invitation.lead", { role: t(`account.role.${invitation.role}`), organisation })}</p>
      <p>{t("accountFlows.invitation.forEmail", { email: invitation.email })}</p>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        {Object.keys(errors).length > 0 ? (
          <div className="callout callout--error" role="alert">
            <p>{t("accountFlows.errors.summary")}</p>
            <FieldError id="invitation-form-error" message={errors.form} />
          </div>
        ) : null}
        {invitation.hasAccount ? (
          <>
            <p>{t("accountFlows.invitation.existingAccount", { organisation })}</p>
            <TextField type="password" name="password" label={t("accountFlows.fields.password")} autoComplete="current-password" error={errors.password} />
            <button type="submit">{t("accountFlows.invitation.submitExisting")}</button>
          </>
        ) : (
          <>
            <p>{t("accountFlows.invitation.newAccount")}</p>
            <div className="field">
              <label htmlFor={inputId("name")}>{t("accountFlows.fields.name")}</label>
              <input
                id={inputId("name")}
                name="name"
                type="text"
                autoComplete="name"
                required
                defaultValue={actionData && "name" in actionData ? actionData.name : ""}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={errors.name ? errorId("name") : undefined}
              />
              <FieldError id={errorId("name")} message={errors.name} bounds={{ max: NAME_MAX }} />
            </div>
            <TextField
              type="password"
              name="password"
              label={t("accountFlows.fields.password")}
              autoComplete="new-password"
              help={t("accountFlows.fields.passwordHelp")}
              error={errors.password}
            />
            <TextField
              type="password"
              name="passwordRepeat"
              label={t("accountFlows.fields.passwordRepeat")}
              autoComplete="new-password"
              error={errors.passwordRepeat}
            />
            <button type="submit">{t("accountFlows.invitation.submitNew")}</button>
          </>
        )}
      </Form>
    </div>
  );
}
