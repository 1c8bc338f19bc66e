/** The report as CSV for Dutch Excel: `;`, CRLF and a BOM. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";
import { reportRows } from "~/models/report-export.server";
import { toDelimited } from "~/utils/csv";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, t } = await loadReport(request, params, "csv");
  return new Response(toDelimited(reportRows(report, t), { delimiter: ";", bom: true }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(report.practiceName, report.generatedAt, "csv")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
