/** The conversation guide of a keten as a PDF; audited. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentQuestionnaire } from "~/models/content.server";
import i18next, { requestLng } from "~/i18next.server";
import { logEvent } from "~/models/audit.server";
import { renderGuidePdf } from "~/models/guide-export.server";
import { buildKetenGuide, getKetenView } from "~/models/keten.server";
import { listNotes } from "~/models/notes.server";
import { requireViewer } from "~/models/viewer.server";
import { downloadResponse, exportFileName } from "~/utils/download.server";
import { formatDateTime } from "~/domain/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lng = await requestLng(request);
  const view = await getKetenView(viewer, params.ketenKey ?? "", lng);
  if (!view) throw new Response("Not found", { status: 404 });
  const t = await i18next.getFixedT(lng);
  const dialogue = getCurrentQuestionnaire().dialogue.guide;
  const now = new Date().toISOString();
  const pdf = await renderGuidePdf(
    {
      title: dialogue.title[lng],
      subject: view.name,
      meta: `${t("workspaces.keten.lead", { count: view.total })} · ${viewer.organisationName} · ${formatDateTime(now, lng)}`,
      reading: dialogue.reading[lng],
      order: dialogue.order[lng],
      sources: view.rows.map((r) => `${r.name}: ${t(`workspaces.source.${r.source}`)}`),
      sections: buildKetenGuide(view, viewer, t, lng),
      beforeJoining: null,
      region: null,
      notes: await listNotes(viewer, { type: "keten", key: view.key }),
    },
    t,
    lng,
  );
  await logEvent({ viewer, at: now, action: "guide.exported", subjectType: "keten-guide", subjectId: view.key, detail: { format: "pdf" } });
  return downloadResponse(new Uint8Array(pdf), "application/pdf", exportFileName(`${dialogue.title[lng]} ${view.name}`, now, "pdf"));
}
