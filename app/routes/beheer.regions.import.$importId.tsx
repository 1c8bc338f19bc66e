/**
 * The preview of a region import by the platform beheerder: bad rows with what is wrong per column,
 * good rows with their figures; confirm or discard. National data: nobody else imports it.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { IndicatorHeaders, formatIndicator } from "~/components/regional";
import { ScrollRegion } from "~/components/scroll-region";
import { requestLng } from "~/i18next.server";
import { decideRegionImport, getCriteriaInForce, getRegionImport, indicatorViews, RegionImportStateError } from "~/models/regions.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { fixedT } from "~/utils/i18n-node";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformViewer(request);
  const imp = await getRegionImport(params.importId ?? "");
  if (!imp) throw notFound();
  const lng = await requestLng(request);
  const t = fixedT(lng, "server");
  const say = (m: { code: string; params: Record<string, string | number> }) => t(m.code, m.params);
  const { criteria } = await getCriteriaInForce();
  return {
    pageTitle: await titleFor(request, "regionImportPreview", imp.file_name),
    id: imp.id,
    status: imp.status,
    fileName: imp.file_name,
    source: imp.source,
    createdAt: imp.created_at,
    decidedAt: imp.decided_at,
    rowCount: imp.row_count,
    errorCount: imp.error_count,
    indicators: indicatorViews(criteria, lng).filter((i) => i.id !== "trend-zonder-vaste-huisarts"),
    rows: (imp.preview?.rows ?? []).slice(0, 300).map((r) => ({ line: r.line, code: r.code, name: r.name, year: r.year, values: r.values })),
    errors: (imp.preview?.errors ?? []).map((e) => ({ line: e.line, header: e.header, message: say(e) })),
    warnings: (imp.preview?.warnings ?? []).map((w) => ({ line: w.line, header: w.header, message: say(w) })),
    newRegions: imp.preview?.newRegions ?? [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePlatformViewer(request);
  const form = await readForm(request);
  const intent = form.get("_intent");
  if (intent !== "confirm" && intent !== "discard") throw new Response("Bad request", { status: 400 });
  let done: Awaited<ReturnType<typeof decideRegionImport>>;
  try {
    done = await decideRegionImport(admin, params.importId ?? "", intent === "confirm");
  } catch (error) {
    if (error instanceof RegionImportStateError) return data({ error: "workspaces.import.errors.decided" }, { status: 409 });
    throw error;
  }
  if (!done) throw notFound();
  // To the matrix of the latest year the import brought, which is where its figures show.
  return redirect(intent === "confirm" ? `/regions${done.latestYear ? `?jaar=${done.latestYear}` : ""}` : `/beheer/regions/import/${params.importId}`);
}

export default function RegionImportPreview() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const good = d.rowCount - d.errorCount;
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/beheer/regions/import">{t("regions.import.title")}</Link>
      </p>
      <h1>{t("workspaces.import.previewTitle", { file: d.fileName })}</h1>
      <p className="hint">{t("regions.import.meta", { source: d.source, when: formatDateTime(d.createdAt, lng) })}</p>
      <p className="callout" role="status">
        {t(`workspaces.import.statusLine.${d.status}`, {
          rows: d.rowCount,
          good,
          errors: d.errorCount,
          when: d.decidedAt ? formatDateTime(d.decidedAt, lng) : "",
        })}
      </p>
      {actionData?.error ? <p className="field-error">{t(actionData.error)}</p> : null}
      {d.newRegions.length > 0 ? <p>{t("regions.import.newRegions", { codes: d.newRegions.join(", ") })}</p> : null}
      {d.status === "preview" ? (
        <Form method="post" className="panel actions">
          <CsrfInput />
          <button type="submit" name="_intent" value="confirm" disabled={good === 0}>
            {t("regions.import.confirm", { count: good })}
          </button>
          <button type="submit" name="_intent" value="discard" className="secondary">
            {t("workspaces.import.discard")}
          </button>
        </Form>
      ) : null}
      {[
        { id: "region-errors", title: t("workspaces.import.errorRows", { count: d.errors.length }), items: d.errors },
        { id: "region-warnings", title: t("regions.import.warnings", { count: d.warnings.length }), items: d.warnings },
      ]
        .filter((list) => list.items.length > 0)
        .map((list) => (
          <section key={list.id} aria-labelledby={list.id}>
            <h2 id={list.id}>{list.title}</h2>
            <ul className={list.id === "region-errors" ? "import-errors" : "plain"}>
              {list.items.map((e, i) => (
                <li key={i}>
                  {e.line ? t("regions.import.row", { line: e.line }) : null} {e.header ? <code>{e.header}</code> : null} {e.message}
                </li>
              ))}
            </ul>
          </section>
        ))}
      {d.rows.length > 0 ? (
        <section aria-labelledby="region-rows">
          <h2 id="region-rows">{t("workspaces.import.goodRows", { count: good })}</h2>
          <ScrollRegion labelledBy="region-rows">
            <table className="matrix">
              <thead>
                <tr>
                  <th scope="col">{t("workspaces.import.columns.row")}</th>
                  <th scope="col">{t("regions.columns.region")}</th>
                  <th scope="col">{t("regions.year")}</th>
                  <IndicatorHeaders indicators={d.indicators} />
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    <th scope="row">
                      {r.name}
                      <span className="hint block">{r.code}</span>
                    </th>
                    <td>{r.year}</td>
                    {d.indicators.map((i) => (
                      <td key={i.id} className="num">
                        {formatIndicator(r.values[i.id as keyof typeof r.values], i.decimals, lng) ?? t("matrix.colour.geen-gegevens")}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}
    </div>
  );
}
