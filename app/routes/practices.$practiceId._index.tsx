/**
 * One practice in the reader's portfolio: what the reader may see of it (the practice's self-assessment,
 * its own assessment, imported facts), the five signals per source side by side, and the way on:
 * comparison, conversation guide, starting its own assessment or asking for the self-assessment.
 */
import { VerifiedMark } from "~/components/verified-mark";
import { ScrollRegion } from "~/components/scroll-region";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { SignalStatusBadge } from "~/components/signal-card";
import { requestLng } from "~/i18next.server";
import { PERSPECTIVE_OF_KIND } from "~/models/assessment.server";
import { startExternalAssessment } from "~/models/start.server";
import { getPortfolioRow } from "~/models/portfolio.server";
import { ownStart } from "~/models/start-own.server";
import { StartOwn } from "~/components/start-own";
import { readForm } from "~/utils/csrf.server";
import { loadPracticeWorkspace } from "~/models/practice-workspace.server";
import { regionContextView } from "~/models/regions.server";
import { RegionContext } from "~/components/regional";
import { canEdit, requireRole, requireViewer } from "~/models/viewer.server";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { pageTitle, titleMeta } from "~/utils/page-title";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lng = await requestLng(request);
  const w = await loadPracticeWorkspace(viewer, params.practiceId ?? "", lng, "practice");
  if (!w) throw new Response("Not found", { status: 404 });
  const region = await regionContextView(w.row.regionId, lng);
  const perspective = PERSPECTIVE_OF_KIND[viewer.organisationKind];
  const sources = [w.self, w.own, w.imported].filter((s) => s !== null);
  const current = w.questionnaire.parameters.rulesVersion;
  // Which rules computed each source's signals, and what the rules in force say where those are others.
  const rulesOf = (s: (typeof sources)[number]) =>
    s.kind === "import"
      ? { version: s.rulesVersion, now: s.currentSignals?.map((x) => ({ id: x.id, status: x.status, label: x.statusLabel })) ?? null }
      : { version: s.report.rules.version, now: s.report.rules.currentWouldSay?.map((x) => ({ id: x.id, status: x.status, label: x.statusLabel })) ?? null };
  return {
    currentRules: current,
    pageTitle: pageTitle(w.t, w.t("pages.titles.practice"), w.practice.name),
    region,
    practice: w.practice,
    practiceVerified: w.row.practiceVerified,
    row: w.row,
    sources: sources.map((s) => ({
      kind: s.kind,
      id: s.id,
      label: s.label,
      link: s.kind === "import" ? null : `/assessments/${s.id}`,
      rulesVersion: rulesOf(s).version,
    })),
    signals: w.questionnaire.signals.signals.map((content) => ({
      id: content.id,
      title: content.title[w.lng],
      cells: sources.map((s) => {
        const signal = (s.kind === "import" ? s.signals : s.report.signals).find((x) => x.id === content.id)!;
        const now = rulesOf(s).now?.find((x) => x.id === content.id);
        return {
          kind: s.kind,
          status: signal.status,
          label: signal.statusLabel,
          figure: signal.figure,
          // Computed with other rules: what the rules in force say, where that differs.
          now: now && now.status !== signal.status ? now : null,
        };
      }),
    })),
    canCompare: Boolean(w.self && w.own),
    // An insurer, toezichthouder or huisarts writes its own assessment, with or without an account of the
    // practice; a keten reads its members. A lezer is told why it cannot.
    startOwn: w.own ? null : ownStart(viewer),
    ownId: w.own?.id ?? null,
    ownPerspective: perspective,
    canRequest: perspective !== "zelfevaluatie" && canEdit(viewer) && !w.self && w.practice.hasAccount && w.practice.agb !== null,
  };
}

/**
 * Starting the reader's own assessment of this practice (issue 13: a way in from every practice). A
 * practice outside the reader's portfolio is a 404 like any other; a lezer 403; an organisation that
 * writes self-assessments only (a keten) 403.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const viewer = await requireViewer(request);
  if (form.get("_intent") !== "start-own") throw new Response("Bad request", { status: 400 });
  const practiceId = params.practiceId ?? "";
  if (!(await getPortfolioRow(viewer, practiceId))) throw new Response("Not found", { status: 404 });
  requireRole(viewer, ["beheerder", "invuller"]);
  const id = await startExternalAssessment({ practiceId, viewer });
  if (!id) throw new Response("Forbidden", { status: 403 });
  return redirect(`/assessments/${id}`);
}

export default function PracticePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/practices/${d.practice.id}`;
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/portfolio">{t("workspaces.portfolio.title")}</Link>
        {d.row.ketenKey && d.row.ketenName ? (
          <>
            {" · "}
            <Link to={`/ketens/${encodeURIComponent(d.row.ketenKey)}`}>{d.row.ketenName}</Link>
          </>
        ) : null}
      </p>
      <h1>
        {d.practice.name} <VerifiedMark verification={d.practiceVerified ? "verified" : null} />
      </h1>
      <p className="hint">
        {t("home.agb")} {d.practice.agb ?? "–"} · {d.row.regionName ?? t("workspaces.portfolio.noRegion")}
        {d.practice.hasAccount ? "" : ` · ${t("workspaces.practice.noAccount")}`}
      </p>

      <nav className="actions" aria-label={t("workspaces.practice.next")}>
        <Link className="button" to={`${base}/guide`}>
          {t("workspaces.guide.open")}
        </Link>
        {d.canCompare ? (
          <Link className="button secondary" to={`${base}/compare`}>
            {t("workspaces.compare.openLink")}
          </Link>
        ) : null}
        {d.ownId ? (
          <Link className="button secondary" to={`/assessments/${d.ownId}`}>
            {t(`workspaces.practice.openOwn.${d.ownPerspective}`)}
          </Link>
        ) : null}
      </nav>
      {d.startOwn || d.canRequest ? (
        <div className="actions">
          {d.startOwn ? <StartOwn practiceId={d.practice.id} practiceName={d.practice.name} start={d.startOwn} /> : null}
          {d.canRequest && d.practice.agb ? (
            <Form method="post" action="/?index">
              <CsrfInput />
              <input type="hidden" name="agb" value={d.practice.agb} />
              <button type="submit" name="_intent" value="request" className="secondary">
                {t("workspaces.practice.request")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <RegionContext region={d.region} />

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t("workspaces.practice.sources")}</h2>
        <p className="hint">{t("workspaces.portfolio.sourcesBody")}</p>
        <ul className="plain">
          {d.sources.map((s) => (
            <li key={s.kind}>
              <strong>{t(`workspaces.source.${s.kind}`)}</strong>
              {d.row.source === s.kind ? <span className="badge badge--small">{t("workspaces.practice.speaks")}</span> : null}{" "}
              {s.link ? <Link to={s.link}>{s.label}</Link> : s.label}
              {s.rulesVersion !== d.currentRules ? (
                <span className="hint block">{t("signalRules.rulesBadgeLong", { version: s.rulesVersion, current: d.currentRules })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="signals-title">
        <h2 id="signals-title">{t("signals.title")}</h2>
        <p className="hint">
          <Link to="/signalen">{t("signalRules.howDecidedAll")}</Link>
        </p>
        <ScrollRegion labelledBy="signals-title">
          <table className="portfolio">
            <thead>
              <tr>
                <th scope="col">{t("workspaces.portfolio.columns.signal")}</th>
                {d.sources.map((s) => (
                  <th scope="col" key={s.kind}>
                    {t(`workspaces.source.${s.kind}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.signals.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  {s.cells.map((c) => (
                    <td key={c.kind}>
                      <SignalStatusBadge status={c.status} label={c.label} />
                      {c.figure ? <span className="hint block">{c.figure}</span> : null}
                      {c.now ? (
                        <span className="hint block">
                          {t("signalRules.currentTitle", { current: d.currentRules })}: {c.now.label}
                        </span>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
