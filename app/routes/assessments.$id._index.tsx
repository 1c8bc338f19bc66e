import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { SectionNav } from "~/components/section-nav";
import { navItems, progressTotals } from "~/domain/walk";
import { lastAnsweredQuestion } from "~/models/assessment.server";
import { loadAssessmentContext, requireAssessment } from "~/models/assessment-context.server";
import {
  grantShare,
  listShares,
  listShareTargets,
  listVersions,
  SharingError,
  startNextVersion,
  submitAssessment,
} from "~/models/sharing.server";
import { canEdit, isVerified, requireRole } from "~/models/viewer.server";
import { VerifiedMark } from "~/components/verified-mark";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { getAnswerMeta, getSectionConfirmations } from "~/models/known.server";
import { navWithConfirmations } from "~/models/known-view.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadAssessmentContext(request, params);
  const last = await lastAnsweredQuestion(ctx.assessment.id);
  const lastSection = last ? ctx.questionnaire.questionById.get(last)?.section.id : undefined;
  // Resume where the person left off; if that section is done, at the next one that is not.
  const from = Math.max(
    0,
    ctx.states.findIndex((s) => s.section.id === lastSection),
  );
  // A next version resumes at the first section not yet confirmed ("Klopt nog"): its answers are all carried over.
  const isNext = ctx.assessment.previous_id !== null;
  const [confirmations, meta] = await Promise.all([getSectionConfirmations(ctx.assessment.id), getAnswerMeta(ctx.assessment.id)]);
  const pending = (s: (typeof ctx.states)[number]) => (isNext ? !confirmations.has(s.section.id) : !s.complete);
  const resume = ctx.states.slice(from).find(pending) ?? ctx.states.find(pending);
  const isAuthor = ctx.assessment.access === "author";
  const manages = isAuthor && ctx.viewer.role === "beheerder";
  return {
    pageTitle: await titleFor(request, "assessment", ctx.assessment.practice_name, (t) => ({
      perspective: t(`perspective.${ctx.assessment.perspective}`),
      version: ctx.assessment.version_no,
    })),
    id: ctx.assessment.id,
    practiceName: ctx.assessment.practice_name,
    practiceVerification: ctx.assessment.practice_verification,
    verified: isVerified(ctx.viewer),
    perspective: ctx.assessment.perspective,
    status: ctx.assessment.status,
    versionNo: ctx.assessment.version_no,
    submittedAt: ctx.assessment.submitted_at,
    contentVersion: ctx.assessment.content_version,
    updatedAt: ctx.assessment.updated_at,
    access: ctx.assessment.access,
    editable: ctx.editable,
    canSubmit: ctx.editable,
    canStartNext: isAuthor && canEdit(ctx.viewer) && ctx.assessment.status === "ingediend",
    manages,
    started: last !== null,
    resumeSection: resume?.section.id ?? null,
    totals: progressTotals(ctx.states),
    nav: navWithConfirmations(navItems(ctx.states), confirmations, isNext),
    confirmed: isNext ? { confirmed: ctx.states.filter((st) => confirmations.has(st.section.id)).length, total: ctx.states.length } : null,
    prefilledOpen: [...meta.values()].filter((m) => m.origin && !m.confirmedAt).length,
    versions: isAuthor ? await listVersions(ctx.assessment) : [],
    shares: manages ? await listShares(ctx.assessment.id) : [],
    targets: manages && ctx.assessment.status === "ingediend" && isVerified(ctx.viewer) ? await listShareTargets(ctx.viewer) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const { viewer, assessment } = await requireAssessment(request, params);
  // Those who may read but did not write it (a grantee, the keten) may change nothing about it.
  if (assessment.access !== "author") throw new Response("Forbidden", { status: 403 });
  const intent = String(form.get("_intent") ?? "");
  const here = `/assessments/${assessment.id}`;
  try {
    switch (intent) {
      case "submit":
        requireRole(viewer, ["beheerder", "invuller"]);
        await submitAssessment(assessment, viewer);
        return redirect(`${here}?done=submitted`);
      case "next-version": {
        requireRole(viewer, ["beheerder", "invuller"]);
        const id = await startNextVersion(assessment, viewer);
        return redirect(`/assessments/${id}`);
      }
      case "share":
        requireRole(viewer, ["beheerder"]);
        await grantShare(assessment, viewer, String(form.get("organisationId") ?? ""));
        return redirect(`${here}?done=shared#sharing`);
      // Revoking has its own confirmation page: /assessments/:id/shares/:shareId/revoke.
      default:
        throw new Response("Bad request", { status: 400 });
    }
  } catch (error) {
    // Sharing before the platform verified the practice is not allowed (yet); other refusals are the wrong state.
    if (error instanceof SharingError) throw new Response(error.code, { status: error.code === "unverified" ? 403 : 409 });
    throw error;
  }
}

export default function AssessmentHome() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="assessment-page">
      <SectionNav assessmentId={data.id} practiceName={data.practiceName} items={data.nav} />
      <div className="assessment-main">
        <p className="eyebrow">
          {t(`perspective.${data.perspective}`)} · {t("sharing.version", { version: data.versionNo })} · {t(`sharing.status.${data.status}`)}
        </p>
        <h1>
          {data.practiceName} {data.access !== "author" ? <VerifiedMark verification={data.practiceVerification} /> : null}
        </h1>
        {data.access !== "author" ? <p className="callout">{t(`sharing.access.${data.access}`)}</p> : null}
        {data.status === "ingediend" && data.submittedAt ? (
          <p className="callout callout--ok">{t("sharing.frozen", { date: formatDateTime(data.submittedAt, lng) })}</p>
        ) : null}
        <p>{t("assessment.intro")}</p>
        <div className="progress-block">
          <progress max={data.totals.total} value={data.totals.answered} aria-labelledby="progress-label" />
          <p id="progress-label">{t("assessment.progress", { answered: data.totals.answered, total: data.totals.total, percent: data.totals.percent })}</p>
        </div>
        {data.confirmed ? <p className="progress-confirmed">{t("known.progress", data.confirmed)}</p> : null}
        {data.editable && data.prefilledOpen > 0 ? <p className="callout">{t("known.prefilled", { count: data.prefilledOpen })}</p> : null}
        <p className="actions">
          {data.resumeSection ? (
            <Link className="button" to={`/assessments/${data.id}/sections/${data.resumeSection}`}>
              {data.editable ? (data.started ? t("assessment.resume") : t("assessment.begin")) : t("sharing.read")}
            </Link>
          ) : null}
          <Link className="button secondary" to={`/assessments/${data.id}/overview`}>
            {t("overview.link")}
          </Link>
          <Link className="button secondary" to={`/assessments/${data.id}/report`}>
            {t("report.link")}
          </Link>
          {data.manages ? (
            <Link className="button secondary" to={`/assessments/${data.id}/audit`}>
              {t("audit.link")}
            </Link>
          ) : null}
        </p>

        {data.canSubmit ? (
          <Form method="post" className="panel">
            <CsrfInput />
            <h2>{t("sharing.submitTitle")}</h2>
            <p>{t("sharing.submitBody")}</p>
            {data.totals.answered < data.totals.total ? (
              <p className="hint">{t("sharing.submitOpen", { count: data.totals.total - data.totals.answered, total: data.totals.total })}</p>
            ) : null}
            <button type="submit" name="_intent" value="submit">
              {t("sharing.submit")}
            </button>
          </Form>
        ) : null}
        {data.canStartNext ? (
          <Form method="post" className="panel">
            <CsrfInput />
            <p>{t("sharing.nextBody")}</p>
            <button type="submit" name="_intent" value="next-version" className="secondary">
              {t("sharing.next")}
            </button>
          </Form>
        ) : null}

        {data.manages && data.status === "ingediend" ? (
          <section className="panel" id="sharing" aria-labelledby="sharing-title">
            <h2 id="sharing-title">{t("sharing.title")}</h2>
            <p>{t("sharing.body")}</p>
            {data.verified ? (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <label htmlFor="share-target">{t("sharing.with")}</label>{" "}
                <select id="share-target" name="organisationId" required>
                  {data.targets.map((o) => (
                    <option key={o.id} value={o.id}>
                      {t("trust.markOption", { name: o.name })} ({t(`account.kind.${o.kind}`)})
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" name="_intent" value="share">
                  {t("sharing.grant")}
                </button>
              </Form>
            ) : (
              <p className="callout callout--essential">{t("trust.sharing.unverified")}</p>
            )}
            {/* Who has it, apart from the form that shares: revoking asks first, on a page of its own. */}
            <h3 id="shares-title">{t("pages.sharing.sharedWith")}</h3>
            {data.shares.length > 0 ? (
              <ul className="plain shares" aria-labelledby="shares-title">
                {data.shares.map((share) => (
                  <li key={share.id}>
                    {t("sharing.shareLine", {
                      organisation: share.organisation_name,
                      kind: t(`account.kind.${share.organisation_kind}`),
                      date: formatDateTime(share.created_at, lng),
                    })}{" "}
                    <VerifiedMark verification={share.organisation_verification} />{" "}
                    {share.revoked_at ? (
                      <span className="hint">{t("sharing.revokedAt", { date: formatDateTime(share.revoked_at, lng) })}</span>
                    ) : (
                      <Link to={`/assessments/${data.id}/shares/${share.id}/revoke`}>{t("sharing.revoke", { organisation: share.organisation_name })}</Link>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="hint">{t("sharing.none")}</p>
            )}
          </section>
        ) : null}

        {data.versions.length > 1 ? (
          <section className="panel" aria-labelledby="versions-title">
            <h2 id="versions-title">{t("sharing.versions")}</h2>
            <ul className="plain">
              {data.versions.map((v) => (
                <li key={v.id}>
                  <Link to={`/assessments/${v.id}`} aria-current={v.id === data.id ? "page" : undefined}>
                    {t("sharing.version", { version: v.version_no })}
                  </Link>{" "}
                  · {t(`sharing.status.${v.status}`)}
                  {v.submitted_at ? ` · ${formatDateTime(v.submitted_at, lng)}` : ""}
                  {v.id !== data.id ? (
                    <>
                      {" · "}
                      <Link to={`/assessments/${data.id}/versions/compare?with=${v.id}`}>{t("known.versions.compareWith", { version: v.version_no })}</Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p className="hint">{t("assessment.meta", { version: data.contentVersion, date: formatDateTime(data.updatedAt, lng) })}</p>
      </div>
    </div>
  );
}
