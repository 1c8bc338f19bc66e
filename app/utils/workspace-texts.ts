/**
 * The workspace texts (portfolio, practices, ketens, signaleringsmatrix) reach the browser only with the
 * pages that use them, so a practice's questionnaire stays small. A workspace route exports
 * `handle = workspaceHandle` and `clientLoader = workspaceClientLoader`: the entry loads the texts before
 * hydrating such a page, the client loader before navigating to one.
 */
import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import i18next from "i18next";
import { asLng } from "~/i18n";

export const workspaceHandle = { i18n: "common", workspaceTexts: true } as const;

export async function ensureWorkspaceTexts(language: string) {
  const lng = asLng(language);
  if (i18next.hasResourceBundle(lng, "common") && i18next.getResource(lng, "common", "workspaces.portfolio.title")) return;
  const { default: texts } = lng === "en" ? await import("~/locales/workspace.en") : await import("~/locales/workspace.nl");
  i18next.addResourceBundle(lng, "common", texts, true, false);
}

export async function workspaceClientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const [data] = await Promise.all([serverLoader(), ensureWorkspaceTexts(i18next.language)]);
  return data;
}

/** Whether any route of the page being hydrated needs the workspace texts. */
export function pageNeedsWorkspaceTexts(modules: Record<string, { handle?: unknown } | undefined>) {
  return Object.values(modules).some((m) => (m?.handle as { workspaceTexts?: boolean } | undefined)?.workspaceTexts === true);
}
