/** One kernwaarde's kernpunten with their status and the statements behind them (overview and report). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReportKernpunt } from "~/domain/presented";
import { ScrollRegion } from "./scroll-region";
import { StatusBadge } from "./status-badge";

type KernpuntTableProps = Parameters<typeof KernpuntRows>[0];

/** On a phone the three columns scroll in their own region, the kernpunt column kept in view (CSS). */
export function KernpuntTable(props: KernpuntTableProps) {
  return (
    <ScrollRegion label={props.title}>
      <KernpuntRows {...props} />
    </ScrollRegion>
  );
}

function KernpuntRows({
  title,
  kernpunten,
  assessmentId,
}: {
  title: string;
  kernpunten: ReportKernpunt[];
  /** With an assessment id each statement links to its question (overview); without, the answer is shown (report). */
  assessmentId?: string;
}) {
  const { t } = useTranslation();
  return (
    <table className="kernpunten">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t("overview.kernpunt")}</th>
          <th scope="col">{t("overview.status")}</th>
          <th scope="col">{t("overview.answers")}</th>
        </tr>
      </thead>
      <tbody>
        {kernpunten.map((kernpunt) => (
          <tr key={kernpunt.id}>
            <th scope="row">
              <span className="kernpunt-id">{kernpunt.id}</span> {kernpunt.text}
            </th>
            <td>
              <StatusBadge status={kernpunt.status} />
            </td>
            <td>
              <ul className="plain">
                {kernpunt.statements.map((s) => (
                  <li key={s.questionId}>
                    {assessmentId ? (
                      <>
                        <Link to={`/assessments/${assessmentId}/sections/${s.sectionId}#q-${s.questionId}`}>{s.text}</Link>{" "}
                        <StatusBadge status={s.status} small />
                        {s.autoReason ? <span className="hint"> {s.autoReason}</span> : null}
                      </>
                    ) : (
                      <>
                        {s.text} — <em>{s.answer}</em>
                      </>
                    )}
                    {s.note ? <p className="note-text">{s.note}</p> : null}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
