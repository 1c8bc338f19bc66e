/** i18next options shared by the server and the browser. Dutch first; English complete. */
export const supportedLngs = ["nl", "en"] as const;
export type Lng = (typeof supportedLngs)[number];
export const fallbackLng: Lng = "nl";

export const i18nConfig = {
  supportedLngs: [...supportedLngs],
  fallbackLng,
  defaultNS: "common",
  ns: ["common"],
  react: { useSuspense: false },
  interpolation: { escapeValue: false },
};

export function isLng(value: unknown): value is Lng {
  return typeof value === "string" && (supportedLngs as readonly string[]).includes(value);
}

/** The value as a supported language, or the default one. */
export const asLng = (value: unknown): Lng => (isLng(value) ? value : fallbackLng);

/** Only the page's own language is sent to the browser. */
export function loadResources(lng: Lng) {
  return lng === "en" ? import("./locales/en") : import("./locales/nl");
}
