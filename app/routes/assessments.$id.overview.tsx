import { readForm } from "~/utils/csrf.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DerivedFiguresPanel } from "~/components/derived-figures";
import { SectionNav } from "~/components/section-nav";
import { SignalCard } from "~/components/signal-card";
import { RulesVersionNote } from "~/components/signal-rules";
import { KernpuntTable } from "~/components/kernpunt-table";
import { SIGNAL_IDS, type SignalId } from "~/domain/signal-ids";
import { contextSchema } from "~/domain/signal-context";
import { navItems, progressTotals } from "~/domain/walk";
import { asLng } from "~/i18n";
import i18next from "~/i18next.server";
import { FrozenAssessmentError } from "~/models/assessment.server";
import { loadAssessmentContext, requireEditableAssessment } from "~/models/assessment-context.server";
import { buildReport } from "~/models/report.server";
import { practiceRegionId, regionContextView } from "~/models/regions.server";
import { saveSignalContext } from "~/models/signal-context.server";
import { RegionContext } from "~/components/regional";
import { AssessmentSummaryLine } from "~/components/assessment-summary";
import { assessmentSummary } from "~/domain/summary";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { getSectionConfirmations } from "~/models/known.server";
import { navWithConfirmations } from "~/models/known-view.server";

export const meta = titleMeta;

async function localeOf(request: Request) {
  const locale = await i18next.getLocale(request);
  return asLng(locale);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadAssessmentContext(request, params);
  const lng = await localeOf(request);
  const [report, region] = await Promise.all([
    buildReport(ctx, lng),
    practiceRegionId(ctx.assessment.practice_id, ctx.assessment.author_org_id).then((id) => regionContextView(id, lng)),
  ]);
  return {
    pageTitle: await titleFor(request, "overview", ctx.assessment.practice_name),
    region,
    id: ctx.assessment.id,
    practiceName: ctx.assessment.practice_name,
    editable: ctx.editable,
    contentVersion: ctx.assessment.content_version,
    reading: report.reading,
    rules: report.rules,
    signals: report.signals.map(({ result: _result, ...signal }) => signal),
    kernwaarden: report.kernwaarden,
    summaries: Object.fromEntries(ctx.questionnaire.kernwaarden.map((k) => [k.id, k.summary])),
    openItems: report.openItems,
    figures: report.raw.figures,
    parameters: ctx.questionnaire.parameters,
    summary: assessmentSummary({
      signals: report.signals,
      totals: progressTotals(ctx.states),
      rulesVersion: ctx.assessment.content_version,
      assessment: ctx.assessment,
    }),
    nav: navWithConfirmations(navItems(ctx.states), await getSectionConfirmations(ctx.assessment.id), ctx.assessment.previous_id !== null),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const ctx = await requireEditableAssessment(request, params);
  const signalId = String(form.get("signalId") ?? "");
  if (form.get("_intent") !== "context" || !(SIGNAL_IDS as readonly string[]).includes(signalId)) {
    throw new Response("Bad request", { status: 400 });
  }
  const parsed = contextSchema.safeParse({ text: String(form.get("text") ?? "") });
  if (!parsed.success) {
    return data({ signalId, error: parsed.error.issues[0]?.message ?? "errors.generic", conflictMine: undefined as string | undefined }, { status: 400 });
  }
  const seen = Number(form.get("_rev"));
  try {
    const result = await saveSignalContext({
      assessment: ctx.assessment,
      viewer: ctx.viewer,
      signalId: signalId as SignalId,
      text: parsed.data.text,
      seenRevision: Number.isInteger(seen) && seen >= 0 ? seen : 0,
    });
    if (!result.ok) return data({ signalId, error: undefined, conflictMine: parsed.data.text }, { status: 409 });
  } catch (error) {
    if (error instanceof FrozenAssessmentError) throw new Response("Submitted assessments cannot change", { status: 409 });
    throw error;
  }
  return redirect(`/assessments/${ctx.assessment.id}/overview?saved=${signalId}#signal-${signalId}`);
}

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const lng = asLng(i18n.language);
  return (
    <div className="assessment-page">
      <SectionNav assessmentId={data.id} practiceName={data.practiceName} items={data.nav} current="overview" />
      <div className="assessment-main">
        <p className="eyebrow">{data.practiceName}</p>
        <h1>{t("overview.title")}</h1>
        <AssessmentSummaryLine summary={data.summary} />
        <p>{t("overview.intro")}</p>
        <p>
          <Link className="button secondary" to={`/assessments/${data.id}/report`}>
            {t("report.link")}
          </Link>
        </p>

        <section aria-labelledby="signals-title" className="signals">
          <h2 id="signals-title">{t("signals.title")}</h2>
          <p className="callout">{data.reading}</p>
          <RulesVersionNote rules={data.rules} />
          {data.signals.map((signal) => (
            <SignalCard
              key={`${signal.id}-${signal.contextRevision}`}
              signal={signal}
              editable={data.editable}
              error={actionData?.signalId === signal.id ? actionData.error : undefined}
              conflictMine={actionData?.signalId === signal.id ? actionData.conflictMine : undefined}
              saved={!actionData && data.saved === signal.id}
            />
          ))}
        </section>

        <RegionContext region={data.region} />

        <DerivedFiguresPanel figures={data.figures} parameters={data.parameters} />

        <section aria-labelledby="topics-title" className="topics">
          <h2 id="topics-title">{t("report.openItems")}</h2>
          {data.openItems.length === 0 ? (
            <p>{t("report.noOpenItems")}</p>
          ) : (
            <ul>
              {data.openItems.map((item) => (
                <li key={item.title}>
                  {item.sectionId ? <Link to={`/assessments/${data.id}/sections/${item.sectionId}#q-${item.questionId}`}>{item.title}</Link> : item.title}
                  {item.note ? <p className="note-text">{item.note}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        {data.kernwaarden.map((kernwaarde) => (
          <section key={kernwaarde.id} aria-labelledby={`kw-${kernwaarde.id}`} className="kernwaarde">
            <h2 id={`kw-${kernwaarde.id}`}>{kernwaarde.title}</h2>
            <p className="hint">{data.summaries[kernwaarde.id]?.[lng]}</p>
            <KernpuntTable title={kernwaarde.title} kernpunten={kernwaarde.kernpunten} assessmentId={data.id} />
          </section>
        ))}
        <p className="hint">{t("overview.version", { version: data.contentVersion })}</p>
      </div>
    </div>
  );
}
