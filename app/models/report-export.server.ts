/** The report in the two file formats that are drawn rather than serialised: CSV rows and the PDF. */
import type { TFunction } from "i18next";
import PDFDocument from "pdfkit";
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

/** The standard PDF fonts speak Windows-1252: words replace the few symbols they lack. */
function pdfText(text: string) {
  return text.replace(/[≤]/g, "<=").replace(/[≥]/g, ">=").replace(/[✓▲★⚠◐✗]/g, "");
}

export function renderReportPdf(report: Report, t: TFunction): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: { Title: `${t("report.title")}: ${report.practiceName}`, Author: t("app.name"), Subject: report.perspective },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const h1 = (text: string) => doc.font("Helvetica-Bold").fontSize(18).fillColor("#073f33").text(pdfText(text)).moveDown(0.3);
  const h2 = (text: string) => {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(14).fillColor("#073f33").text(pdfText(text)).moveDown(0.3);
  };
  const h3 = (text: string) => doc.moveDown(0.3).font("Helvetica-Bold").fontSize(11).fillColor("#1b1f23").text(pdfText(text));
  const p = (text: string, options: { muted?: boolean; italic?: boolean } = {}) =>
    doc
      .font(options.italic ? "Helvetica-Oblique" : "Helvetica")
      .fontSize(10)
      .fillColor(options.muted ? "#4a5560" : "#1b1f23")
      .text(pdfText(text))
      .moveDown(0.2);
  const pairs = (items: Array<{ label: string; value: string }>) => {
    for (const item of items) {
      doc.font("Helvetica-Bold").fontSize(10).fillColor("#1b1f23").text(`${pdfText(item.label)}: `, { continued: true });
      doc.font("Helvetica").text(pdfText(item.value));
    }
    doc.moveDown(0.3);
  };

  h1(`${t("report.title")}: ${report.practiceName}`);
  p(`${report.perspective} · AGB ${report.practiceAgb ?? "-"}`, { muted: true });
  p(t("report.meta", { version: report.contentVersion, published: report.contentPublished, date: report.generatedAtText }), { muted: true });
  p(t("report.intro"));

  h2(t("report.facts"));
  pairs(report.facts);
  h3(t("report.figures"));
  pairs(report.figures);

  h2(t("signals.title"));
  p(report.reading, { italic: true });
  for (const s of report.signals) {
    h3(`${s.title} — ${s.statusLabel}`);
    p([s.reason, s.figure].filter(Boolean).join(" "));
    pairs(s.evidence);
    p(`${t("signals.kernpunten")}: ${s.kernpunten.map((k) => k.id).join(", ")} · ${t("signals.source")}: ${s.source}`, { muted: true });
    p(`${t("signals.context.label")}: ${s.context ?? t("signals.context.none")}`);
  }

  h2(t("report.kernwaarden"));
  for (const k of report.kernwaarden) {
    h3(k.title);
    for (const kp of k.kernpunten) {
      doc.font("Helvetica-Bold").fontSize(10).fillColor("#1b1f23").text(pdfText(`${kp.id} — ${kp.statusLabel}`));
      p(kp.text, { muted: true });
      for (const s of kp.statements) {
        p(`• ${s.text} — ${s.answer}${s.note ? ` (${t("report.note")}: ${s.note})` : ""}`);
      }
    }
  }

  h2(t("report.openItems"));
  if (report.openItems.length === 0) p(t("report.noOpenItems"));
  for (const item of report.openItems) p(`• ${item.title}${item.note ? ` — ${item.note}` : ""}`);

  h2(t("report.guide"));
  p(t("report.guideIntro"), { muted: true });
  report.guide.forEach((item, index) => {
    h3(`${index + 1}. ${item.title}`);
    p(item.detail, { muted: true });
    for (const question of item.questions) p(`• ${question}`);
    if (item.context) p(`${t("signals.context.label")}: ${item.context}`, { italic: true });
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#4a5560")
      .text(`${report.practiceName} · ${t("report.page", { page: i + 1 })} · ${t("app.name")} v${report.contentVersion}`, 50, 800, {
        align: "center",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
