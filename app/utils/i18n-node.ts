/**
 * i18next outside a request (command-line tools, the spreadsheet reader): one instance per language,
 * initialised synchronously from the same locale files the app uses.
 */
import { createInstance, type TFunction } from "i18next";
import { i18nConfig, type Lng } from "../i18n";
import en from "../locales/en";
import nl from "../locales/nl";

const cache = new Map<Lng, TFunction>();

export function fixedT(lng: Lng): TFunction {
  let t = cache.get(lng);
  if (!t) {
    const instance = createInstance();
    void instance.init({ ...i18nConfig, lng, initImmediate: false, resources: { nl: { common: nl }, en: { common: en } } });
    t = instance.getFixedT(lng);
    cache.set(lng, t);
  }
  return t;
}
