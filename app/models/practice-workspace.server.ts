/**
 * One practice as an insurer, toezichthouder, huisarts or keten sees it: the sources it may see (the
 * practice's self-assessment, its own assessment, its imported facts), each as a report worded for
 * this reader. Authorization is the portfolio's: a practice not in it is a 404.
 */
import type { TFunction } from "i18next";
import type { Perspective } from "~/domain/content/schema";
import type { Questionnaire } from "~/domain/content/questionnaire";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { evaluateSignals, type RulesVersion } from "~/domain/signals";
import type { Lng } from "~/i18n";
import i18next from "~/i18next.server";
import { getDb } from "../../db/index.server";
import { assessmentContext, type AssessmentContext } from "./assessment-context.server";
import { getAssessment, PERSPECTIVE_OF_KIND, recordView } from "./assessment.server";
import { getImportedFacts } from "./facts-import.server";
import { getPortfolioRow, listPracticeSources, type PortfolioRow, type SourceKind } from "./portfolio.server";
import { buildReport, reportSignals, type Report, type ReportSignal } from "./report.server";
import { readStoredSignals } from "./signal-store.server";
import type { Viewer } from "./viewer.server";
import { formatDate, formatDateTime } from "~/domain/format";

/** How the reader's questions are worded: a keten reads its members as an assessor would. */
export function wordingFor(viewer: Viewer): Perspective {
  const perspective = PERSPECTIVE_OF_KIND[viewer.organisationKind];
  return perspective === "zelfevaluatie" ? "beoordeling" : perspective;
}

export interface AssessmentSource {
  kind: "self" | "own";
  id: string;
  label: string;
  ctx: AssessmentContext;
  report: Report;
}

export interface ImportSource {
  kind: "import";
  id: string;
  label: string;
  source: string;
  sourceDate: string;
  /** As computed when the import was confirmed, never re-evaluated silently. */
  signals: ReportSignal[];
  rulesVersion: RulesVersion;
  /** What the rules in force say of the same facts, when other rules computed `signals`. */
  currentSignals: ReportSignal[] | null;
}

export interface PracticeWorkspace {
  viewer: Viewer;
  row: PortfolioRow;
  practice: { id: string; name: string; agb: string | null; postcode: string | null; hasAccount: boolean };
  self: AssessmentSource | null;
  own: AssessmentSource | null;
  imported: ImportSource | null;
  /** The source whose signals speak for the practice (the portfolio's choice). */
  basis: AssessmentSource | ImportSource;
  /** The content the pages word things in: the basis assessment's version, or the current one for imported facts. */
  questionnaire: Questionnaire;
  wording: Perspective;
  t: TFunction;
  lng: Lng;
}

export function sourceLabel(kind: SourceKind, t: TFunction, lng: Lng, detail: { versionNo?: number | null; at: string; perspective?: Perspective; status?: string; source?: string; sourceDate?: string }) {
  if (kind === "import") return t("workspaces.source.importLabel", { source: detail.source, date: formatDate(detail.sourceDate ?? detail.at, lng) });
  return t(`workspaces.source.${kind}Label`, {
    perspective: t(`perspective.${detail.perspective ?? "zelfevaluatie"}`),
    version: detail.versionNo ?? 1,
    status: t(`sharing.status.${detail.status ?? "concept"}`),
    date: formatDateTime(detail.at, lng),
  });
}

async function assessmentSource(kind: "self" | "own", id: string, viewer: Viewer, wording: Perspective, t: TFunction, lng: Lng): Promise<AssessmentSource | null> {
  const assessment = await getAssessment({ id, viewerOrgId: viewer.organisationId, viewerRole: viewer.role });
  if (!assessment) return null;
  const ctx = await assessmentContext(assessment, viewer);
  const report = await buildReport(ctx, lng, { wording });
  const label = sourceLabel(kind, t, lng, { versionNo: assessment.version_no, at: assessment.submitted_at ?? assessment.updated_at, perspective: assessment.perspective, status: assessment.status });
  return { kind, id, label, ctx, report };
}

/**
 * Everything the practice pages show, or undefined when the practice is not in the viewer's
 * portfolio. `page` names the page in the audit trail of a self-assessment read by another organisation.
 */
export async function loadPracticeWorkspace(viewer: Viewer, practiceId: string, lng: Lng, page: string): Promise<PracticeWorkspace | undefined> {
  const row = await getPortfolioRow(viewer, practiceId);
  if (!row) return undefined;
  const t = await i18next.getFixedT(lng);
  const wording = wordingFor(viewer);
  const db = await getDb();
  const [sources, practice] = await Promise.all([
    listPracticeSources(viewer, practiceId),
    db.selectFrom("practice").select(["id", "name", "agb", "postcode", "organisation_id"]).where("id", "=", practiceId).executeTakeFirstOrThrow(),
  ]);
  const of = (kind: SourceKind) => sources.find((s) => s.kind === kind);
  const selfId = of("self")?.id;
  const ownId = of("own")?.id;
  const [self, own, importedFacts] = await Promise.all([
    selfId ? assessmentSource("self", selfId, viewer, wording, t, lng) : null,
    ownId ? assessmentSource("own", ownId, viewer, wording, t, lng) : null,
    of("import") ? getImportedFacts(viewer, practiceId) : undefined,
  ]);
  if (self) await recordView(self.ctx.assessment, viewer, page);
  let imported: ImportSource | null = null;
  if (importedFacts) {
    const questionnaire = getCurrentQuestionnaire();
    const { parameters } = questionnaire;
    const current = evaluateSignals(importedFacts.facts, parameters);
    const stored = readStoredSignals(importedFacts) ?? { rulesVersion: parameters.rulesVersion, results: current };
    const words = (results: typeof current, rulesVersion: RulesVersion) => reportSignals(results, { questionnaire, t, lng, wording, rulesVersion });
    imported = {
      kind: "import",
      id: importedFacts.id,
      label: sourceLabel("import", t, lng, { at: importedFacts.imported_at, source: importedFacts.source, sourceDate: importedFacts.source_date }),
      source: importedFacts.source,
      sourceDate: importedFacts.source_date,
      signals: words(stored.results, stored.rulesVersion),
      rulesVersion: stored.rulesVersion,
      currentSignals: stored.rulesVersion === parameters.rulesVersion ? null : words(current, parameters.rulesVersion),
    };
  }
  const basis = row.source === "self" ? self : row.source === "own" ? own : imported;
  if (!basis) return undefined;
  return {
    viewer,
    row,
    practice: { id: practice.id, name: practice.name, agb: practice.agb, postcode: practice.postcode, hasAccount: practice.organisation_id !== null },
    self,
    own,
    imported,
    basis,
    questionnaire: basis.kind === "import" ? ((self ?? own)?.ctx.questionnaire ?? getCurrentQuestionnaire()) : basis.ctx.questionnaire,
    wording,
    t,
    lng,
  };
}
