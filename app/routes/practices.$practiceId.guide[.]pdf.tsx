/** The conversation guide of a practice as a PDF (pdfkit, on the server); audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import i18next, { requestLng } from "~/i18next.server";
import { logEvent } from "~/models/audit.server";
import { renderGuidePdf } from "~/models/guide-export.server";
import { buildPracticeGuide } from "~/models/guide.server";
import { listNotes } from "~/models/notes.server";
import { loadPracticeWorkspace } from "~/models/practice-workspace.server";
import { regionContextView } from "~/models/regions.server";
import { requireViewer } from "~/models/viewer.server";
import { downloadResponse, exportFileName } from "~/utils/download.server";
import { formatDateTime } from "~/domain/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lng = await requestLng(request);
  const w = await loadPracticeWorkspace(viewer, params.practiceId ?? "", lng, "guide.pdf");
  if (!w) throw new Response("Not found", { status: 404 });
  const guide = buildPracticeGuide(w);
  const t = await i18next.getFixedT(lng);
  const now = new Date().toISOString();
  const pdf = await renderGuidePdf(
    {
      ...guide,
      subject: w.practice.name,
      meta: `${t("home.agb")} ${w.practice.agb ?? "-"} · ${viewer.organisationName} · ${formatDateTime(now, lng)}`,
      notes: await listNotes(viewer, { type: "practice", key: w.practice.id }),
      region: await regionContextView(w.row.regionId, lng),
    },
    t,
    lng,
  );
  await logEvent({
    viewer,
    at: now,
    action: "guide.exported",
    subjectType: "practice-guide",
    subjectId: w.practice.id,
    assessmentId: w.self?.id ?? null,
    detail: { format: "pdf" },
  });
  return downloadResponse(new Uint8Array(pdf), "application/pdf", exportFileName(`${guide.title} ${w.practice.name}`, now, "pdf"));
}
