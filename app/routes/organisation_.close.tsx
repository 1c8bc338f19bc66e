/**
 * Closing the organisation, by its beheerder: a page that says what will happen, the organisation's
 * name typed and the current password to confirm (a plain form: it works without JavaScript). Then the
 * people are erased, the session ends and the browser lands on /erased. See models/erasure.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/ui/text-field";
import { closeOrganisation, closingSummary, confirmPassword, sameName } from "~/models/erasure.server";
import { destroySession } from "~/models/session.server";
import { requireRole, requireViewer } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { getEnv } from "~/utils/env.server";
import accountStyles from "~/styles/account.css?url";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

const CloseSchema = z.object({
  confirmName: z.string().check(z.maxLength(500, "privacy.close.nameMismatch")),
  password: z.string().check(z.maxLength(1000, "privacy.password.errors.wrong")),
});

type Errors = Partial<Record<"confirmName" | "password", string>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requireRole(viewer, ["beheerder"]);
  return {
    pageTitle: await titleFor(request, "closeOrganisation", viewer.organisationName),
    organisation: viewer.organisationName,
    summary: await closingSummary(viewer),
    auditYears: getEnv().AUDIT_RETENTION_YEARS,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requireRole(viewer, ["beheerder"]);
  // Issue 11: `await requireRecentAuth(request)` goes here, and the password field below goes away.
  const form = await readForm(request);
  const parsed = CloseSchema.safeParse({ confirmName: String(form.get("confirmName") ?? ""), password: String(form.get("password") ?? "") });
  const values = { confirmName: parsed.success ? parsed.data.confirmName : "" };
  const errors: Errors = {};
  if (!parsed.success || !sameName(parsed.data.confirmName, viewer.organisationName)) errors.confirmName = "privacy.close.nameMismatch";
  const password = parsed.success ? parsed.data.password : "";
  // The password is only tried once the name is right: a typo in the name costs no sign-in attempt.
  const check = errors.confirmName ? (password ? "ok" : "missing") : await confirmPassword(viewer, password, context.clientAddress ?? "unknown");
  if (check !== "ok") errors.password = `privacy.password.errors.${check}`;
  if (errors.confirmName || errors.password) return data({ errors, values }, { status: check === "too-many" ? 429 : 400 });

  await closeOrganisation(viewer);
  // The people and their sessions are gone; this browser's cookie goes too.
  return redirect("/erased?what=organisation", { headers: { "Set-Cookie": await destroySession(request) } });
}

export default function CloseOrganisation() {
  const { organisation, summary, auditYears } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Errors = actionData?.errors ?? {};
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <p className="eyebrow">
        <Link to="/organisation/privacy">{t("privacy.page.title")}</Link>
      </p>
      <h1>{t("privacy.close.title", { organisation })}</h1>
      <section className="callout callout--essential" aria-labelledby="close-lead">
        <p id="close-lead">{t("privacy.close.lead")}</p>
        <ul>
          <li>{t("privacy.close.people", { count: summary.members })}</li>
          <li>{t("privacy.close.content", { assessments: summary.assessments, notes: summary.notes, imports: summary.imports })}</li>
          <li>{t("privacy.close.shares", { shares: summary.liveShares, requests: summary.openRequests })}</li>
          <li>{t("privacy.close.others")}</li>
          <li>{t("privacy.close.audit", { years: auditYears })}</li>
        </ul>
        <p>
          <a href="/organisation/export.json" download>
            {t("privacy.close.exportFirst")}
          </a>
        </p>
      </section>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <TextField
          name="confirmName"
          label={t("privacy.close.name")}
          help={t("privacy.close.nameHelp", { organisation })}
          autoComplete="off"
          defaultValue={actionData?.values.confirmName}
          error={errors.confirmName}
        />
        <TextField
          name="password"
          type="password"
          label={t("privacy.password.label")}
          help={t("privacy.password.help")}
          autoComplete="current-password"
          error={errors.password}
        />
        <div className="actions">
          <button type="submit" className="danger">
            {t("privacy.close.submit")}
          </button>
          <Link to="/organisation/privacy" className="button secondary">
            {t("privacy.close.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
