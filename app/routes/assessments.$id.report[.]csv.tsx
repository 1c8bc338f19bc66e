/** The report as CSV for Dutch Excel: `;`, CRLF and a BOM. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";
import { reportRows } from "~/models/report-export.server";
import { toDelimited } from "~/utils/csv";
import { downloadResponse } from "~/utils/download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, t } = await loadReport(request, params, "csv");
  return downloadResponse(
    toDelimited(reportRows(report, t), { delimiter: ";", bom: true }),
    "text/csv; charset=utf-8",
    exportFileName(report.practiceName, report.generatedAt, "csv"),
  );
}
