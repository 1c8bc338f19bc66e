import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CsrfInput } from "~/components/csrf-input";
import { errorId, FieldError, inputId } from "~/components/field-error";
import { asLng } from "~/i18n";
import i18next from "~/i18next.server";
import { requestPasswordReset } from "~/models/account.server";
import { readForm } from "~/utils/csrf.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

const ForgotSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, "accountFlows.errors.required"),
      z.maxLength(254, "accountFlows.errors.tooLong"),
      z.email("accountFlows.errors.email"),
    ),
});

export async function loader({ request }: LoaderFunctionArgs) {
  return { pageTitle: await titleFor(request, "forgotPassword"), sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = String(form.get("email") ?? "");
  const parsed = ForgotSchema.safeParse({ email });
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "errors.generic", email }, { status: 400 });
  const locale = await i18next.getLocale(request);
  // Not awaited: the answer is the same, and takes as long, whether or not the address has an account.
  requestPasswordReset({ email: parsed.data.email, lng: asLng(locale) }).catch((error: unknown) => {
    console.error("password reset mail could not be sent:", error instanceof Error ? error.message : "unknown error");
  });
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const error = actionData?.error;
  return (
    <div className="narrow">
      <h1>{t("accountFlows.forgot.title")}</h1>
      {sent ? (
        <p className="callout callout--ok" role="status">
          {t("accountFlows.forgot.sent")}
        </p>
      ) : (
        <>
          <p>{t("accountFlows.forgot.lead")}</p>
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            <div className="field">
              <label htmlFor={inputId("email")}>{t("accountFlows.fields.email")}</label>
              <input
                id={inputId("email")}
                name="email"
                type="email"
                autoComplete="email"
                required
                defaultValue={actionData?.email ?? ""}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId("email") : undefined}
              />
              <FieldError id={errorId("email")} message={error} bounds={{ max: 254 }} />
            </div>
            <button type="submit">{t("accountFlows.forgot.submit")}</button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t("accountFlows.forgot.back")}</Link>
      </p>
    </div>
  );
}
