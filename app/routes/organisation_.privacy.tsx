/**
 * Data and privacy of an organisation, for its beheerder: the JSON download, erasing people, how long
 * what is kept, closing the organisation. Not nested in /organisation's layout (the trailing underscore).
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { useTranslation } from "react-i18next";
import { listMembers } from "~/models/account.server";
import { RETENTION } from "~/models/retention.server";
import { requireRole, requireViewer } from "~/models/viewer.server";
import { getEnv } from "~/utils/env.server";
import accountStyles from "~/styles/account.css?url";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requireRole(viewer, ["beheerder"]);
  const env = getEnv();
  const members = await listMembers({ viewerOrgId: viewer.organisationId });
  return {
    pageTitle: await titleFor(request, "privacy", viewer.organisationName),

    organisation: viewer.organisationName,
    others: members.filter((m) => m.personId !== viewer.personId).map((m) => ({ personId: m.personId, name: m.name || m.email })),
    erased: new URL(request.url).searchParams.get("notice") === "erased",
    retention: {
      idle: env.SESSION_IDLE_MINUTES,
      hours: env.SESSION_ABSOLUTE_HOURS,
      outboxDays: RETENTION.outboxDays,
      importDays: RETENTION.importPreviewDays,
      noteDays: RETENTION.removedNoteDays,
      auditYears: env.AUDIT_RETENTION_YEARS,
    },
  };
}

export default function OrganisationPrivacy() {
  const { organisation, others, erased, retention } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="narrow privacy-page">
      <p className="eyebrow">
        <Link to="/organisation">{t("accountFlows.organisation.title")}</Link>
      </p>
      <h1>{t("privacy.page.title")}</h1>
      <p className="lead">{t("privacy.page.lead", { organisation })}</p>
      {erased ? (
        <p className="callout callout--ok" role="status">
          {t("privacy.page.erased")}
        </p>
      ) : null}

      <section aria-labelledby="export-title">
        <h2 id="export-title">{t("privacy.page.exportTitle")}</h2>
        <p>{t("privacy.page.exportBody")}</p>
        <p>
          {/* A plain download: no client-side navigation, and it works without JavaScript. */}
          <a href="/organisation/export.json" className="button secondary" download>
            {t("privacy.page.exportLink")}
          </a>
        </p>
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title">{t("privacy.page.peopleTitle")}</h2>
        <p>{t("privacy.page.peopleBody")}</p>
        <ul className="plain">
          {others.map((m) => (
            <li key={m.personId}>
              <Link to={`/organisation/members/${m.personId}/erase`}>{t("privacy.page.eraseLink", { name: m.name })}</Link>
            </li>
          ))}
          <li>
            <Link to="/account/erase">{t("privacy.page.eraseSelfLink")}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="retention-title">
        <h2 id="retention-title">{t("privacy.page.retentionTitle")}</h2>
        <ul>
          <li>{t("privacy.page.retention.sessions", { idle: retention.idle, hours: retention.hours })}</li>
          <li>{t("privacy.page.retention.tokens")}</li>
          <li>{t("privacy.page.retention.imports", { days: retention.importDays })}</li>
          <li>{t("privacy.page.retention.notes", { days: retention.noteDays })}</li>
          <li>{t("privacy.page.retention.outbox", { days: retention.outboxDays })}</li>
          <li>{t("privacy.page.retention.audit", { years: retention.auditYears })}</li>
        </ul>
      </section>

      <section aria-labelledby="close-title" className="callout callout--essential">
        <h2 id="close-title">{t("privacy.page.closeTitle")}</h2>
        <p>{t("privacy.page.closeBody")}</p>
        <p>
          <Link to="/organisation/close">{t("privacy.page.closeLink")}</Link>
        </p>
      </section>
    </div>
  );
}
