/** Dutch (and English) number and date formats, through Intl. */
import type { Lng } from "~/i18n";

const intlLocale = (lng: Lng) => (lng === "nl" ? "nl-NL" : "en-GB");

export function formatNumber(value: number, lng: Lng, maximumFractionDigits = 0, minimumFractionDigits = 0) {
  return new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits, minimumFractionDigits }).format(value);
}

export function formatPercent(share: number, lng: Lng) {
  return new Intl.NumberFormat(intlLocale(lng), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

export function formatDateTime(iso: string, lng: Lng) {
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(
    new Date(iso),
  );
}

export function formatTime(iso: string, lng: Lng) {
  return new Intl.DateTimeFormat(intlLocale(lng), { timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, or a timestamp) as a date, e.g. "1 november 2026". */
export function formatDate(isoOrDay: string, lng: Lng) {
  // A bare day is a calendar date, not midnight UTC: format it as such, without a time zone shift.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay);
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: "long", timeZone: day ? "UTC" : "Europe/Amsterdam" }).format(new Date(day ? `${isoOrDay}T00:00:00Z` : isoOrDay));
}
