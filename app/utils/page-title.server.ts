/** A page's title in the request's language: see page-title.ts. */
import type { TFunction } from "i18next";
import type { Translation } from "~/locales/nl";
import i18next from "~/i18next.server";
import { pageTitle } from "./page-title";

export type TitlePage = keyof Translation["pages"]["titles"];

type Values = Record<string, string | number>;

/** The page is a key of pages.titles (with its values, which may need words), or a text already in the reader's language. */
export async function titleFor(request: Request, page: TitlePage | { text: string }, subject?: string | null, values?: Values | ((t: TFunction) => Values)) {
  const t = await i18next.getFixedT(request);
  const vars = typeof values === "function" ? values(t) : (values ?? {});
  return pageTitle(t, typeof page === "string" ? t(`pages.titles.${page}`, vars) : page.text, subject);
}
