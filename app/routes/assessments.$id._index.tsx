import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionNav } from "~/components/section-nav";
import { navItems, progressTotals } from "~/domain/walk";
import { lastAnsweredQuestion } from "~/models/assessment.server";
import { loadAssessmentContext } from "~/models/assessment-context.server";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.practiceName ?? ""} · Kernwaardenscan` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadAssessmentContext(request, params);
  const last = await lastAnsweredQuestion(ctx.assessment.id);
  const lastSection = last ? ctx.questionnaire.questionById.get(last)?.section.id : undefined;
  // Resume where the person left off; if that section is done, at the next one that is not.
  const from = Math.max(0, ctx.states.findIndex((s) => s.section.id === lastSection));
  const resume = ctx.states.slice(from).find((s) => !s.complete) ?? ctx.states.find((s) => !s.complete);
  return {
    id: ctx.assessment.id,
    practiceName: ctx.assessment.practice_name,
    perspective: ctx.assessment.perspective,
    status: ctx.assessment.status,
    contentVersion: ctx.assessment.content_version,
    updatedAt: ctx.assessment.updated_at,
    started: last !== null,
    resumeSection: resume?.section.id ?? null,
    totals: progressTotals(ctx.states),
    nav: navItems(ctx.states),
  };
}

export default function AssessmentHome() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="assessment-page">
      <SectionNav assessmentId={data.id} practiceName={data.practiceName} items={data.nav} />
      <div className="assessment-main">
        <p className="eyebrow">{t(`perspective.${data.perspective}`)}</p>
        <h1>{data.practiceName}</h1>
        <p>{t("assessment.intro")}</p>
        <div className="progress-block">
          <progress max={data.totals.total} value={data.totals.answered} aria-labelledby="progress-label" />
          <p id="progress-label">
            {t("assessment.progress", { answered: data.totals.answered, total: data.totals.total, percent: data.totals.percent })}
          </p>
        </div>
        <p className="actions">
          {data.resumeSection ? (
            <Link className="button" to={`/assessments/${data.id}/sections/${data.resumeSection}`}>
              {data.started ? t("assessment.resume") : t("assessment.begin")}
            </Link>
          ) : null}
          <Link className="button secondary" to={`/assessments/${data.id}/overview`}>
            {t("overview.link")}
          </Link>
        </p>
        <p className="hint">
          {t("assessment.meta", { version: data.contentVersion, date: formatDateTime(data.updatedAt, lng) })}
        </p>
      </div>
    </div>
  );
}
