/**
 * All of the organisation's data as one JSON file, for its beheerder (AVG: the data is the
 * organisation's own). Streamed from a snapshot; audited as an export. See models/data-export.server.ts.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportOrganisation } from "~/models/data-export.server";
import { requireRole, requireViewer } from "~/models/viewer.server";
import { exportFileName } from "~/utils/download.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  requireRole(viewer, ["beheerder"]);
  const { stream, exportedAt } = await exportOrganisation(viewer);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(viewer.organisationName, exportedAt, "json")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
