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
