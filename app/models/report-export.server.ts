/** The report in the two file formats that are drawn rather than serialised: CSV rows and the PDF. */
import type { TFunction } from "i18next";
import type { AssessmentSummary } from "~/domain/summary";
import { createPdf } from "~/utils/pdf.server";
import { summaryParts } from "~/utils/summary-text";
import type { Lng } from "~/i18n";
import type { ReportChanges } from "./known-view.server";
import { pdfBeforeJoining, pdfRegion } from "./guide-export.server";
import type { BeforeJoining } from "./guide.server";
import type { Report } from "./report.server";

/** One row per fact, figure, signal and kernpunt statement, under localised headers. */
export function reportRows(report: Report, t: TFunction): string[][] {
  const c = (key: string) => t(`report.columns.${key}`);
  const part = (key: string) => t(`report.parts.${key}`);
  const rows: string[][] = [[c("part"), c("id"), c("label"), c("value"), c("status"), c("note")]];
  for (const f of report.facts) rows.push([part("fact"), "", f.label, f.value, "", ""]);
  for (const f of report.figures) rows.push([part("figure"), "", f.label, f.value, "", ""]);
  for (const s of report.signals) {
    const evidence = s.evidence.map((e) => `${e.label}: ${e.value}`).join("; ");
    rows.push([part("signal"), s.id, s.title, [s.reason, s.figure, evidence].filter(Boolean).join(" | "), s.statusLabel, s.context ?? ""]);
  }
  for (const k of report.kernwaarden) {
    for (const kp of k.kernpunten) {
      rows.push([part("kernpunt"), kp.id, kp.text, "", kp.statusLabel, ""]);
      for (const s of kp.statements) rows.push([part("question"), `${kp.id}/${s.questionId}`, s.text, s.answer, "", s.note ?? ""]);
    }
  }
  return rows;
}

export function renderReportPdf(
  report: Report,
  t: TFunction,
  extra: {
    beforeJoining?: BeforeJoining | null;
    region?: Parameters<typeof pdfRegion>[1];
    lng?: Lng;
    summary?: AssessmentSummary | null;
    /** What changed since the previous version the reader may see (issue 13), as on the page. */
    changes?: ReportChanges | null;
  } = {},
): Promise<Buffer> {
  const beforeJoining = extra.beforeJoining ?? null;
  const lng = extra.lng ?? "nl";
  const pdf = createPdf({ title: `${t("report.title")}: ${report.practiceName}`, author: t("app.name"), subject: report.perspective, lng });
  const { h1, h2, h3, h4, p, runs, list, pairs, finish } = pdf;

  h1(`${t("report.title")}: ${report.practiceName}`);
  // The summary first, as on the page: signals, questions answered, rules version, date.
  if (extra.summary) {
    const s = summaryParts(extra.summary, t, lng);
    runs([{ text: s.signals, bold: true }, { text: ` · ${s.answered} · ${s.rules} · ${s.date}` }]);
  }
  p(`${report.perspective} · AGB ${report.practiceAgb ?? "-"}`, { muted: true });
  p(t("report.meta", { version: report.contentVersion, published: report.contentPublished, date: report.generatedAtText }), { muted: true });
  p(t("report.intro"));

  if (extra.changes) {
    h2(t("known.report.title", { version: extra.changes.versionNo }));
    if (extra.changes.answers.length === 0 && extra.changes.signals.length === 0) p(t("known.report.none", { version: extra.changes.versionNo }));
    list([...extra.changes.signals, ...extra.changes.answers.map((a) => `${a.question} (${a.section}): ${a.after} (${a.was})`)]);
  }

  h2(t("report.facts"));
  pairs(report.facts);
  h3(t("report.figures"));
  pairs(report.figures);

  h2(t("signals.title"));
  p(report.reading, { italic: true });
  const rules = report.rules;
  p(
    rules.asComputed && rules.version !== rules.current
      ? t("signalRules.computedWithOld", { version: rules.version, current: rules.current })
      : t("signalRules.computedWith", { version: rules.version }),
    { muted: true },
  );
  for (const s of report.signals) {
    h3(`${s.title} — ${s.statusLabel}`);
    p([s.reason, s.figure].filter(Boolean).join(" "));
    pairs(s.evidence);
    p(`${t("signals.kernpunten")}: ${s.kernpunten.map((k) => k.id).join(", ")} · ${t("signals.source")}: ${s.source}`, { muted: true });
    p(`${t("signals.context.label")}: ${s.context ?? t("signals.context.none")}`);
  }
  const differing = rules.currentWouldSay?.filter((s) => s.differs) ?? [];
  if (differing.length > 0) {
    h3(t("signalRules.currentTitle", { current: rules.current }));
    p(t("signalRules.currentIntro"), { muted: true });
    for (const s of differing) p(`• ${s.title} — ${s.statusLabel}: ${s.reason}`);
  }

  pdfRegion(pdf, extra.region ?? null, t, lng);

  h2(t("report.kernwaarden"));
  for (const k of report.kernwaarden) {
    h3(k.title);
    for (const kp of k.kernpunten) {
      h4(`${kp.id} — ${kp.statusLabel}`);
      p(kp.text, { muted: true });
      list(kp.statements.map((s) => `${s.text} — ${s.answer}${s.note ? ` (${t("report.note")}: ${s.note})` : ""}`));
    }
  }

  h2(t("report.openItems"));
  if (report.openItems.length === 0) p(t("report.noOpenItems"));
  list(report.openItems.map((item) => `${item.title}${item.note ? ` — ${item.note}` : ""}`));

  h2(t("report.guide"));
  p(t("report.guideIntro"), { muted: true });
  report.guide.forEach((item, index) => {
    h3(`${index + 1}. ${item.title}`);
    p(item.detail, { muted: true });
    list(item.questions);
    if (item.context) p(`${t("signals.context.label")}: ${item.context}`, { italic: true });
  });

  if (beforeJoining) pdfBeforeJoining(pdf, beforeJoining, t);

  return finish((page, total) => `${report.practiceName} · ${t("report.page", { page, total })} · ${t("app.name")} v${report.contentVersion}`);
}
