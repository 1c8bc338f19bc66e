/**
 * A huisartsenregio: its indicators over the years (each year coloured among that year's regions), and
 * the practices in it that the reader may see, with their five signals.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { groupRows, PortfolioTable } from "~/components/portfolio-table";
import { IndicatorHeaders, MatrixCell, useColourWords } from "~/components/regional";
import { ScrollRegion } from "~/components/scroll-region";
import { isFictitiousRegionCode } from "~/domain/regional/demo-regions";
import { requestLng } from "~/i18next.server";
import { hasPortfolio, listPortfolio } from "~/models/portfolio.server";
import { getRegionPage, indicatorViews } from "~/models/regions.server";
import { requireReader } from "~/models/viewer.server";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer } = await requireReader(request);
  const lng = await requestLng(request);
  const page = await getRegionPage(params.code ?? "");
  if (!page) throw new Response("Not found", { status: 404 });
  // By name, as the portfolio: a list of practices is not a ranking. The platform beheerder has none.
  const mayHavePractices = viewer !== null && hasPortfolio(viewer);
  const practices = viewer && mayHavePractices ? await listPortfolio(viewer, { filter: { region: page.regionId }, sort: "name", desc: false, group: "none" }) : [];
  return {
    pageTitle: await titleFor(request, "region", page.name),
    code: page.code,
    name: page.name,
    fictitious: isFictitiousRegionCode(page.code),
    indicators: indicatorViews(page.criteria, lng),
    history: page.history.map((h) => ({ year: h.year, source: h.source, cells: h.row.cells, red: h.row.red })),
    practices,
    mayHavePractices,
    currentRules: getCurrentQuestionnaire().parameters.rulesVersion,
  };
}

export default function RegionPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const words = useColourWords();
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/regions">{t("regions.title")}</Link>
      </p>
      <h1>{d.name}</h1>
      <p className="hint">{d.code}</p>
      {d.fictitious ? <p className="callout">{t("regions.fictitious")}</p> : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("regions.region.history")}</h2>
        {d.history.length === 0 ? (
          <p className="callout">{t("regions.region.noData")}</p>
        ) : (
          <ScrollRegion labelledBy="history-title">
            <table className="matrix">
              <thead>
                <tr>
                  <th scope="col">{t("regions.year")}</th>
                  <th scope="col">{t("regions.columns.red")}</th>
                  <IndicatorHeaders indicators={d.indicators} />
                </tr>
              </thead>
              <tbody>
                {d.history.map((h) => (
                  <tr key={h.year}>
                    <th scope="row">
                      {h.year}
                      <span className="hint block">{h.source}</span>
                    </th>
                    <td className="num">{h.red}</td>
                    {d.indicators.map((i) => (
                      <td key={i.id}>
                        <MatrixCell cell={h.cells[i.id as keyof typeof h.cells]} decimals={i.decimals} words={words} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p className="hint">{t("regions.region.perYear")}</p>
      </section>
      <section aria-labelledby="region-practices">
        <h2 id="region-practices">{t("regions.region.practices")}</h2>
        {!d.mayHavePractices ? (
          <p className="hint">{t("regions.region.noPortfolio")}</p>
        ) : d.practices.length === 0 ? (
          <p className="hint">{t("regions.region.noPractices")}</p>
        ) : (
          <PortfolioTable
            groups={groupRows(d.practices, "none", () => "", {})}
            caption={t("regions.region.caption", { name: d.name, count: d.practices.length })}
            currentRules={d.currentRules}
          />
        )}
      </section>
    </div>
  );
}
