/**
 * A person erases their own account: what will happen, the organisations they belong to, why it cannot
 * happen yet (the last beheerder of an organisation), and the current password to confirm. Then the
 * session ends and the browser lands on /erased. See models/erasure.server.ts.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/ui/text-field";
import { confirmPassword, eraseSelf, listOwnMemberships, selfErasureBlockers } from "~/models/erasure.server";
import { destroySession } from "~/models/session.server";
import { requireViewer } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import accountStyles from "~/styles/account.css?url";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const [memberships, blockers] = await Promise.all([listOwnMemberships(viewer.personId), selfErasureBlockers(viewer.personId)]);
  return {
    pageTitle: await titleFor(request, "eraseSelf"),
    memberships,
    blockers,
    current: viewer.organisationId,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  // Issue 11: `await requireRecentAuth(request)` goes here, and the password field below goes away.
  const form = await readForm(request);
  const password = String(form.get("password") ?? "").slice(0, 1000);
  const check = await confirmPassword(viewer, password, context.clientAddress ?? "unknown");
  if (check !== "ok") return data({ error: `privacy.password.errors.${check}` }, { status: check === "too-many" ? 429 : 400 });
  const result = await eraseSelf(viewer);
  // Blocked meanwhile (a role changed): the page shows why.
  if (!result.ok) return data({ error: undefined }, { status: 409 });
  return redirect("/erased?what=person", { headers: { "Set-Cookie": await destroySession(request) } });
}

export default function EraseSelf() {
  const { memberships, blockers, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <p className="eyebrow">
        <Link to="/organisation">{t("accountFlows.organisation.title")}</Link>
      </p>
      <h1>{t("privacy.self.title")}</h1>
      <p>{t("privacy.self.lead")}</p>
      <p>{t("privacy.self.memberships")}</p>
      <ul>
        {memberships.map((m) => (
          <li key={m.id}>{t("privacy.self.membership", { organisation: m.name, role: t(`account.role.${m.role}`) })}</li>
        ))}
      </ul>
      {blockers.length > 0 ? (
        <section className="callout callout--essential" aria-labelledby="blocked-title">
          <h2 id="blocked-title">{t("privacy.self.blocked")}</h2>
          <ul>
            {blockers.map((b) => (
              <li key={b.organisationId}>
                {t(`privacy.self.${b.reason}`, { organisation: b.organisationName })}{" "}
                {b.organisationId === current ? (
                  <Link to={b.reason === "only-member" ? "/organisation/close" : "/organisation"}>
                    {t(b.reason === "only-member" ? "privacy.self.toClose" : "privacy.self.toOrganisation")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : (
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
              {t("privacy.self.submit")}
            </button>
            <Link to="/organisation" className="button secondary">
              {t("privacy.close.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </div>
  );
}
