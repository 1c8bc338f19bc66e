/**
 * The house PDF (pdfkit, on the server): A4, the standard Helvetica fonts (Windows-1252 covers Dutch),
 * headings in the app's green, a footer on every page. Used by the report and the conversation guide,
 * so both look the same and neither needs a browser.
 */
import PDFDocument from "pdfkit";

/** The standard PDF fonts speak Windows-1252: words replace the few symbols they lack. */
export function pdfText(text: string) {
  return text.replace(/[≤]/g, "<=").replace(/[≥]/g, ">=").replace(/[✓▲★⚠◐✗]/g, "");
}

export function createPdf(info: { title: string; author: string; subject: string }) {
  const doc = new PDFDocument({ size: "A4", margin: 50, bufferPages: true, info: { Title: info.title, Author: info.author, Subject: info.subject } });
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
  /** Writes the footer on every page and ends the document; resolves with its bytes. */
  const finish = (footer: (page: number) => string) => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.font("Helvetica").fontSize(8).fillColor("#4a5560").text(pdfText(footer(i + 1)), 50, 800, { align: "center", lineBreak: false });
    }
    doc.end();
    return done;
  };
  return { doc, h1, h2, h3, p, pairs, finish };
}
