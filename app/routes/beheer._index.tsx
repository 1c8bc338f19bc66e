/**
 * The platform beheerder's home: organisations waiting for verification (the oldest request first),
 * counts per status, and the way to the national data. Only the platform beheerder; anyone else 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BeheerNav } from "~/components/beheer-nav";
import { countByStatus, listOrganisations } from "~/models/platform.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePlatformViewer(request);
  const [counts, waiting] = await Promise.all([countByStatus(), listOrganisations({ status: "pending" })]);
  return { pageTitle: await titleFor(request, "platformHome"), name: admin.personName, counts, waiting: waiting.rows, waitingTotal: waiting.total };
}

export default function BeheerHome() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="workspace">
      <h1>{t("beheer.title")}</h1>
      <BeheerNav />
      <p className="lead">{t("beheer.lead")}</p>
      <p>{t("beheer.dashboard.counts", d.counts)}</p>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t("beheer.dashboard.waiting")}</h2>
        {d.waiting.length === 0 ? (
          <p className="hint">{t("beheer.dashboard.none")}</p>
        ) : (
          <ul className="plain">
            {d.waiting.map((o) => (
              <li key={o.id}>
                <Link to={`/beheer/organisations/${o.id}`}>{o.name}</Link> · {t(`account.kind.${o.kind}`)}{" "}
                <span className="hint">
                  {t("beheer.list.columns.since")}: {formatDateTime(o.waiting_since, lng)}
                  {Number(o.open_claims) > 0 ? ` · ${t("beheer.list.columns.claims")}: ${o.open_claims}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {d.waitingTotal > d.waiting.length ? (
          <p>
            <Link to="/beheer/organisations?status=pending">{t("beheer.dashboard.all")}</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="national-title">
        <h2 id="national-title">{t("beheer.dashboard.national")}</h2>
        <p>{t("beheer.dashboard.nationalLead")}</p>
        <p className="actions">
          <Link className="button secondary" to="/beheer/regions/import">
            {t("beheer.nav.regions")}
          </Link>
          <Link className="button secondary" to="/beheer/criteria">
            {t("beheer.nav.criteria")}
          </Link>
          <Link className="button secondary" to="/regions">
            {t("regions.title")}
          </Link>
        </p>
      </section>
    </div>
  );
}
