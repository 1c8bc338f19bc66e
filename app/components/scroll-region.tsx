/**
 * A wide table in a horizontally scrollable region. WCAG 2.1.1 asks that scrolling works by keyboard,
 * so the region takes focus (axe: scrollable-region-focusable) and is named for screen readers.
 */
import type { ReactNode } from "react";

export function ScrollRegion({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
