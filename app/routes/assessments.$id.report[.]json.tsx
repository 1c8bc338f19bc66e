/** The report as JSON: the same content as the page, plus the raw facts, figures and answers. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, loadReport } from "~/models/report-context.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await loadReport(request, params, "json");
  return new Response(JSON.stringify(report, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(report.practiceName, report.generatedAt, "json")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
