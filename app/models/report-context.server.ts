/** Loads an assessment's report for a request, in the reader's language, and audits exports. */
import type { Params } from "@remix-run/react";
import i18next, { requestLng } from "~/i18next.server";
import { recordEvent } from "./audit.server";
import { loadAssessmentContext } from "./assessment-context.server";
import { beforeJoiningFor } from "./guide.server";
import { practiceRegionId, regionContextView } from "./regions.server";
import { buildReport } from "./report.server";
import { assessmentSummary } from "~/domain/summary";
import { progressTotals } from "~/domain/walk";
import { getDb } from "../../db/index.server";

export async function loadReport(request: Request, params: Params, exportFormat?: "pdf" | "json" | "csv") {
  const ctx = await loadAssessmentContext(request, params);
  const lng = await requestLng(request);
  const report = await buildReport(ctx, lng);
  const t = await i18next.getFixedT(lng);
  // A huisarts's afweging ends in the questions to ask the provider before joining.
  const beforeJoining =
    ctx.assessment.perspective === "afweging"
      ? beforeJoiningFor({ kind: "own", id: ctx.assessment.id, label: t("perspective.afweging"), ctx, report }, t, lng)
      : null;
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
  const region = await regionContextView(await practiceRegionId(ctx.assessment.practice_id, ctx.assessment.author_org_id), lng);
  const summary = assessmentSummary({ signals: report.signals, totals: progressTotals(ctx.states), rulesVersion: ctx.assessment.content_version, assessment: ctx.assessment });
  return { report, summary, beforeJoining, region, lng, t, ctx };
}

export { exportFileName } from "~/utils/download.server";
