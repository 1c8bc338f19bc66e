/** The audit trail of an assessment: who viewed, changed, submitted, shared, revoked, exported — for its beheerder. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAuditForAssessment } from "~/models/audit.server";
import { requireAssessment } from "~/models/assessment-context.server";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, assessment } = await requireAssessment(request, params);
  // Only the author organisation's beheerder reads the trail; to anyone else it does not exist.
  if (assessment.access !== "author" || viewer.role !== "beheerder") throw new Response("Not found", { status: 404 });
  const events = await listAuditForAssessment(assessment.id);
  return {
    pageTitle: await titleFor(request, "audit", assessment.practice_name),
    id: assessment.id,
    practiceName: assessment.practice_name,
    // An erased person's events stay under a pseudonym (models/erasure.server.ts): said so, without a name.
    events,
  };
}

export default function AuditTrail() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div>
      <p className="eyebrow">
        <Link to={`/assessments/${data.id}`}>{data.practiceName}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <table className="audit">
        <caption className="visually-hidden">{t("audit.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
          </tr>
        </thead>
        <tbody>
          {data.events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at, lng)}</td>
              <td>
                {e.erased ? t("privacy.erasedPerson") : e.person} <span className="hint">{e.organisation}</span>
              </td>
              <td>
                {t(`audit.action.${e.action}`, { defaultValue: e.action })} {e.subject ? <code>{e.subject}</code> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
