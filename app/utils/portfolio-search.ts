/** Links within the portfolio: its search parameters with some changed (empty values and page 1 left out). */
export function portfolioSearch(p: Record<string, unknown>, changes: Record<string, string | number | undefined> = {}) {
  const merged: Record<string, unknown> = { ...p, ...changes };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
