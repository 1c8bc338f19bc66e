/**
 * The conversation guide of one practice (gespreksleidraad), printable and as a PDF, with the notes and
 * agreements of the conversation kept beside it. For a huisarts weighing a provider it ends in the
 * questions to ask before joining.
 */
import { VerifiedMark } from "~/components/verified-mark";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BeforeJoiningView, GuideSections, NotesPanel } from "~/components/guide";
import { requestLng } from "~/i18next.server";
import { buildPracticeGuide } from "~/models/guide.server";
import { listNotes } from "~/models/notes.server";
import { handleNoteForm } from "~/utils/note-form.server";
import { getPortfolioRow } from "~/models/portfolio.server";
import { loadPracticeWorkspace } from "~/models/practice-workspace.server";
import { regionContextView } from "~/models/regions.server";
import { RegionContext } from "~/components/regional";
import { canEdit, requireViewer } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { pageTitle, titleMeta } from "~/utils/page-title";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lng = await requestLng(request);
  const w = await loadPracticeWorkspace(viewer, params.practiceId ?? "", lng, "guide");
  if (!w) throw notFound();
  const guide = buildPracticeGuide(w);
  const { comparison: _comparison, ...rest } = guide;
  return {
    pageTitle: pageTitle(w.t, guide.title, w.practice.name),
    practice: w.practice,
    practiceVerified: w.row.practiceVerified,
    ketenName: w.row.ketenName,
    guide: rest,
    notes: await listNotes(viewer, { type: "practice", key: w.practice.id }),
    region: await regionContextView(w.row.regionId, lng),
    canEdit: canEdit(viewer),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const practiceId = params.practiceId ?? "";
  // The same authorization as the page: a practice outside the portfolio is a 404.
  if (!(await getPortfolioRow(viewer, practiceId))) throw notFound();
  const result = await handleNoteForm(viewer, { type: "practice", key: practiceId }, form);
  if (result) return data(result, { status: 400 });
  return redirect(`/practices/${practiceId}/guide#notes`);
}

export default function GuidePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const base = `/practices/${d.practice.id}`;
  return (
    <article className="workspace report guide-page">
      <p className="eyebrow no-print">
        <Link to={base}>{d.practice.name}</Link>
      </p>
      <h1>
        {d.guide.title}: {d.practice.name} <VerifiedMark verification={d.practiceVerified ? "verified" : null} />
      </h1>
      <p className="hint">
        {t("home.agb")} {d.practice.agb ?? "–"}
        {d.ketenName ? ` · ${d.ketenName}` : ""}
      </p>
      <nav className="downloads no-print" aria-label={t("report.downloads")}>
        <span>{t("report.downloads")}:</span>
        <a href={`${base}/guide.pdf`} download>
          {t("report.pdf")}
        </a>
        <span className="hint">{t("report.printHint")}</span>
      </nav>
      <p>{d.guide.reading}</p>
      <p className="hint">{d.guide.order}</p>
      <section aria-labelledby="guide-sources">
        <h2 id="guide-sources">{t("workspaces.guide.sourcesTitle")}</h2>
        <ul>
          {d.guide.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p role="status">{t("workspaces.guide.countsLine", d.guide.counts)}</p>
      </section>
      <RegionContext region={d.region} />
      {d.guide.sections.length === 0 ? <p className="callout">{t("workspaces.guide.nothing")}</p> : <GuideSections sections={d.guide.sections} />}
      {d.guide.beforeJoining ? <BeforeJoiningView data={d.guide.beforeJoining} /> : null}
      <NotesPanel notes={d.notes} canEdit={d.canEdit} errors={actionData?.errors ?? {}} values={actionData?.values} today={d.today} />
    </article>
  );
}
