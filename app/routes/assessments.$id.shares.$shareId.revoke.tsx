/**
 * Revoking a share asks first, on a page of its own (a plain form: it works without JavaScript), so it
 * is never one click beside sharing. Only the author organisation's beheerder; another tenant gets 404,
 * those who may read the version but not manage it 403, a share that is not live on this version 404.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { requireAssessment } from "~/models/assessment-context.server";
import { listShares, revokeShare, SharingError } from "~/models/sharing.server";
import { requireRole } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

/** The assessment and its live share, for its author's beheerder; throws 404 or 403 otherwise. */
async function requireLiveShare(request: Request, params: LoaderFunctionArgs["params"]) {
  const { viewer, assessment } = await requireAssessment(request, params);
  // Those who may read but did not write it (a grantee, the keten) may change nothing about it.
  if (assessment.access !== "author") throw new Response("Forbidden", { status: 403 });
  requireRole(viewer, ["beheerder"]);
  const share = (await listShares(assessment.id)).find((s) => s.id === params.shareId && s.revoked_at === null);
  if (!share) throw new Response("Not found", { status: 404 });
  return { viewer, assessment, share };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { assessment, share } = await requireLiveShare(request, params);
  return {
    pageTitle: await titleFor(request, "revoke", `${assessment.practice_name}, ${share.organisation_name}`),
    assessmentId: assessment.id,
    practiceName: assessment.practice_name,
    version: assessment.version_no,
    organisation: share.organisation_name,
    sharedAt: share.created_at,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const { viewer, assessment, share } = await requireLiveShare(request, params);
  try {
    await revokeShare(assessment, viewer, share.id);
  } catch (error) {
    // Revoked in the meantime by someone else: there is nothing left to revoke.
    if (error instanceof SharingError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  return redirect(`/assessments/${assessment.id}?done=revoked#sharing`);
}

export default function RevokeShare() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  const back = `/assessments/${d.assessmentId}`;
  return (
    <div className="narrow">
      <p className="eyebrow">
        <Link to={back}>{d.practiceName}</Link>
      </p>
      <h1>{t("pages.titles.revoke")}</h1>
      <p>{t("pages.revoke.lead", { version: d.version, practice: d.practiceName, organisation: d.organisation })}</p>
      <p>{t("pages.revoke.effect", { organisation: d.organisation })}</p>
      <p className="hint">{t("pages.revoke.since", { date: formatDateTime(d.sharedAt, lng) })}</p>
      <Form method="post" className="actions">
        <CsrfInput />
        <button type="submit" className="danger">
          {t("pages.revoke.confirm", { organisation: d.organisation })}
        </button>
        <Link className="button secondary" to={`${back}#sharing`}>
          {t("pages.revoke.cancel")}
        </Link>
      </Form>
    </div>
  );
}
