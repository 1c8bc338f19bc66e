/** The report as a PDF, drawn on the server (pdfkit), no browser involved. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";
import { renderReportPdf } from "~/models/report-export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, t } = await loadReport(request, params, "pdf");
  const pdf = await renderReportPdf(report, t);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${exportFileName(report.practiceName, report.generatedAt, "pdf")}"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
