/** Loads an assessment's report for a request, in the reader's language, and audits exports. */
import type { Params } from "@remix-run/react";
import { fallbackLng, isLng, type Lng } from "~/i18n";
import i18next from "~/i18next.server";
import { recordEvent } from "./audit.server";
import { loadAssessmentContext } from "./assessment-context.server";
import { buildReport } from "./report.server";
import { getDb } from "../../db/index.server";

export async function loadReport(request: Request, params: Params, exportFormat?: "pdf" | "json" | "csv") {
  const ctx = await loadAssessmentContext(request, params);
  const locale = await i18next.getLocale(request);
  const lng: Lng = isLng(locale) ? locale : fallbackLng;
  const report = await buildReport(ctx, lng);
  if (exportFormat) {
    await recordEvent(await getDb(), {
      viewer: ctx.viewer,
      action: "assessment.exported",
      subjectType: "assessment",
      subjectId: ctx.assessment.id,
      assessmentId: ctx.assessment.id,
      detail: { format: exportFormat, contentVersion: ctx.assessment.content_version },
    });
  }
  return { report, lng, t: await i18next.getFixedT(lng) };
}

/** A file name that says what it is: kernwaardenscan-<practice>-<date>.<ext>. */
export function exportFileName(practiceName: string, generatedAt: string, ext: string) {
  const slug = practiceName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `kernwaardenscan-${slug}-${generatedAt.slice(0, 10)}.${ext}`;
}
