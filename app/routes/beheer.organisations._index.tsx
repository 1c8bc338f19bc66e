/**
 * Every organisation with its verification status, filtered by status, kind and a search on name or
 * identifier, paginated (the whole country is some thousands). Only the platform beheerder.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrganisationKind, VerificationStatus } from "~/domain/organisation";
import { BeheerNav } from "~/components/beheer-nav";
import { VERIFICATION_STATUSES } from "~/domain/trust";
import { listOrganisations } from "~/models/platform.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";
import { portfolioSearch } from "~/utils/portfolio-search";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const KINDS = ["praktijk", "keten", "zorgverzekeraar", "toezichthouder", "huisarts"] as const satisfies readonly OrganisationKind[];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformViewer(request);
  const params = new URL(request.url).searchParams;
  const status = (VERIFICATION_STATUSES as readonly string[]).includes(params.get("status") ?? "") ? (params.get("status") as VerificationStatus) : undefined;
  const kind = (KINDS as readonly string[]).includes(params.get("kind") ?? "") ? (params.get("kind") as OrganisationKind) : undefined;
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const result = await listOrganisations({ status, kind, q, page });
  return { pageTitle: await titleFor(request, "platformOrganisations"), ...result, status: status ?? "", kind: kind ?? "", q };
}

export default function BeheerOrganisations() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  const query = { status: d.status || undefined, kind: d.kind || undefined, q: d.q || undefined, page: d.page };
  return (
    <div className="workspace">
      <h1>{t("beheer.list.title")}</h1>
      <BeheerNav />
      <Form method="get" className="filters" aria-label={t("beheer.list.filter")}>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="o-status">{t("beheer.list.status")}</label>
            <select id="o-status" name="status" defaultValue={d.status}>
              <option value="">{t("beheer.list.any")}</option>
              {VERIFICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`trust.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="o-kind">{t("beheer.list.kind")}</label>
            <select id="o-kind" name="kind" defaultValue={d.kind}>
              <option value="">{t("beheer.list.any")}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`account.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="o-q">{t("beheer.list.search")}</label>
            <input id="o-q" name="q" type="search" defaultValue={d.q} maxLength={100} />
          </div>
        </div>
        <p className="actions">
          <button type="submit">{t("beheer.list.apply")}</button>
        </p>
      </Form>
      {d.rows.length === 0 ? (
        <p className="callout">{t("beheer.list.empty")}</p>
      ) : (
        <table className="audit">
          <caption>{t("beheer.list.caption", { total: d.total, page: d.page, pages: d.pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("beheer.list.columns.name")}</th>
              <th scope="col">{t("beheer.list.columns.kind")}</th>
              <th scope="col">{t("beheer.list.columns.identifiers")}</th>
              <th scope="col">{t("beheer.list.columns.status")}</th>
              <th scope="col">{t("beheer.list.columns.since")}</th>
              <th scope="col">{t("beheer.list.columns.claims")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/beheer/organisations/${o.id}`}>{o.name}</Link>
                </th>
                <td>{t(`account.kind.${o.kind}`)}</td>
                <td>
                  {t("beheer.list.identifiers", {
                    kvk: o.kvk ?? t("beheer.list.none"),
                    agb: o.agbs ?? t("beheer.list.none"),
                    uzovi: o.uzovi ?? t("beheer.list.none"),
                  })}
                </td>
                <td>{t(`trust.status.${o.verification}`)}</td>
                <td>{o.verification === "verified" ? t("beheer.list.none") : formatDateTime(o.waiting_since, lng)}</td>
                <td className="num">{o.open_claims}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="actions">
        {d.page > 1 ? <Link to={`/beheer/organisations${portfolioSearch(query, { page: d.page - 1 })}`}>{t("beheer.list.previous")}</Link> : null}
        {d.page < d.pages ? <Link to={`/beheer/organisations${portfolioSearch(query, { page: d.page + 1 })}`}>{t("beheer.list.next")}</Link> : null}
      </p>
    </div>
  );
}
