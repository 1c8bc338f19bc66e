/**
 * What poppler (Debian's poppler-utils: pdfinfo, pdftotext) reads from a PDF: whether it is tagged, its
 * title, page count, language and structure, and the text of each page. Tests check our PDFs with the
 * tools a reader's software would use, not with our own parser.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface PdfFacts {
  tagged: boolean;
  title: string;
  pages: number;
  version: string;
  /** The structure tree as pdfinfo -struct prints it: one element per line, indented. */
  structure: string;
  /** The text of each page (index 0 is page 1), as pdftotext lays it out. */
  pageTexts: string[];
}

export function pdfFacts(pdf: Uint8Array): PdfFacts {
  const dir = mkdtempSync(path.join(tmpdir(), "kws-pdf-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "m").exec(info)?.[1]?.trim() ?? "";
    const pages = Number(field("Pages"));
    const structure = execFileSync("pdfinfo", ["-struct", file], { encoding: "utf8" });
    // One pdftotext for the whole document: it ends every page with a form feed.
    const pageTexts = execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", file, "-"], { encoding: "utf8" }).split("\f").slice(0, pages);
    return { tagged: field("Tagged") === "yes", title: field("Title"), pages, version: field("PDF version"), structure, pageTexts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
