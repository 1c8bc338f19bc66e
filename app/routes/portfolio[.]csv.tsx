/** The portfolio matrix as CSV for Dutch Excel (`;`, BOM), with the page's filters and order; audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import i18next, { requestLng } from "~/i18next.server";
import { recordEvent } from "~/models/audit.server";
import { hasPortfolio, listPortfolio } from "~/models/portfolio.server";
import { requireViewer } from "~/models/viewer.server";
import { toDelimited } from "~/utils/csv";
import { downloadResponse, exportFileName } from "~/utils/download.server";
import { formatNumber } from "~/utils/format";
import { readPortfolioParams, toPortfolioQuery } from "~/utils/portfolio-query.server";
import { getDb } from "../../db/index.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!hasPortfolio(viewer)) throw new Response("Not found", { status: 404 });
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const params = readPortfolioParams(new URL(request.url).searchParams);
  const rows = await listPortfolio(viewer, toPortfolioQuery(params));
  const c = (key: string) => t(`workspaces.portfolio.columns.${key}`);
  const table = [
    [c("practice"), "AGB", c("keten"), c("region"), c("source"), c("sourceDate"), ...SIGNAL_IDS.map((id) => t(`workspaces.signalShort.${id}`)), c("patientsPerFte"), c("differs")],
    ...rows.map((r) => [
      r.name,
      r.agb ?? "",
      r.ketenName ?? "",
      r.regionName ?? "",
      t(`workspaces.source.${r.source}`) + (r.versionNo ? ` ${t("sharing.version", { version: r.versionNo })}` : ""),
      r.sourceAt.slice(0, 10),
      ...SIGNAL_IDS.map((id) => t(`signals.status.${r.signals[id] ?? "unknown"}`)),
      r.patientsPerFte === null ? "" : formatNumber(r.patientsPerFte, "nl"),
      r.differs ? t("workspaces.compare.differs") : "",
    ]),
  ];
  const now = new Date().toISOString();
  await recordEvent(await getDb(), { viewer, at: now, action: "portfolio.exported", subjectType: "portfolio", subjectId: viewer.organisationId, detail: { format: "csv", rows: rows.length, params } });
  return downloadResponse(toDelimited(table, { delimiter: ";", bom: true }), "text/csv; charset=utf-8", exportFileName(t("workspaces.portfolio.fileName"), now, "csv"));
}
