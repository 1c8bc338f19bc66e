/**
 * The portfolio matrix as CSV for Dutch Excel (`;`, BOM), with the page's filters and order; audited.
 * Streamed: the rows are read in a worker thread and written batch by batch as the download goes.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import i18next, { requestLng } from "~/i18next.server";
import { logEvent } from "~/models/audit.server";
import { hasPortfolio, SOURCES, STATUSES, streamPortfolio, type PortfolioRow } from "~/models/portfolio.server";
import { requireViewer } from "~/models/viewer.server";
import { exportFileName, streamedCsvDownload } from "~/utils/download.server";
import { formatNumber } from "~/domain/format";
import { readPortfolioParams, toPortfolioQuery } from "~/utils/portfolio-query.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!hasPortfolio(viewer)) throw new Response("Not found", { status: 404 });
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const params = readPortfolioParams(new URL(request.url).searchParams);
  const c = (key: string) => t(`workspaces.portfolio.columns.${key}`);
  const header = [
    c("practice"),
    "AGB",
    c("keten"),
    c("region"),
    c("source"),
    c("sourceDate"),
    ...SIGNAL_IDS.map((id) => t(`workspaces.signalShort.${id}`)),
    c("patientsPerFte"),
    c("differs"),
    t("known.portfolio.csvColumn"),
  ];
  // The words every row repeats, looked up once: an export of the country writes millions of cells.
  const statusWord = Object.fromEntries(STATUSES.map((s) => [s, t(`signals.status.${s}`)])) as Record<(typeof STATUSES)[number], string>;
  const sourceWord = Object.fromEntries(SOURCES.map((s) => [s, t(`workspaces.source.${s}`)])) as Record<(typeof SOURCES)[number], string>;
  const differs = t("workspaces.compare.differs");
  const changedWord = { true: t("known.portfolio.csvChanged"), false: t("known.portfolio.csvSame") };
  const line = (r: PortfolioRow) => [
    r.name,
    r.agb ?? "",
    r.ketenName ?? "",
    r.regionName ?? "",
    sourceWord[r.source] + (r.versionNo ? ` ${t("sharing.version", { version: r.versionNo })}` : ""),
    r.sourceAt.slice(0, 10),
    ...SIGNAL_IDS.map((id) => statusWord[r.signals[id] ?? "unknown"]),
    r.patientsPerFte === null ? "" : formatNumber(r.patientsPerFte, "nl"),
    r.differs ? differs : "",
    r.signalsChanged === null || r.source === "import" ? "" : changedWord[String(r.signalsChanged) as "true" | "false"],
  ];
  async function* table() {
    yield [header];
    for await (const batch of streamPortfolio(viewer, toPortfolioQuery(params))) yield batch.map(line);
  }
  const now = new Date().toISOString();
  return streamedCsvDownload(exportFileName(t("workspaces.portfolio.fileName"), now, "csv"), table(), async (rows, completed) => {
    await logEvent({
      viewer,
      at: now,
      action: "portfolio.exported",
      subjectType: "portfolio",
      subjectId: viewer.organisationId,
      detail: { format: "csv", rows: Math.max(0, rows - 1), completed, params },
    });
  });
}
