/**
 * The practice's self-assessment beside the reader's own assessment, question by question; every
 * difference marked in words (never colour alone) and listed as a topic in the conversation guide.
 */
import { VerifiedMark } from "~/components/verified-mark";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icon";
import { ScrollRegion } from "~/components/scroll-region";
import { SignalStatusBadge } from "~/components/signal-card";
import { requestLng } from "~/i18next.server";
import { compareAssessments } from "~/models/comparison.server";
import { loadPracticeWorkspace } from "~/models/practice-workspace.server";
import { requireViewer } from "~/models/viewer.server";
import { ownStart } from "~/models/start-own.server";
import { StartOwn } from "~/components/start-own";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { pageTitle, titleMeta } from "~/utils/page-title";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const w = await loadPracticeWorkspace(viewer, params.practiceId ?? "", await requestLng(request), "compare");
  if (!w) throw new Response("Not found", { status: 404 });
  const only = new URL(request.url).searchParams.get("only") === "differs";
  const comparison = w.self && w.own ? compareAssessments(w.self, w.own, w.t, w.lng, w.wording) : null;
  return {
    pageTitle: pageTitle(w.t, w.t("pages.titles.compare"), w.practice.name),
    practice: w.practice,
    practiceVerified: w.row.practiceVerified,
    selfLabel: w.self?.label ?? null,
    ownLabel: w.own?.label ?? null,
    reading: w.questionnaire.dialogue.comparison.reading[w.lng],
    only,
    // Nothing to compare yet: the way to get there (issue 13).
    startOwn: w.own ? null : ownStart(viewer),
    comparison: comparison && {
      ...comparison,
      sections: comparison.sections
        .map((s) => ({ ...s, questions: only ? s.questions.filter((q) => q.state !== "same") : s.questions }))
        .filter((s) => s.questions.length > 0),
    },
  };
}

const STATE_ICON = { same: "check", differs: "warn", open: "unknown" } as const;

export default function ComparePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/practices/${d.practice.id}`;
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to={base}>{d.practice.name}</Link>
      </p>
      <h1>
        {t("workspaces.compare.title", { practice: d.practice.name })} <VerifiedMark verification={d.practiceVerified ? "verified" : null} />
      </h1>
      <p className="lead">{d.reading}</p>
      {!d.comparison ? (
        <div className="callout">
          <p>{t(d.selfLabel ? "register.empty.compareNoOwn" : "register.empty.compareNoSelf")}</p>
          {d.selfLabel && d.startOwn ? (
            <StartOwn practiceId={d.practice.id} practiceName={d.practice.name} start={d.startOwn} />
          ) : (
            <p>
              <Link to={base}>{t("register.empty.toPractice")}</Link>
            </p>
          )}
        </div>
      ) : (
        <>
          <p role="status" className="callout">
            {t("workspaces.compare.summary", {
              count: d.comparison.differences.total,
              signals: d.comparison.differences.signals,
              questions: d.comparison.differences.questions,
              open: d.comparison.open,
            })}{" "}
            <Link to={`${base}/guide#differences`}>{t("workspaces.compare.toGuide")}</Link>
          </p>
          <p className="no-print">
            {d.only ? (
              <Link to={`${base}/compare`}>{t("workspaces.compare.showAll")}</Link>
            ) : (
              <Link to={`${base}/compare?only=differs`}>{t("workspaces.compare.showDiffers")}</Link>
            )}
          </p>
          <section aria-labelledby="cmp-signals">
            <h2 id="cmp-signals">{t("signals.title")}</h2>
            <ScrollRegion labelledBy="cmp-signals">
              <table className="compare">
                <thead>
                  <tr>
                    <th scope="col">{t("workspaces.portfolio.columns.signal")}</th>
                    <th scope="col">
                      {t("workspaces.source.self")}
                      <span className="hint block">{d.selfLabel}</span>
                    </th>
                    <th scope="col">
                      {t("workspaces.source.own")}
                      <span className="hint block">{d.ownLabel}</span>
                    </th>
                    <th scope="col">{t("workspaces.compare.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.comparison.signals.map((s) => (
                    <tr key={s.id} className={s.differs ? "differs" : undefined}>
                      <th scope="row">{s.title}</th>
                      <td>
                        <SignalStatusBadge status={s.self.status} label={s.self.label} />
                        {s.self.figure ? <span className="hint block">{s.self.figure}</span> : null}
                      </td>
                      <td>
                        <SignalStatusBadge status={s.own.status} label={s.own.label} />
                        {s.own.figure ? <span className="hint block">{s.own.figure}</span> : null}
                      </td>
                      <td>
                        <Icon name={s.differs ? "warn" : "check"} />
                        {t(s.differs ? "workspaces.compare.differs" : "workspaces.compare.same")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
          {d.comparison.sections.map((section) => (
            <section key={section.id} aria-labelledby={`cmp-${section.id}`}>
              <h2 id={`cmp-${section.id}`}>{section.title}</h2>
              <ScrollRegion labelledBy={`cmp-${section.id}`}>
                <table className="compare">
                  <thead>
                    <tr>
                      <th scope="col">{t("workspaces.compare.question")}</th>
                      <th scope="col">{t("workspaces.source.self")}</th>
                      <th scope="col">{t("workspaces.source.own")}</th>
                      <th scope="col">{t("workspaces.compare.state")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.questions.map((q) => (
                      <tr key={q.questionId} className={q.state === "differs" ? "differs" : undefined} id={`q-${q.questionId}`}>
                        <th scope="row">
                          {q.text}
                          {q.kernpunten.length ? <span className="kernpunt-id">{q.kernpunten.join(", ")}</span> : null}
                        </th>
                        <td>{q.self}</td>
                        <td>{q.own}</td>
                        <td>
                          <Icon name={STATE_ICON[q.state]} />
                          {t(`workspaces.compare.${q.state}`)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
