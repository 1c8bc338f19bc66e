/**
 * Page titles (WCAG 2.4.2): "page — subject — Kernwaardenscan", e.g. "Rapport — De Linde — Kernwaardenscan".
 * A loader returns its page's title as `pageTitle`, built in the reader's language (`pageTitle()` or
 * `titleFor()`); every page route exports `meta = titleMeta`, which uses it, or on an error page the
 * error's title from the root loader.
 */
import type { MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import type { TFunction } from "i18next";

const SEPARATOR = " — ";

export function pageTitle(t: TFunction, page: string, subject?: string | null) {
  return [page, subject, t("app.name")].filter(Boolean).join(SEPARATOR);
}

/** The titles the root loader sends for pages whose own loader did not answer (errors). */
export function errorTitles(t: TFunction) {
  return {
    app: t("app.name"),
    notFound: pageTitle(t, t("errorPage.notFound.title")),
    forbidden: pageTitle(t, t("errorPage.forbidden.title")),
    server: pageTitle(t, t("errorPage.server.title")),
  };
}

export type ErrorTitles = ReturnType<typeof errorTitles>;

export const titleMeta: MetaFunction = ({ data, error, matches }) => {
  const own = (data as { pageTitle?: unknown } | null | undefined)?.pageTitle;
  if (typeof own === "string" && !error) return [{ title: own }];
  const titles = (matches.find((m) => m.id === "root")?.data as { titles?: ErrorTitles } | undefined)?.titles;
  if (!titles) return [];
  if (!error) return [{ title: titles.app }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: status === 404 ? titles.notFound : status === 403 ? titles.forbidden : titles.server }];
};
