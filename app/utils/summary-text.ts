/** The summary's parts as words, for the page (useTranslation's t) and the PDF (the server's t) alike. */
import type { TFunction } from "i18next";
import type { AssessmentSummary } from "~/domain/summary";
import type { Lng } from "~/i18n";
import { formatDate } from "~/domain/format";

export function summaryParts(s: AssessmentSummary, t: TFunction, lng: Lng) {
  return {
    signals: t("pages.summary.signalsLine", {
      signals: t("pages.summary.signals", { count: s.signals }),
      unknown: t("pages.summary.unknown", { count: s.unknown }),
    }),
    answered: t("pages.summary.answered", { answered: s.answered, shown: s.shown }),
    rules: t("pages.summary.rules", { version: s.rulesVersion }),
    date: t(s.date.kind === "submitted" ? "pages.summary.submitted" : "pages.summary.changed", { date: formatDate(s.date.at, lng) }),
  };
}
