import { readForm } from "~/utils/csrf.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Icon } from "~/components/icon";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionForm } from "~/components/section-form";
import { SectionNav } from "~/components/section-nav";
import { readSectionForm } from "~/domain/answers";
import { sectionFormDefaults } from "~/domain/form-defaults";
import { navItems, walk } from "~/domain/walk";
import { asLng } from "~/i18n";
import i18next from "~/i18next.server";
import { answerValues, getAnswers, FrozenAssessmentError } from "~/models/assessment.server";
import { findSection, loadAssessmentContext, requireEditableAssessment, saveSectionPost } from "~/models/assessment-context.server";
import { useContentText } from "~/utils/content-text";
import { pageTitle, titleMeta } from "~/utils/page-title";
import { confirmAnswers, getAnswerMeta, getSectionConfirmations, previousVisibleVersion, sectionQuestionIds } from "~/models/known.server";
import { confirmedText, navWithConfirmations, sectionMarks } from "~/models/known-view.server";

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
  const lng = asLng(locale);
  const t = await i18next.getFixedT(request);
  const index = ctx.states.findIndex((s) => s.section.id === section.id);
  const state = ctx.states[index]!;
  // Exactly the stored rows; one empty row more only after "add" was posted (without JavaScript).
  const defaults = sectionFormDefaults(section, ctx.answers, new URL(request.url).searchParams.get("add"));
  const kernpuntTexts = Object.fromEntries(
    section.questions.flatMap((q) => q.kernpunten).map((id) => [id, ctx.questionnaire.kernpuntById.get(id)?.text[lng] ?? id]),
  );
  // Issue 13: where answers came from, what changed since the previous version, "Klopt nog".
  const [meta, confirmations, previous] = await Promise.all([
    getAnswerMeta(ctx.assessment.id),
    getSectionConfirmations(ctx.assessment.id),
    previousVisibleVersion(ctx.assessment, ctx.viewer),
  ]);
  const marks = sectionMarks({
    questionnaire: ctx.questionnaire,
    section,
    answers: ctx.answers,
    meta,
    previous: previous ? { versionNo: previous.assessment.version_no, answers: previous.answers } : null,
    t,
    lng,
  });
  const isNext = ctx.assessment.previous_id !== null;
  const prefilled = section.questions.some((q) => meta.get(q.id)?.origin);
  const confirmation = confirmations.get(section.id);
  // Offered to who may change it; a reader sees only whether (and by whom) it was confirmed.
  const confirm =
    (isNext || prefilled) && (ctx.editable || confirmation)
      ? {
          intro: !ctx.editable ? null : isNext && previous ? t("known.section.introNext", { version: previous.assessment.version_no }) : t("known.section.introPrefill"),
          status: confirmation ? confirmedText(confirmation.confirmedBy, confirmation.confirmedAt, t, lng, "section") : null,
        }
      : null;
  const search = new URL(request.url).searchParams;
  const confirmedSection = search.get("confirmed");
  return {
    pageTitle: pageTitle(t, section.title[lng], ctx.assessment.practice_name),
    marks,
    confirm,
    confirmedNow: confirmedSection ? (ctx.questionnaire.sectionById.get(confirmedSection)?.title[lng] ?? null) : null,
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
    nav: navWithConfirmations(navItems(ctx.states), confirmations, isNext),
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
  // "Klopt nog" (the section) or "Klopt" (one answer taken over): the form is saved first, then confirmed.
  const confirmOne = /^confirm:([a-z0-9-]+)$/.exec(intent);
  const confirming = intent === "confirm-section" || (confirmOne !== null && section.questions.some((q) => q.id === confirmOne[1]));
  const add = /^add-row:([a-z0-9-]+)$/.exec(intent);
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
  if (confirming) {
    const questionIds = confirmOne ? [confirmOne[1]!] : sectionQuestionIds(section);
    const revisions = Object.fromEntries(questionIds.filter((id) => id in result.revisions).map((id) => [id, result.revisions[id]!]));
    let confirmed;
    try {
      confirmed = await confirmAnswers({ assessment: ctx.assessment, viewer: ctx.viewer, questionIds, revisions, sectionId: confirmOne ? undefined : section.id });
    } catch (error) {
      if (error instanceof FrozenAssessmentError) throw new Response("Submitted assessments cannot change", { status: 409 });
      throw error;
    }
    if (!confirmed.ok) {
      // A newer answer by someone else: nothing confirmed, the person sees it and chooses (as a save conflict).
      return data(
        { postedAt: new Date().toISOString(), errors: {}, conflicts: confirmed.conflicts, values: readSectionForm(section, form), revisions: result.revisions },
        { status: 409 },
      );
    }
    if (confirmOne) return redirect(`${base}/sections/${section.id}?saved=1#q-${confirmOne[1]}`);
    // One click per section: on to the next one, which says this one is confirmed.
    const states = walk(ctx.questionnaire, answerValues(await getAnswers(ctx.assessment.id)));
    const next = states[states.findIndex((s) => s.section.id === section.id) + 1];
    return redirect(next ? `${base}/sections/${next.section.id}?confirmed=${section.id}` : `${base}/overview`);
  }
  if (intent === "next") {
    const states = walk(ctx.questionnaire, answerValues(await getAnswers(ctx.assessment.id)));
    const next = states[states.findIndex((s) => s.section.id === section.id) + 1];
    return redirect(next ? `${base}/sections/${next.section.id}` : `${base}/overview`);
  }
  // "Add" without JavaScript: what was typed is saved, and the page comes back with one empty row more.
  if (add && section.questions.some((q) => q.id === add[1] && q.type === "list")) {
    return redirect(`${base}/sections/${section.id}?add=${add[1]}#q-${add[1]}`);
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
          {/* The practice's name stands above the section list already. */}
          {t("section.position", { position: data.position, total: data.nav.length })}
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
        {data.confirmedNow && !actionData ? (
          <p className="callout callout--ok" role="status">
            <Icon name="check" />
            {t("known.section.confirmedPrevious", { title: data.confirmedNow })}
          </p>
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
          marks={data.marks}
          confirm={data.confirm}
          given={data.given}
        />
      </div>
    </div>
  );
}
