/**
 * Two versions of the same assessment line side by side (issue 13): answers and signals, only the
 * differences unless all are asked for. `?with=` names the other version; without it, the previous
 * version the viewer may see. Both must be visible to the viewer, else 404 (as for one that does not exist).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "~/components/scroll-region";
import { fallbackLng, isLng } from "~/i18n";
import i18next from "~/i18next.server";
import { getQuestionnaire } from "~/models/content.server";
import { recordView } from "~/models/assessment.server";
import { requireAssessment } from "~/models/assessment-context.server";
import { compareVersions, previousVisibleVersion } from "~/models/known.server";
import { textFor } from "~/utils/content-text";
import { formatAnswer } from "~/utils/format-answer";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, assessment } = await requireAssessment(request, params);
  const url = new URL(request.url);
  const withId = url.searchParams.get("with") ?? (await previousVisibleVersion(assessment, viewer))?.assessment.id ?? null;
  if (!withId) throw new Response("Not found", { status: 404 });
  const questionnaire = getQuestionnaire(assessment.content_version);
  const found = await compareVersions({ id: assessment.id, withId, viewer, questionnaire });
  if (!found) throw new Response("Not found", { status: 404 });
  await recordView(found.older, viewer, "versions/compare");
  await recordView(found.newer, viewer, "versions/compare");
  const locale = await i18next.getLocale(request);
  const lng = isLng(locale) ? locale : fallbackLng;
  const t = await i18next.getFixedT(request);
  const all = url.searchParams.get("alle") === "1";
  const perspective = assessment.perspective;
  const answers = found.diff.answers
    .filter((r) => all || r.change !== null)
    .map((r) => {
      const { question, section } = questionnaire.questionById.get(r.questionId)!;
      return {
        id: r.questionId,
        section: section.title[lng],
        question: textFor(question.text, lng, perspective),
        before: formatAnswer(question, r.before, t, lng),
        after: formatAnswer(question, r.after, t, lng),
        change: r.change,
      };
    });
  const signals = found.diff.signals
    .filter((s) => all || s.changed)
    .map((s) => ({
      id: s.id,
      title: questionnaire.signals.signals.find((c) => c.id === s.id)?.title[lng] ?? s.id,
      before: t(`signals.status.${s.before ?? "unknown"}`),
      after: t(`signals.status.${s.after ?? "unknown"}`),
      changed: s.changed,
    }));
  return {
    pageTitle: await titleFor(request, "versionsCompare", assessment.practice_name),
    id: assessment.id,
    withId,
    practiceName: assessment.practice_name,
    perspective,
    older: found.older.version_no,
    newer: found.newer.version_no,
    newerId: found.newer.id,
    differences: found.diff.differences,
    all,
    answers,
    signals,
  };
}

export default function CompareVersions() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/assessments/${data.id}/versions/compare?with=${data.withId}`;
  const older = t("known.versions.version", { version: data.older });
  const newer = t("known.versions.version", { version: data.newer });
  return (
    <article className="versions-compare">
      <p className="eyebrow">
        {data.practiceName} · {t(`perspective.${data.perspective}`)}
      </p>
      <h1>{t("known.versions.title", { older: data.older, newer: data.newer })}</h1>
      <p>{t("known.versions.intro", { perspective: t(`perspective.${data.perspective}`) })}</p>
      <p className="callout" role="status">
        {data.differences === 0 ? t("known.versions.none") : t("known.versions.differences", { count: data.differences })}
      </p>
      <p className="actions">
        {data.all ? <Link to={base}>{t("known.versions.showDifferences")}</Link> : <Link to={`${base}&alle=1`}>{t("known.versions.showAll")}</Link>}
        <Link to={`/assessments/${data.newerId}`}>{t("known.versions.back")}</Link>
      </p>

      <section aria-labelledby="vc-signals">
        <h2 id="vc-signals">{t("known.versions.signals")}</h2>
        {data.signals.length === 0 ? (
          <p className="hint">{t("known.versions.none")}</p>
        ) : (
          <ScrollRegion labelledBy="vc-signals">
            <table className="compare">
              <thead>
                <tr>
                  <th scope="col">{t("known.versions.signal")}</th>
                  <th scope="col">{older}</th>
                  <th scope="col">{newer}</th>
                </tr>
              </thead>
              <tbody>
                {data.signals.map((s) => (
                  <tr key={s.id} className={s.changed ? "differs" : undefined}>
                    <th scope="row">{s.title}</th>
                    <td>{s.before}</td>
                    <td>{s.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="vc-answers">
        <h2 id="vc-answers">{t("known.versions.answers")}</h2>
        {data.answers.length === 0 ? (
          <p className="hint">{t("known.versions.none")}</p>
        ) : (
          <ScrollRegion labelledBy="vc-answers">
            <table className="compare">
              <thead>
                <tr>
                  <th scope="col">{t("known.versions.question")}</th>
                  <th scope="col">{older}</th>
                  <th scope="col">{newer}</th>
                  <th scope="col">{t("known.versions.what")}</th>
                </tr>
              </thead>
              <tbody>
                {data.answers.map((a) => (
                  <tr key={a.id} className={a.change ? "differs" : undefined}>
                    <th scope="row">
                      {a.question}
                      <span className="hint block">{a.section}</span>
                    </th>
                    <td>{a.before}</td>
                    <td>{a.after}</td>
                    <td>{t(`known.versions.change.${a.change ?? "same"}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </article>
  );
}
