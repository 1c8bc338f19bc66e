/** The platform beheerder's own audit trail: every decision and every import or publication it made. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BeheerNav } from "~/components/beheer-nav";
import { listPlatformAudit } from "~/models/platform.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const KNOWN = new Set([
  "organisation.verified",
  "organisation.refused",
  "organisation.verification-withdrawn",
  "claim.approved",
  "regions.previewed",
  "regions.imported",
  "regions.discarded",
  "criteria.published",
  "criteria.withdrawn",
  "platform-admin.created",
  "platform-admin.link-sent",
  "password.reset",
  "password.reset-requested",
  "password.changed",
  "session.signed-in",
  "mfa.totp-enrolled",
  "mfa.totp-removed",
  "mfa.passkey-added",
  "mfa.passkey-removed",
  "mfa.recovery-used",
  "mfa.recovery-regenerated",
  "session.reauthenticated",
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformViewer(request);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const result = await listPlatformAudit(page);
  return {
    pageTitle: await titleFor(request, "platformAudit"),
    ...result,
    rows: result.rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      key: KNOWN.has(r.action) ? r.action.replace(".", "-") : "other",
      actor: r.actor,
      organisation: r.organisation,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
    })),
  };
}

export default function BeheerAudit() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="workspace">
      <h1>{t("beheer.audit.title")}</h1>
      <BeheerNav />
      <p className="lead">{t("beheer.audit.lead")}</p>
      {d.rows.length === 0 ? (
        <p className="hint">{t("beheer.audit.empty")}</p>
      ) : (
        <table className="audit">
          <caption>{t("beheer.audit.caption", { total: d.total, page: d.page, pages: d.pages })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("beheer.audit.when")}</th>
              <th scope="col">{t("beheer.audit.who")}</th>
              <th scope="col">{t("beheer.audit.what")}</th>
              <th scope="col">{t("beheer.audit.subject")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at, lng)}</td>
                <td>{r.actor ?? t("beheer.audit.commandLine")}</td>
                <td>{t(`beheer.audit.actions.${r.key as "other"}`, { action: r.action })}</td>
                <td>
                  {r.subjectType === "organisation" && r.organisation ? (
                    <Link to={`/beheer/organisations/${r.subjectId}`}>{r.organisation}</Link>
                  ) : (
                    <code>{r.subjectType}</code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="actions">
        {d.page > 1 ? <Link to={`/beheer/audit?page=${d.page - 1}`}>{t("beheer.list.previous")}</Link> : null}
        {d.page < d.pages ? <Link to={`/beheer/audit?page=${d.page + 1}`}>{t("beheer.list.next")}</Link> : null}
      </p>
    </div>
  );
}
