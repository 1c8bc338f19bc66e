/** The report as a PDF, drawn on the server (pdfkit), no browser involved. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";
import { renderReportPdf } from "~/models/report-export.server";
import { downloadResponse } from "~/utils/download.server";
import { changesSincePrevious } from "~/models/known-view.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, summary, beforeJoining, region, lng, t, ctx } = await loadReport(request, params, "pdf");
  const pdf = await renderReportPdf(report, t, { beforeJoining, region, lng, summary, changes: await changesSincePrevious(ctx, t, lng) });
  return downloadResponse(new Uint8Array(pdf), "application/pdf", exportFileName(report.practiceName, report.generatedAt, "pdf"));
}
