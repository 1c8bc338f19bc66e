import { readForm } from "~/utils/csrf.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Icon } from "~/components/icon";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionForm } from "~/components/section-form";
import { SectionNav } from "~/components/section-nav";
import { readSectionForm, toFormValue, listItemToForm } from "~/domain/answers";
import { navItems, walk } from "~/domain/walk";
import { fallbackLng, isLng } from "~/i18n";
import i18next from "~/i18next.server";
import { answerValues, getAnswers, FrozenAssessmentError } from "~/models/assessment.server";
import { findSection, loadAssessmentContext, requireEditableAssessment, saveSectionPost } from "~/models/assessment-context.server";
import { useContentText } from "~/utils/content-text";
import { pageTitle, titleMeta } from "~/utils/page-title";

export const meta = titleMeta;

/** Whether the viewer keeps the practice's register: its own organisation's beheerder, or a keten's for a member without an account. */
function keepsRegister(viewer: { role: string; organisationId: string; organisationKind: string }, assessment: { practice_org_id: string | null; practice_keten_id: string | null }) {
  if (viewer.role !== "beheerder") return false;
  return assessment.practice_org_id === viewer.organisationId || (assessment.practice_org_id === null && viewer.organisationKind === "keten" && assessment.practice_keten_id === viewer.organisationId);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadAssessmentContext(request, params);
  const section = findSection(ctx, params.sectionId);
  const locale = await i18next.getLocale(request);
  const lng = isLng(locale) ? locale : fallbackLng;
  const t = await i18next.getFixedT(request);
  const index = ctx.states.findIndex((s) => s.section.id === section.id);
  const state = ctx.states[index]!;
  const defaults = Object.fromEntries(
    section.questions.map((q) => {
      const value = toFormValue(q, ctx.answers[q.id]);
      // One empty row to fill in, so a list can grow without JavaScript.
      return [q.id, q.type === "list" ? [...(value as unknown[]), listItemToForm(q, undefined)] : value];
    }),
  );
  const kernpuntTexts = Object.fromEntries(
    section.questions.flatMap((q) => q.kernpunten).map((id) => [id, ctx.questionnaire.kernpuntById.get(id)?.text[lng] ?? id]),
  );
  return {
    pageTitle: pageTitle(t, section.title[lng], ctx.assessment.practice_name),
    loadedAt: new Date().toISOString(),
    assessment: {
      id: ctx.assessment.id,
      status: ctx.assessment.status,
      editable: ctx.editable,
      perspective: ctx.assessment.perspective,
      practiceName: ctx.assessment.practice_name,
      contentVersion: ctx.assessment.content_version,
    },
    section,
    position: index + 1,
    essentialNote: state.essential && section.priority ? section.priority.note : null,
    nav: navItems(ctx.states),
    hasNext: index < ctx.states.length - 1,
    parameters: ctx.questionnaire.parameters,
    answers: ctx.answers,
    defaults,
    revisions: Object.fromEntries(section.questions.map((q) => [q.id, ctx.stored.get(q.id)?.revision ?? 0])),
    kernpuntTexts,
    saved: new URL(request.url).searchParams.has("saved"),
    given: {
      changedAt: ctx.register?.changedAt ?? null,
      changedBy: ctx.register?.changedBy ?? null,
      submittedAt: ctx.assessment.status === "ingediend" ? ctx.assessment.submitted_at : null,
      // The register is kept on /organisation by the beheerder of the organisation that speaks for the practice.
      editUrl: keepsRegister(ctx.viewer, ctx.assessment) ? "/organisation#register" : null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const ctx = await requireEditableAssessment(request, params);
  const section = findSection(ctx, params.sectionId);
  const intent = String(form.get("_intent") ?? "save");
  const remove = /^remove-row:([a-z0-9-]+):(\d+)$/.exec(intent);
  let result;
  try {
    result = await saveSectionPost(ctx, section, form, {
      transform: (values) => {
        const rows = remove ? values[remove[1]!] : undefined;
        if (Array.isArray(rows)) rows.splice(Number(remove![2]), 1);
      },
    });
  } catch (error) {
    if (error instanceof FrozenAssessmentError) throw new Response("Submitted assessments cannot change", { status: 409 });
    throw error;
  }
  if (!result.ok) {
    return data(
      {
        postedAt: new Date().toISOString(),
        errors: result.errors,
        conflicts: result.conflicts,
        values: readSectionForm(section, form),
        revisions: result.revisions,
      },
      { status: result.conflicts.length > 0 ? 409 : 400 },
    );
  }
  const base = `/assessments/${ctx.assessment.id}`;
  if (intent === "next") {
    const states = walk(ctx.questionnaire, answerValues(await getAnswers(ctx.assessment.id)));
    const next = states[states.findIndex((s) => s.section.id === section.id) + 1];
    return redirect(next ? `${base}/sections/${next.section.id}` : `${base}/overview`);
  }
  return redirect(`${base}/sections/${section.id}?saved=1`);
}

export default function SectionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { local, text } = useContentText(data.assessment.perspective);
  const errorCount = actionData ? Object.keys(actionData.errors).length : 0;
  const conflictCount = actionData ? actionData.conflicts.length : 0;
  return (
    <div className="assessment-page">
      <SectionNav assessmentId={data.assessment.id} practiceName={data.assessment.practiceName} items={data.nav} current={data.section.id} />
      <div className="assessment-main">
        <p className="eyebrow">
          {t("section.position", { position: data.position, total: data.nav.length })} · {data.assessment.practiceName}
        </p>
        <h1>{local(data.section.title)}</h1>
        {data.essentialNote ? (
          <div className="callout callout--essential" role="note">
            <strong>
              <Icon name="star" />
              {t("section.essential")}
            </strong>{" "}
            {text(data.essentialNote)}
          </div>
        ) : null}
        {data.section.intro ? <p className="intro">{text(data.section.intro)}</p> : null}
        {!data.assessment.editable ? <p className="callout">{t(data.assessment.status === "concept" ? "section.readOnlyRole" : "section.readOnly")}</p> : null}
        {errorCount > 0 ? (
          <div className="callout callout--error" role="alert" tabIndex={-1}>
            {t("saving.summary.errors", { count: errorCount })}
            <ul>
              {Object.keys(actionData!.errors).map((path) => {
                const question = data.section.questions.find((q) => q.id === path.split(".")[0]);
                return (
                  <li key={path}>
                    <a href={`#q-${question?.id ?? ""}`}>{question ? text(question.text) : path}</a>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {conflictCount > 0 ? (
          <div className="callout callout--error" role="alert">
            {t("saving.summary.conflicts", { count: conflictCount })}
          </div>
        ) : null}
        {data.saved && !actionData ? (
          <p className="callout callout--ok" role="status">
            <Icon name="check" />
            {t("section.saved")}
          </p>
        ) : null}
        <SectionForm
          key={`${data.loadedAt}-${actionData?.postedAt ?? ""}`}
          section={data.section}
          perspective={data.assessment.perspective}
          parameters={data.parameters}
          answers={data.answers}
          defaults={actionData?.values ?? data.defaults}
          revisions={{ ...data.revisions, ...(actionData?.revisions ?? {}) }}
          serverErrors={actionData?.errors ?? {}}
          conflicts={actionData?.conflicts ?? []}
          kernpuntTexts={data.kernpuntTexts}
          autosaveUrl={`/assessments/${data.assessment.id}/answers`}
          showDerived={data.section.id === "praktijkgegevens"}
          hasNext={data.hasNext}
          readOnly={!data.assessment.editable}
          given={data.given}
        />
        <p>
          <Link to={`/assessments/${data.assessment.id}/overview`}>{t("overview.link")}</Link>
        </p>
      </div>
    </div>
  );
}
