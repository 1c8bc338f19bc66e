/**
 * The regional signaleringsmatrix (leidraad continuïteit en toegankelijkheid 2027/2028, section 2):
 * regions × indicators, every cell its value and colour in a word, sorted by red cells, with the source,
 * the year and the criteria in force of every column, and the leidraad's caveat. Public data: every
 * signed-in person reads it. A plain GET form filters it, so it works without JavaScript.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { cutOffText, MatrixCell, useColourWords } from "~/components/regional";
import { ScrollRegion } from "~/components/scroll-region";
import { isFictitiousRegionCode } from "~/domain/regional/demo-regions";
import i18next, { requestLng } from "~/i18next.server";
import { canKeepOwnCriteria, getRegionalMatrix, hasOwnCriteria, indicatorViews, mayViewOwnCriteria } from "~/models/regions.server";
import { formatDate } from "~/domain/format";
import { requireReader } from "~/models/viewer.server";
import { portfolioSearch } from "~/utils/portfolio-search";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  // National data: every organisation's people read it, and the platform beheerder who keeps it.
  const { viewer } = await requireReader(request);
  const lng = await requestLng(request);
  const params = new URL(request.url).searchParams;
  const year = Number(params.get("jaar")) || undefined;
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const onlyRed = params.get("rood") === "1";
  const mayOwn = viewer !== null && canKeepOwnCriteria(viewer);
  const hasOwn = viewer !== null && mayViewOwnCriteria(viewer) && (await hasOwnCriteria(viewer.organisationId));
  // The organisation's own cut-offs only in its own view, asked for explicitly and labelled as such.
  const own = hasOwn && params.get("grenzen") === "eigen";
  const m = await getRegionalMatrix(year, own && viewer ? viewer.organisationId : undefined);
  const t = await i18next.getFixedT(lng);
  const regions = (m.matrix?.regions ?? []).filter(
    (r) => (!q || r.name.toLowerCase().includes(q.toLowerCase()) || r.code.toLowerCase() === q.toLowerCase()) && (!onlyRed || r.red > 0),
  );
  return {
    pageTitle: await titleFor(request, "regions", m.year ? String(m.year) : null),
    years: m.years,
    year: m.year,
    q,
    onlyRed,
    indicators: indicatorViews(m.criteria, lng).map((i) => {
      const override = m.overrides.find((o) => o.indicatorId === i.id);
      return {
        ...i,
        cutOffs: m.matrix ? cutOffText(m.matrix.cutOffs[i.id], t, lng, override?.kind === "own") : null,
        override: override ? { kind: override.kind, basis: override.basis && { ...override.basis, agreedOn: formatDate(override.basis.agreedOn, lng), publishedAt: formatDate(override.basis.publishedAt, lng) } } : null,
      };
    }),
    regions,
    total: m.matrix?.regions.length ?? 0,
    fictitious: (m.matrix?.regions ?? []).some((r) => isFictitiousRegionCode(r.code)),
    sources: m.sources,
    caveat: m.criteria.caveat[lng],
    criteriaNote: m.criteria.criteriaNote[lng],
    choices: m.criteria.choices.map((c) => c[lng]),
    criteriaVersion: m.criteria.version,
    national: m.overrides.filter((o) => o.kind === "national").length,
    own,
    hasOwn,
    mayOwn,
  };
}

export default function RegionsMatrix() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const words = useColourWords();
  const search = portfolioSearch({ jaar: d.year ?? undefined, q: d.q || undefined, rood: d.onlyRed ? "1" : undefined, grenzen: d.own ? "eigen" : undefined });
  const other = portfolioSearch({ jaar: d.year ?? undefined, q: d.q || undefined, rood: d.onlyRed ? "1" : undefined, grenzen: d.own ? undefined : "eigen" });
  return (
    <div className="workspace">
      <h1>{t("regions.title")}</h1>
      <p className="lead">{t("regions.lead")}</p>
      {d.hasOwn ? (
        <p className={d.own ? "callout callout--essential" : "callout"}>
          {t(d.own ? "regions.ownView.own" : "regions.ownView.national")}{" "}
          <Link to={`/regions${other}`}>{t(d.own ? "regions.ownView.showNational" : "regions.ownView.showOwn")}</Link>
        </p>
      ) : null}
      <p className="callout callout--essential">{d.caveat}</p>
      {d.fictitious ? <p className="callout">{t("regions.fictitious")}</p> : null}
      <details className="explain">
        <summary>{t("regions.criteriaTitle", { version: d.criteriaVersion })}</summary>
        <p>{d.criteriaNote}</p>
        {d.national > 0 ? <p>{t("regions.overridden", { count: d.national })}</p> : <p>{t("regions.noPublications")}</p>}
        <ul className="plain">
          {d.indicators
            .filter((i) => i.override?.kind === "national" && i.override.basis)
            .map((i) => (
              <li key={i.id}>
                <strong>{i.title}</strong>: {t("regions.agreedBasis", i.override!.basis!)}
              </li>
            ))}
        </ul>
      </details>
      <details className="explain">
        <summary>{t("regions.choicesTitle")}</summary>
        <ul>
          {d.choices.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          <Link to="/signalen#matrix">{t("regions.howRead")}</Link>
        </p>
      </details>
      <details className="explain">
        <summary>{t("regions.indicatorsTitle")}</summary>
        <dl className="indicator-list">
          {d.indicators.map((i) => (
            <div key={i.id}>
              <dt>
                {i.title} ({i.unit})
              </dt>
              <dd>
                {i.explanation} {i.sourceDetail}
              </dd>
            </div>
          ))}
        </dl>
      </details>
      <p className="actions no-print">
        <a className="button secondary" href={`/regions.csv${search}`} download>
          {t("regions.csv")}
        </a>
        {d.mayOwn ? (
          <Link className="button secondary" to="/regions/criteria">
            {t("regions.ownView.manage")}
          </Link>
        ) : null}
        <span className="hint">{t("report.printHint")}</span>
      </p>

      {d.year === null ? (
        <p className="callout">{t("regions.empty")}</p>
      ) : (
        <>
          <Form method="get" className="filters no-print" aria-label={t("regions.filters")}>
            {d.own ? <input type="hidden" name="grenzen" value="eigen" /> : null}
            <div className="filter-grid">
              <div className="field">
                <label htmlFor="m-year">{t("regions.year")}</label>
                <select id="m-year" name="jaar" defaultValue={String(d.year)}>
                  {d.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="m-q">{t("regions.search")}</label>
                <input id="m-q" name="q" type="search" defaultValue={d.q} maxLength={100} />
              </div>
              <div className="field checkbox-field">
                <input id="m-red" name="rood" type="checkbox" value="1" defaultChecked={d.onlyRed} />
                <label htmlFor="m-red">{t("regions.onlyRed")}</label>
              </div>
            </div>
            <p className="actions">
              <button type="submit">{t("workspaces.portfolio.filter.apply")}</button>
              <Link to={d.own ? "/regions?grenzen=eigen" : "/regions"}>{t("workspaces.portfolio.filter.reset")}</Link>
            </p>
          </Form>

          <p className="hint">{t("regions.sources", { year: d.year, sources: d.sources.join("; ") })}</p>
          <ScrollRegion label={t("regions.caption", { year: d.year, shown: d.regions.length, total: d.total })}>
            <table className="matrix">
              <caption>{t("regions.caption", { year: d.year, shown: d.regions.length, total: d.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("regions.columns.region")}</th>
                  <th scope="col">{t("regions.columns.red")}</th>
                  {d.indicators.map((i) => (
                    <th scope="col" key={i.id}>
                      {i.title}
                      <span className="hint block">{i.unit}</span>
                      <span className="hint block">
                        {i.source} ({d.year})
                      </span>
                      {i.cutOffs ? <span className="hint block cutoffs">{i.cutOffs}</span> : null}
                      {i.override ? <span className="badge badge--small">{t(i.override.kind === "own" ? "regions.own" : "regions.agreed")}</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.regions.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <Link to={`/regions/${encodeURIComponent(r.code)}`}>{r.name}</Link>
                      <span className="hint block">{r.code}</span>
                    </th>
                    <td className="num">{t("regions.redCount", { red: r.red, orange: r.orange })}</td>
                    {d.indicators.map((i) => (
                      <td key={i.id}>
                        <MatrixCell cell={r.cells[i.id as keyof typeof r.cells]} decimals={i.decimals} words={words} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {d.regions.length === 0 ? <p className="callout">{t("regions.noneFound")}</p> : null}
        </>
      )}
    </div>
  );
}
