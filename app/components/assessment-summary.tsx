/** The line an overview and a report open with: signals, questions answered, rules version, date. */
import { useTranslation } from "react-i18next";
import type { AssessmentSummary } from "~/domain/summary";
import { useLng } from "~/utils/content-text";
import { summaryParts } from "~/utils/summary-text";

export function AssessmentSummaryLine({ summary }: { summary: AssessmentSummary }) {
  const { t } = useTranslation();
  const lng = useLng();
  const parts = summaryParts(summary, t, lng);
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("pages.summary.title")}</h2>
      <ul className="summary-line">
        <li className="summary-signals">
          <strong>{parts.signals}</strong>
        </li>
        <li>{parts.answered}</li>
        <li className="summary-rules">{parts.rules}</li>
        <li>{parts.date}</li>
      </ul>
    </section>
  );
}
