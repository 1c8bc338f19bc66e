import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DerivedFiguresPanel } from "~/components/derived-figures";
import { SectionNav } from "~/components/section-nav";
import { StatusBadge } from "~/components/status-badge";
import { deriveFigures } from "~/domain/derived";
import { factsFromAnswers } from "~/domain/facts";
import { kernpuntOverview, openTopics } from "~/domain/overview";
import { navItems, progressTotals } from "~/domain/walk";
import { loadAssessmentContext } from "~/models/assessment-context.server";
import { useContentText } from "~/utils/content-text";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.practiceName ?? ""} · Kernwaardenscan` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadAssessmentContext(request, params);
  const q = ctx.questionnaire;
  const outcomes = kernpuntOverview(q, ctx.answers);
  const slim = outcomes.map((o) => ({
    id: o.id,
    status: o.status,
    statements: o.statements.map((s) => ({
      questionId: s.question.id,
      sectionId: q.questionById.get(s.question.id)!.section.id,
      text: s.question.text,
      status: s.status,
      shown: s.shown,
      note: s.answer?.note ?? null,
      autoReason: s.autoReason,
    })),
  }));
  const topics = openTopics(outcomes).map((s) => ({
    questionId: s.question.id,
    sectionId: q.questionById.get(s.question.id)!.section.id,
    text: s.question.text,
    dialogue: s.question.dialogue ?? null,
    note: s.answer?.note ?? null,
  }));
  return {
    id: ctx.assessment.id,
    practiceName: ctx.assessment.practice_name,
    perspective: ctx.assessment.perspective,
    contentVersion: ctx.assessment.content_version,
    kernwaarden: q.kernwaarden.map((k) => ({ id: k.id, title: k.title, summary: k.summary, kernpunten: k.kernpunten })),
    outcomes: slim,
    topics,
    unanswered: slim.flatMap((o) => o.statements).filter((s) => s.shown && s.status === "onbekend" && !topics.some((t) => t.questionId === s.questionId)).length,
    figures: deriveFigures(factsFromAnswers(ctx.answers), q.parameters),
    parameters: q.parameters,
    totals: progressTotals(ctx.states),
    nav: navItems(ctx.states),
  };
}

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { text, local } = useContentText(data.perspective);
  const byId = new Map(data.outcomes.map((o) => [o.id, o]));
  return (
    <div className="assessment-page">
      <SectionNav assessmentId={data.id} practiceName={data.practiceName} items={data.nav} current="overview" />
      <div className="assessment-main">
        <p className="eyebrow">{data.practiceName}</p>
        <h1>{t("overview.title")}</h1>
        <p>{t("overview.intro")}</p>
        <p className="hint">{t("assessment.progress", { ...data.totals })}</p>

        <DerivedFiguresPanel figures={data.figures} parameters={data.parameters} />

        <section aria-labelledby="topics-title" className="topics">
          <h2 id="topics-title">{t("overview.topics")}</h2>
          {data.topics.length === 0 ? (
            <p>{t("overview.noTopics")}</p>
          ) : (
            <ul>
              {data.topics.map((topic) => (
                <li key={topic.questionId}>
                  <Link to={`/assessments/${data.id}/sections/${topic.sectionId}#q-${topic.questionId}`}>{text(topic.text)}</Link>
                  {topic.dialogue ? <p className="hint">{text(topic.dialogue)}</p> : null}
                  {topic.note ? <p className="note-text">{topic.note}</p> : null}
                </li>
              ))}
            </ul>
          )}
          {data.unanswered > 0 ? <p className="hint">{t("overview.unanswered", { count: data.unanswered })}</p> : null}
        </section>

        {data.kernwaarden.map((kernwaarde) => (
          <section key={kernwaarde.id} aria-labelledby={`kw-${kernwaarde.id}`} className="kernwaarde">
            <h2 id={`kw-${kernwaarde.id}`}>{local(kernwaarde.title)}</h2>
            <p className="hint">{local(kernwaarde.summary)}</p>
            <table className="kernpunten">
              <caption className="visually-hidden">{local(kernwaarde.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("overview.kernpunt")}</th>
                  <th scope="col">{t("overview.status")}</th>
                  <th scope="col">{t("overview.answers")}</th>
                </tr>
              </thead>
              <tbody>
                {kernwaarde.kernpunten.map((kernpunt) => {
                  const outcome = byId.get(kernpunt.id);
                  return (
                    <tr key={kernpunt.id}>
                      <th scope="row">
                        <span className="kernpunt-id">{kernpunt.id}</span> {local(kernpunt.text)}
                      </th>
                      <td>
                        <StatusBadge status={outcome?.status ?? "onbekend"} />
                      </td>
                      <td>
                        <ul className="plain">
                          {outcome?.statements.map((s) => (
                            <li key={s.questionId}>
                              <Link to={`/assessments/${data.id}/sections/${s.sectionId}#q-${s.questionId}`}>{text(s.text)}</Link>{" "}
                              <StatusBadge status={s.status} small />
                              {s.autoReason ? <span className="hint"> {local(s.autoReason)}</span> : null}
                              {s.note ? <p className="note-text">{s.note}</p> : null}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}
        <p className="hint">{t("overview.version", { version: data.contentVersion })}</p>
      </div>
    </div>
  );
}
