/**
 * The house PDF (pdfkit, on the server): A4, the standard Helvetica fonts (Windows-1252 covers Dutch),
 * headings in the app's green, "Pagina 2 van 7" at the foot of every page. Used by the report and the
 * conversation guide, so both look the same and neither needs a browser.
 *
 * Tagged (pdfkit's tagged mode, PDF 1.7): the document's title is shown as its title, its language is
 * set, and every piece of content sits in the logical structure in reading order: H1-H3, P, lists
 * (L > LI > Lbl + LBody) and label-value tables (Table > TR > TH + TD, the label a row header). The page
 * footers are pagination artifacts, outside the structure.
 */
import PDFDocument from "pdfkit";
import type { Lng } from "~/i18n";

/** The standard PDF fonts speak Windows-1252: words replace the few symbols they lack. */
export function pdfText(text: string) {
  return text.replace(/[≤]/g, "<=").replace(/[≥]/g, ">=").replace(/[✓▲★⚠◐✗]/g, "");
}

/** "Label: value", without doubling the punctuation of a label that is a question ("…onze praktijk?"). */
export function labelled(label: string, value: string) {
  return /[?:.!]\s*$/.test(label) ? `${label.trimEnd()} ${value}` : `${label}: ${value}`;
}

/** pdfkit 0.20's tagged tables (structParent, a header cell's scope), which @types/pdfkit 0.17 does not know yet. */
type TaggedTable = PDFKit.Mixins.TableOptions & {
  structParent: PDFKit.PDFStructureElement;
  data: Array<Array<PDFKit.Mixins.CellOptions & { scope?: "Row" | "Column" | "Both" }>>;
};

const INK = "#1b1f23";
const MUTED = "#4a5560";
const BRAND = "#073f33";
const LANGUAGE: Record<Lng, string> = { nl: "nl-NL", en: "en-GB" };

export function createPdf(info: { title: string; author: string; subject: string; lng: Lng }) {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    tagged: true,
    pdfVersion: "1.7",
    lang: LANGUAGE[info.lng],
    displayTitle: true,
    info: { Title: pdfText(info.title), Author: info.author, Subject: pdfText(info.subject) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  // Everything hangs under one Document element, in the order it is drawn (the reading order).
  const root = doc.struct("Document");
  doc.addStructure(root);
  /** One structure element of the given type whose content is what `draw` puts on the page. */
  const block = (type: string, draw: () => void) => root.add(doc.struct(type, {}, draw));

  const h1 = (text: string) => {
    block("H1", () => doc.font("Helvetica-Bold").fontSize(18).fillColor(BRAND).text(pdfText(text)));
    doc.moveDown(0.3);
  };
  const h2 = (text: string) => {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(0.6);
    block("H2", () => doc.font("Helvetica-Bold").fontSize(14).fillColor(BRAND).text(pdfText(text)));
    doc.moveDown(0.3);
  };
  const h3 = (text: string) => {
    doc.moveDown(0.3);
    block("H3", () => doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(pdfText(text)));
  };
  const h4 = (text: string) => block("H4", () => doc.font("Helvetica-Bold").fontSize(10).fillColor(INK).text(pdfText(text)));
  const style = (options: { muted?: boolean; italic?: boolean; bold?: boolean }) =>
    doc
      .font(options.bold ? "Helvetica-Bold" : options.italic ? "Helvetica-Oblique" : "Helvetica")
      .fontSize(10)
      .fillColor(options.muted ? MUTED : INK);
  const p = (text: string, options: { muted?: boolean; italic?: boolean; bold?: boolean } = {}) => {
    block("P", () => style(options).text(pdfText(text)));
    doc.moveDown(0.2);
  };
  /** A paragraph in parts, each with its own style, e.g. a bold lead and a plain rest. */
  const runs = (parts: Array<{ text: string; bold?: boolean; muted?: boolean }>) => {
    block("P", () => parts.forEach((part, i) => style(part).text(pdfText(part.text), { continued: i < parts.length - 1 })));
    doc.moveDown(0.2);
  };
  /** A bulleted or numbered list: L > LI > Lbl (the bullet or number) + LBody (the text). */
  const list = (items: string[], options: { numbered?: boolean; muted?: boolean; italic?: boolean } = {}) => {
    if (items.length === 0) return;
    const l = doc.struct("L");
    root.add(l);
    style(options).list(items.map(pdfText), {
      structParent: l,
      listType: options.numbered ? "numbered" : "bullet",
      bulletRadius: 1.6,
      textIndent: options.numbered ? 16 : 10,
      bulletIndent: 0,
    });
    l.end();
    doc.moveDown(0.3);
  };
  /** Label-value pairs as a two-column table: the label a row header (TH, scope Row), the value a cell. */
  const pairs = (items: Array<{ label: string; value: string }>) => {
    if (items.length === 0) return;
    const table: TaggedTable = {
      structParent: root,
      columnStyles: [170, "*"],
      // No cell borders: spacing separates the rows (and poppler reads no half-empty border colours).
      defaultStyle: { border: 0, padding: [2, 6, 2, 0], textColor: INK },
      data: items.map((item) => [
        { text: pdfText(item.label), type: "TH", scope: "Row", font: { src: "Helvetica-Bold", size: 10 } },
        { text: pdfText(item.value), font: { src: "Helvetica", size: 10 } },
      ]),
    };
    doc.table(table);
    doc.x = doc.page.margins.left;
    doc.moveDown(0.3);
  };

  /** Writes the footer on every page ("… · Pagina 2 van 7 · …") and ends the document; resolves with its bytes. */
  const finish = (footer: (page: number, total: number) => string) => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const text = pdfText(footer(i + 1, range.count));
      doc.markContent("Artifact", { type: "Pagination", attached: ["Bottom"] });
      doc.font("Helvetica").fontSize(8).fillColor(MUTED);
      // Below the bottom margin and without a width, so pdfkit never wraps it onto a page of its own.
      doc.text(text, (doc.page.width - doc.widthOfString(text)) / 2, doc.page.height - 42, { lineBreak: false });
      doc.endMarkedContent();
    }
    root.end();
    doc.end();
    return done;
  };
  return { doc, h1, h2, h3, h4, p, runs, list, pairs, finish };
}
