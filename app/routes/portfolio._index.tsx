/**
 * The portfolio of an insurer or toezichthouder (a keten's beheerder: its members): practices × the
 * five signals, filtered, sorted, grouped and paginated in SQL; counts per column; drill down.
 * The filter form is a plain GET form: it works without JavaScript and every view is a link.
 */
import { ScrollRegion } from "~/components/scroll-region";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { groupRows, PortfolioTable } from "~/components/portfolio-table";
import { HowDecidedLink, SignalStatusBadge } from "~/components/signal-card";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import { canImport } from "~/models/facts-import.server";
import { DEFAULT_QUERY, GROUPS, SORTS, SOURCES, STATUSES } from "~/domain/portfolio";
import { redCellsByRegion } from "~/models/regions.server";
import { getPortfolio, hasPortfolio, listPortfolioFacets } from "~/models/portfolio.server";
import { requireViewer } from "~/models/viewer.server";
import { ownStart } from "~/models/start-own.server";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { readPortfolioParams, toPortfolioQuery } from "~/utils/portfolio-query.server";
import { portfolioSearch } from "~/utils/portfolio-search";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!hasPortfolio(viewer)) throw new Response("Not found", { status: 404 });
  const params = readPortfolioParams(new URL(request.url).searchParams);
  const [page, facets, regionRed] = await Promise.all([getPortfolio(viewer, toPortfolioQuery(params)), listPortfolioFacets(viewer), redCellsByRegion()]);
  return {
    pageTitle: await titleFor(request, "portfolio", viewer.organisationName),
    params,
    page: { ...page, groups: Object.fromEntries(page.groups) },
    facets,
    regionRed,
    pageSize: DEFAULT_QUERY.pageSize,
    canImport: canImport(viewer),
    isKeten: viewer.organisationKind === "keten",
    currentRules: getCurrentQuestionnaire().parameters.rulesVersion,
    // A way in from every row (issue 13); an empty portfolio without filters says how to fill it.
    start: ownStart(viewer),
    filtered: [...new URL(request.url).searchParams.keys()].some((k) => k !== "page"),
  };
}

export default function Portfolio() {
  const { params, page, facets, regionRed, pageSize, canImport, isKeten, currentRules, start, filtered } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const groups = groupRows(
    page.rows,
    params.group,
    (row) => (params.group === "keten" ? (row.ketenName ?? t("workspaces.portfolio.noKeten")) : (row.regionName ?? t("workspaces.portfolio.noRegion"))),
    page.groups,
  );
  const search = (changes: Parameters<typeof portfolioSearch>[1]) => portfolioSearch(params, changes);
  return (
    <div className="workspace">
      <h1>{t("workspaces.portfolio.title")}</h1>
      <p className="lead">{t(isKeten ? "workspaces.portfolio.leadKeten" : "workspaces.portfolio.lead")}</p>
      <details className="explain">
        <summary>{t("workspaces.portfolio.sourcesTitle")}</summary>
        <p>{t("workspaces.portfolio.sourcesBody")}</p>
      </details>
      <p className="actions no-print">
        {canImport ? (
          <Link className="button secondary" to="/portfolio/import">
            {t("workspaces.import.title")}
          </Link>
        ) : null}
        <a className="button secondary" href={`/portfolio.csv${search({ page: undefined })}`} download>
          {t("workspaces.portfolio.csv")}
        </a>
      </p>

      <Form method="get" className="filters no-print" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("workspaces.portfolio.filters")}
        </h2>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="f-signal">{t("workspaces.portfolio.filter.signal")}</label>
            <select id="f-signal" name="signal" defaultValue={params.signal ?? ""}>
              <option value="">{t("workspaces.portfolio.filter.allPractices")}</option>
              <option value="any">{t("workspaces.portfolio.filter.anySignal")}</option>
              {SIGNAL_IDS.map((id) => (
                <option key={id} value={id}>
                  {t(`workspaces.signalShort.${id}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-status">{t("workspaces.portfolio.filter.status")}</label>
            <select id="f-status" name="status" defaultValue={params.status ?? "signal"}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`signals.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {facets.ketens.length > 0 ? (
            <div className="field">
              <label htmlFor="f-keten">{t("workspaces.portfolio.filter.keten")}</label>
              <select id="f-keten" name="keten" defaultValue={params.keten ?? ""}>
                <option value="">{t("workspaces.portfolio.filter.all")}</option>
                {facets.ketens.map((k) => (
                  <option key={k.key} value={k.key}>
                    {t("workspaces.portfolio.filter.option", {
                      name: k.name,
                      n: k.n,
                    })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {facets.regions.length > 0 ? (
            <div className="field">
              <label htmlFor="f-region">{t("workspaces.portfolio.filter.region")}</label>
              <select id="f-region" name="region" defaultValue={params.region ?? ""}>
                <option value="">{t("workspaces.portfolio.filter.all")}</option>
                {facets.regions.map((g) => (
                  <option key={g.key} value={g.key}>
                    {t("workspaces.portfolio.filter.option", {
                      name: g.name,
                      n: g.n,
                    })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="f-self">{t("workspaces.portfolio.filter.self")}</label>
            <select id="f-self" name="self" defaultValue={params.self ?? ""}>
              <option value="">{t("workspaces.portfolio.filter.all")}</option>
              <option value="ja">{t("workspaces.portfolio.filter.selfYes")}</option>
              <option value="nee">{t("workspaces.portfolio.filter.selfNo")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-source">{t("workspaces.portfolio.filter.source")}</label>
            <select id="f-source" name="source" defaultValue={params.source ?? ""}>
              <option value="">{t("workspaces.portfolio.filter.all")}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`workspaces.source.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-q">{t("workspaces.portfolio.filter.q")}</label>
            <input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="f-sort">{t("workspaces.portfolio.filter.sort")}</label>
            <select id="f-sort" name="sort" defaultValue={params.sort}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`workspaces.portfolio.sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-dir">{t("workspaces.portfolio.filter.dir")}</label>
            <select id="f-dir" name="dir" defaultValue={params.dir ?? ""}>
              <option value="">{t("workspaces.portfolio.dir.natural")}</option>
              <option value="desc">{t("workspaces.portfolio.dir.desc")}</option>
              <option value="asc">{t("workspaces.portfolio.dir.asc")}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-group">{t("workspaces.portfolio.filter.group")}</label>
            <select id="f-group" name="group" defaultValue={params.group}>
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`workspaces.portfolio.group.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field checkbox-field">
            <input id="f-differs" name="differs" type="checkbox" value="1" defaultChecked={params.differs === "1"} />
            <label htmlFor="f-differs">{t("workspaces.portfolio.filter.differs")}</label>
          </div>
          <div className="field checkbox-field">
            <input id="f-changed" name="changed" type="checkbox" value="1" defaultChecked={params.changed === "1"} />
            <label htmlFor="f-changed">{t("known.portfolio.filterChanged")}</label>
          </div>
        </div>
        <p className="actions">
          <button type="submit">{t("workspaces.portfolio.filter.apply")}</button>
          <Link to="/portfolio">{t("workspaces.portfolio.filter.reset")}</Link>
        </p>
      </Form>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t("workspaces.portfolio.countsTitle", { count: page.total })}</h2>
        <ScrollRegion labelledBy="counts-title">
          <table className="counts">
            <thead>
              <tr>
                <th scope="col">{t("workspaces.portfolio.columns.signal")}</th>
                {STATUSES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`signals.status.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {SIGNAL_IDS.map((id) => (
                <tr key={id}>
                  <th scope="row">{t(`workspaces.signalShort.${id}`)}</th>
                  {STATUSES.map((s) => (
                    <td key={s} className="num">
                      <Link
                        to={`/portfolio${search({ signal: id, status: s, page: undefined })}`}
                        aria-label={t("workspaces.portfolio.countLink", {
                          n: page.counts[id][s],
                          signal: t(`workspaces.signalShort.${id}`),
                          status: t(`signals.status.${s}`),
                        })}
                      >
                        <SignalStatusBadge status={s} label={String(page.counts[id][s])} />
                      </Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      {page.total === 0 ? (
        filtered ? (
          <p className="callout">
            {t("workspaces.portfolio.empty")} <Link to="/portfolio">{t("workspaces.portfolio.filter.reset")}</Link>
          </p>
        ) : (
          <p className="callout">
            {t("register.empty.portfolioEmpty")} <Link to="/#own-title">{t("register.empty.home")}</Link>
            {canImport ? (
              <>
                {" · "}
                <Link to="/portfolio/import">{t("register.empty.import")}</Link>
              </>
            ) : null}
          </p>
        )
      ) : (
        <>
          <p className="hint">
            {t("signalRules.legend", { current: currentRules })} <HowDecidedLink />
          </p>
          <PortfolioTable
            groups={groups}
            currentRules={currentRules}
            regionRed={regionRed}
            start={start}
            caption={t("workspaces.portfolio.caption", {
              from: (page.page - 1) * pageSize + 1,
              to: (page.page - 1) * pageSize + page.rows.length,
              total: page.total,
            })}
          />
          {page.pages > 1 ? (
            <nav className="pagination no-print" aria-label={t("workspaces.portfolio.pages")}>
              {page.page > 1 ? <Link to={`/portfolio${search({ page: page.page - 1 })}`}>{t("workspaces.portfolio.previous")}</Link> : null}
              <span>
                {t("workspaces.portfolio.pageOf", {
                  page: page.page,
                  pages: page.pages,
                })}
              </span>
              {page.page < page.pages ? <Link to={`/portfolio${search({ page: page.page + 1 })}`}>{t("workspaces.portfolio.next")}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
