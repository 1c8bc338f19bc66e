/**
 * Layout measured in the browser (issue 13): at 1280 px wide tables fit their box and nothing is wider
 * than the window; at 390 px (a phone) nothing is wider than the window either, a table that does not
 * fit scrolls inside its own region with its first column kept in view; at both widths no word is
 * broken inside (a line may break at a space, a hyphen or a slash, never between two letters).
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const WIDTHS = [1280, 390] as const;

export interface LayoutReport {
  width: number;
  /** How far the document is wider than the window (0 when nothing overflows). */
  pageOverflow: number;
  /** Tables wider than the box they sit in: "class: table width / box width". */
  tablesTooWide: string[];
  /** Tables that scroll in their region without a sticky first column. */
  scrollingWithoutStickyColumn: string[];
  /** Words whose letters land on two lines. */
  brokenWords: string[];
  /** Every table, "class: width / box width", for the record. */
  tables: string[];
}

/** Measures the page as it is laid out now. */
export async function measureLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const tables: string[] = [];
    const tablesTooWide: string[] = [];
    const scrollingWithoutStickyColumn: string[] = [];
    for (const table of document.querySelectorAll("main table")) {
      const region = table.closest(".table-scroll");
      const box = (region ?? table.parentElement)!;
      const own = Math.round(table.getBoundingClientRect().width);
      const room = Math.round(box.clientWidth);
      const label = `${table.className || "table"}: ${own} / ${room}`;
      tables.push(label);
      if (own > room + 1) {
        tablesTooWide.push(label);
        const first = table.querySelector("tbody tr > th:first-child, tbody tr > td:first-child");
        if (!region || !first || getComputedStyle(first).position !== "sticky") scrollingWithoutStickyColumn.push(label);
      }
    }
    const brokenWords: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      // Runs of letters and digits: a break at a space, hyphen, slash or other punctuation is allowed.
      for (const m of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (lines.size > 1) brokenWords.push(m[0]);
      }
    }
    return { width, pageOverflow: Math.max(0, document.documentElement.scrollWidth - width), tablesTooWide, scrollingWithoutStickyColumn, brokenWords, tables };
  });
}

/**
 * The page at 1280 and at 390 px: nothing wider than the window, no word broken; at 1280 every table fits
 * its box, at 390 a table that does not fit scrolls in its region with a sticky first column. The
 * window is 1280 px again afterwards. Returns the measurements for the record.
 */
export async function expectLayoutFits(page: Page): Promise<LayoutReport[]> {
  const reports: LayoutReport[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    const r = await measureLayout(page);
    const where = `${new URL(page.url()).pathname} at ${width} px`;
    expect(r.pageOverflow, `${where}: the page is wider than the window`).toBe(0);
    expect(r.brokenWords, `${where}: words broken inside`).toEqual([]);
    if (width === 1280) expect(r.tablesTooWide, `${where}: tables wider than their box`).toEqual([]);
    else expect(r.scrollingWithoutStickyColumn, `${where}: wide tables without a scroll region and a sticky first column`).toEqual([]);
    reports.push(r);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return reports;
}
