import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLng, i18nConfig, supportedLngs, asLng } from "./i18n";
import { commonEn, commonNl } from "./locales/server-bundles";

export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
  maxAge: 60 * 60 * 24 * 365,
});

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLngs],
    fallbackLanguage: fallbackLng,
    cookie: localeCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nConfig, resources: { nl: { common: commonNl }, en: { common: commonEn } } },
});

export default i18next;

/** The request's language, always one we support. */
export async function requestLng(request: Request) {
  const locale = await i18next.getLocale(request);
  return asLng(locale);
}
