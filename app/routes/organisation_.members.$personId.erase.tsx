/**
 * A beheerder erases a member of the organisation: a confirmation page naming the person and what will
 * happen, the beheerder's current password to confirm. Someone not in the organisation is a 404;
 * oneself goes to /account/erase. See models/erasure.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/ui/text-field";
import { confirmPassword, eraseMember, getMemberToErase } from "~/models/erasure.server";
import { requireRole, requireViewer, type Viewer } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import accountStyles from "~/styles/account.css?url";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

const notFound = () => new Response("Not found", { status: 404 });
const ID = /^[0-9A-Za-z-]{1,64}$/;

async function memberOf(viewer: Viewer, personId: string | undefined) {
  if (!personId || !ID.test(personId)) throw notFound();
  if (personId === viewer.personId) throw redirect("/account/erase");
  const member = await getMemberToErase(viewer, personId);
  if (!member) throw notFound();
  return member;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requireRole(viewer, ["beheerder"]);
  const member = await memberOf(viewer, params.personId);
  return {
    pageTitle: await titleFor(request, "eraseMember", viewer.organisationName),
    organisation: viewer.organisationName,
    member: { name: member.name || member.email, email: member.email, elsewhere: member.elsewhere },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  requireRole(viewer, ["beheerder"]);
  const member = await memberOf(viewer, params.personId);
  // Issue 11: `await requireRecentAuth(request)` goes here, and the password field below goes away.
  const form = await readForm(request);
  const password = String(form.get("password") ?? "").slice(0, 1000);
  const check = await confirmPassword(viewer, password, context.clientAddress ?? "unknown");
  if (check !== "ok") return data({ error: `privacy.password.errors.${check}` }, { status: check === "too-many" ? 429 : 400 });
  const result = await eraseMember(viewer, member.personId);
  if (!result.ok) throw notFound();
  return redirect("/organisation/privacy?notice=erased");
}

export default function EraseMember() {
  const { organisation, member } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <p className="eyebrow">
        <Link to="/organisation/privacy">{t("privacy.page.title")}</Link>
      </p>
      <h1>{t("privacy.member.title", { name: member.name })}</h1>
      <p className="callout callout--essential">
        {member.elsewhere
          ? t("privacy.member.elsewhere", { name: member.name, organisation })
          : t("privacy.member.everywhere", { name: member.name, email: member.email })}
      </p>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <TextField
          name="password"
          type="password"
          label={t("privacy.password.label")}
          help={t("privacy.password.help")}
          autoComplete="current-password"
          error={actionData?.error}
        />
        <div className="actions">
          <button type="submit" className="danger">
            {t("privacy.member.submit", { name: member.name })}
          </button>
          <Link to="/organisation/privacy" className="button secondary">
            {t("privacy.close.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
