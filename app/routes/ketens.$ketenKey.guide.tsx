/**
 * The conversation guide of a whole keten: its signals and unknowns across the practices the reader may
 * see, the differences, the governance gaps, and the notes and agreements of the conversation.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GuideSections, NotesPanel } from "~/components/guide";
import { getCurrentQuestionnaire } from "~/models/content.server";
import i18next, { requestLng } from "~/i18next.server";
import { buildKetenGuide, getKetenView } from "~/models/keten.server";
import { listNotes } from "~/models/notes.server";
import { handleNoteForm } from "~/utils/note-form.server";
import { canEdit, requireViewer } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lng = await requestLng(request);
  const view = await getKetenView(viewer, params.ketenKey ?? "", lng);
  if (!view) throw notFound();
  const t = await i18next.getFixedT(lng);
  const dialogue = getCurrentQuestionnaire().dialogue.guide;
  return {
    pageTitle: await titleFor(request, { text: t("workspaces.keten.guide") }, view.name),
    key: view.key,
    name: view.name,
    total: view.total,
    practices: view.rows.map((r) => ({ id: r.practiceId, name: r.name, signalCount: r.signalCount })),
    title: dialogue.title[lng],
    reading: dialogue.reading[lng],
    sections: buildKetenGuide(view, viewer, t, lng),
    notes: await listNotes(viewer, { type: "keten", key: view.key }),
    canEdit: canEdit(viewer),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const view = await getKetenView(viewer, params.ketenKey ?? "", await requestLng(request));
  if (!view) throw notFound();
  const result = await handleNoteForm(viewer, { type: "keten", key: view.key }, form);
  if (result) return data(result, { status: 400 });
  return redirect(`/ketens/${encodeURIComponent(view.key)}/guide#notes`);
}

export default function KetenGuidePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const base = `/ketens/${encodeURIComponent(d.key)}`;
  return (
    <article className="workspace report guide-page">
      <p className="eyebrow no-print">
        <Link to={base}>{d.name}</Link>
      </p>
      <h1>
        {d.title}: {d.name}
      </h1>
      <nav className="downloads no-print" aria-label={t("report.downloads")}>
        <span>{t("report.downloads")}:</span>
        <a href={`${base}/guide.pdf`} download>
          {t("report.pdf")}
        </a>
        <span className="hint">{t("report.printHint")}</span>
      </nav>
      <p>{d.reading}</p>
      {d.sections.length === 0 ? <p className="callout">{t("workspaces.guide.nothing")}</p> : <GuideSections sections={d.sections} />}
      <section aria-labelledby="keten-practices">
        <h2 id="keten-practices">{t("workspaces.keten.practiceGuides")}</h2>
        <ul className="columns">
          {d.practices.map((p) => (
            <li key={p.id}>
              <Link to={`/practices/${p.id}/guide`}>{p.name}</Link> <span className="hint">{t("workspaces.keten.signalCount", { count: p.signalCount })}</span>
            </li>
          ))}
        </ul>
      </section>
      <NotesPanel notes={d.notes} canEdit={d.canEdit} errors={actionData?.errors ?? {}} values={actionData?.values} today={d.today} />
    </article>
  );
}
