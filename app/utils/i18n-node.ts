/**
 * i18next outside a request (command-line tools, the spreadsheet reader): one instance per language,
 * initialised synchronously from the same locale files the app uses.
 */
import { createInstance, type TFunction } from "i18next";
import { i18nConfig, type Lng } from "../i18n";
import { commonEn as en, commonNl as nl } from "../locales/server-bundles";
import serverEn from "../locales/server.en";
import serverNl from "../locales/server.nl";

/** Both namespaces: "common" (shared with the browser) and "server" (only ever rendered here). */
export const serverResources = {
  nl: { common: nl, server: serverNl },
  en: { common: en, server: serverEn },
};

const cache = new Map<string, TFunction>();

export function fixedT(lng: Lng, ns: "common" | "server" = "common"): TFunction {
  const key = `${lng}:${ns}`;
  let t = cache.get(key);
  if (!t) {
    const instance = createInstance();
    void instance.init({ ...i18nConfig, ns: ["common", "server"], lng, initImmediate: false, resources: serverResources });
    t = instance.getFixedT(lng, ns);
    cache.set(key, t);
  }
  return t;
}
