/** The report as JSON: the same content as the page, plus the raw facts, figures and answers. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";
import { downloadResponse } from "~/utils/download.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await loadReport(request, params, "json");
  return downloadResponse(JSON.stringify(report, null, 2), "application/json; charset=utf-8", exportFileName(report.practiceName, report.generatedAt, "json"));
}
