/** The report as a PDF, drawn on the server (pdfkit), no browser involved. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";
import { renderReportPdf } from "~/models/report-export.server";
import { downloadResponse } from "~/utils/download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, summary, beforeJoining, region, lng, t } = await loadReport(request, params, "pdf");
  const pdf = await renderReportPdf(report, t, { beforeJoining, region, lng, summary });
  return downloadResponse(new Uint8Array(pdf), "application/pdf", exportFileName(report.practiceName, report.generatedAt, "pdf"));
}
