/** Dutch (and English) number and date formats, through Intl. */
import type { Lng } from "~/i18n";

const intlLocale = (lng: Lng) => (lng === "nl" ? "nl-NL" : "en-GB");

/**
 * Making an Intl formatter costs far more than using one (a page or an export formats thousands of
 * figures): each kind is made once per language and options, and kept.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lng: Lng, options: Intl.NumberFormatOptions) {
  const key = `n|${lng}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(intlLocale(lng), options)));
  return f;
}
function dateFormat(lng: Lng, options: Intl.DateTimeFormatOptions) {
  const key = `d|${lng}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(lng), options)));
  return f;
}

export function formatNumber(value: number, lng: Lng, maximumFractionDigits = 0, minimumFractionDigits = 0) {
  return numberFormat(lng, { maximumFractionDigits, minimumFractionDigits }).format(value);
}

export function formatPercent(share: number, lng: Lng) {
  return numberFormat(lng, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

export function formatDateTime(iso: string, lng: Lng) {
  return dateFormat(lng, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}

export function formatTime(iso: string, lng: Lng) {
  return dateFormat(lng, { timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, or a timestamp) as a date, e.g. "1 november 2026". */
export function formatDate(isoOrDay: string, lng: Lng) {
  // A bare day is a calendar date, not midnight UTC: format it as such, without a time zone shift.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay);
  return dateFormat(lng, { dateStyle: "long", timeZone: day ? "UTC" : "Europe/Amsterdam" }).format(new Date(day ? `${isoOrDay}T00:00:00Z` : isoOrDay));
}
