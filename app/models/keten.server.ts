/**
 * A keten (a chain with member practices) as the reader may see it (issue 5, "A keten view"): its
 * practices in the reader's portfolio with their signals rolled up, and the chain's governance
 * answers side by side. A keten of which the reader sees no practice is a 404.
 */
import type { TFunction } from "i18next";
import { isStatementValue, type AnswerValue, type StatementChoice } from "~/domain/answers";
import { getCurrentQuestionnaire, getQuestionnaire } from "~/models/content.server";
import { SIGNAL_IDS, type SignalId } from "~/domain/content/schema";
import type { Lng } from "~/i18n";
import { textFor } from "~/utils/content-text";
import { formatNumber } from "~/domain/format";
import type { GuideEntry, GuideSection } from "./guide.server";
import { getDb } from "../../db/index.server";
import type { SignalStatusValue } from "../../db/schema";
import { listPortfolio, STATUSES, withPracticeContext, type PortfolioRow } from "./portfolio.server";
import type { Viewer } from "./viewer.server";
import { wordingFor } from "./practice-workspace.server";

export const GOVERNANCE_SECTION = "governance";

export interface KetenRollup {
  id: SignalId;
  title: string;
  counts: Record<SignalStatusValue, number>;
  /** The practices with a signal, and those unknown, by name. */
  practices: Record<"signal" | "unknown", Array<{ id: string; name: string }>>;
}

export interface GovernanceRow {
  questionId: string;
  text: string;
  counts: Record<StatementChoice | "unanswered", number>;
  /** Per practice that answered: its choice and toelichting. */
  answers: Array<{ practiceId: string; name: string; choice: StatementChoice | null; note: string | null }>;
}

export interface KetenView {
  key: string;
  name: string;
  rows: PortfolioRow[];
  total: number;
  rollup: KetenRollup[];
  governance: GovernanceRow[];
  /** Practices whose governance answers come from an assessment (imported facts have none). */
  withAnswers: number;
}

export async function getKetenView(viewer: Viewer, key: string, lng: Lng): Promise<KetenView | undefined> {
  const listed = await listPortfolio(viewer, { filter: { keten: key }, sort: "name", desc: false, group: "none" });
  if (listed.length === 0) return undefined;
  const rows = await withPracticeContext(await getDb(), listed);
  const q = getCurrentQuestionnaire();
  const rollup = SIGNAL_IDS.map((id): KetenRollup => {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.signals[id] === s).length])) as Record<SignalStatusValue, number>;
    const of = (status: SignalStatusValue) => rows.filter((r) => r.signals[id] === status).map((r) => ({ id: r.practiceId, name: r.name }));
    return { id, title: q.signals.signals.find((s) => s.id === id)!.title[lng], counts, practices: { signal: of("signal"), unknown: of("unknown") } };
  });
  const governance = await governanceAnswers(viewer, rows, lng);
  return { key, name: rows[0]!.ketenName ?? key, rows, total: rows.length, rollup, governance: governance.rows, withAnswers: governance.withAnswers };
}

/** The governance statements across the keten's practices whose row rests on an assessment. */
async function governanceAnswers(viewer: Viewer, rows: PortfolioRow[], lng: Lng) {
  const assessed = rows.filter((r) => r.source !== "import");
  const db = await getDb();
  const sourceIds = assessed.map((r) => r.sourceId);
  const [answers, versions] = sourceIds.length
    ? await Promise.all([
        db.selectFrom("answer").select(["assessment_id", "question_id", "value"]).where("assessment_id", "in", sourceIds).execute(),
        db.selectFrom("assessment").select(["id", "content_version"]).where("id", "in", sourceIds).execute(),
      ])
    : [[], []];
  const version = Math.max(1, ...versions.map((v) => v.content_version));
  const section = getQuestionnaire(version).sectionById.get(GOVERNANCE_SECTION);
  if (!section) return { rows: [], withAnswers: assessed.length };
  const byAssessment = new Map<string, Map<string, AnswerValue>>();
  for (const a of answers) {
    if (!byAssessment.has(a.assessment_id)) byAssessment.set(a.assessment_id, new Map());
    byAssessment.get(a.assessment_id)!.set(a.question_id, JSON.parse(a.value) as AnswerValue);
  }
  const wording = wordingFor(viewer);
  const out = section.questions
    .filter((question) => question.type === "statement")
    .map((question): GovernanceRow => {
      const counts = { ja: 0, deels: 0, nee: 0, "weet-niet": 0, unanswered: 0 };
      const list = assessed.map((r) => {
        const value = byAssessment.get(r.sourceId)?.get(question.id);
        const choice = isStatementValue(value) ? value.choice : null;
        counts[choice ?? "unanswered"]++;
        return { practiceId: r.practiceId, name: r.name, choice, note: isStatementValue(value) ? value.note : null };
      });
      return { questionId: question.id, text: textFor(question.text, lng, wording), counts, answers: list };
    });
  return { rows: out, withAnswers: assessed.length };
}

/**
 * "Eigenaar geen huisarts: 2 van 4 praktijken". A signal that is unknown somewhere says so: "bij geen
 * van de 4" is only written when every practice is known to have no signal.
 */
export function rollupSentence(r: KetenRollup, total: number, t: TFunction) {
  const n = r.counts.signal;
  const unknown = r.counts.unknown;
  const title = r.title.replace(/[.]\s*$/, "");
  if (unknown > 0) return t(n === 0 ? "signalRules.keten.noneButUnknown" : "signalRules.keten.someAndUnknown", { n, total, unknown, title });
  return n === 0 ? t("signalRules.keten.none", { total, title }) : t(`workspaces.keten.rollup.${n === total ? "all" : "some"}`, { n, total, title });
}


/**
 * The conversation guide of a whole keten: every signal and every "onbekend" across its practices
 * (which practices, with the content's questions), the practices where the self-assessment and the
 * reader's own assessment differ, and the governance points answered nee or deels.
 */
export function buildKetenGuide(view: KetenView, viewer: Viewer, t: TFunction, lng: Lng): GuideSection[] {
  const q = getCurrentQuestionnaire();
  const wording = wordingFor(viewer);
  const basis = t("workspaces.keten.guideBasis", { total: view.total });
  const figureOf = (practiceId: string) => view.rows.find((r) => r.practiceId === practiceId)?.patientsPerFte ?? null;
  const entriesFor = (status: "signal" | "unknown"): GuideEntry[] =>
    view.rollup
      .filter((r) => r.practices[status].length > 0)
      .map((r) => {
        const content = q.signals.signals.find((s) => s.id === r.id)!;
        return {
          id: `keten-${status}-${r.id}`,
          kind: status,
          signalId: r.id,
          heading: r.title,
          status: { kind: `signal-${status}`, label: t("workspaces.keten.ofTotal", { n: r.practices[status].length, total: view.total, status: t(`signals.status.${status}`) }) },
          basis,
          evidence: r.practices[status].map((p) => {
            const figure = r.id === "patients-per-fte" ? figureOf(p.id) : null;
            return { label: p.name, value: figure === null ? t(`signals.status.${status}`) : t("signals.figure", { value: formatNumber(figure, lng), threshold: formatNumber(q.parameters.maxPatientsPerFte, lng) }) };
          }),
          kernpunten: content.kernpunten.map((id) => ({ id, text: q.kernpuntById.get(id)?.text[lng] ?? id })),
          source: content.source[lng],
          questions: content.questions[status].map((text) => textFor(text, lng, wording)),
          context: [],
          sides: null,
        };
      });
  const differing = view.rows.filter((r) => r.differs);
  const governance = view.governance
    .filter((g) => g.counts.nee + g.counts.deels > 0)
    .map((g): GuideEntry => {
      const question = q.questionById.get(g.questionId)?.question;
      const open = g.answers.filter((a) => a.choice === "nee" || a.choice === "deels");
      return {
        id: `keten-governance-${g.questionId}`,
        kind: question && question.kernpunten.length === 0 ? "requirement" : "gap",
        heading: g.text,
        status: { kind: g.counts.nee > 0 ? "niet" : "deels", label: t("workspaces.keten.governanceCount", { nee: g.counts.nee, deels: g.counts.deels, total: view.withAnswers }) },
        basis,
        evidence: open.map((a) => ({ label: a.name, value: t(`statement.${a.choice!}`) })),
        kernpunten: (question?.kernpunten ?? []).map((id) => ({ id, text: q.kernpuntById.get(id)?.text[lng] ?? id })),
        source: question?.sources.join("; ") || null,
        questions: question?.type === "statement" && question.dialogue ? [textFor(question.dialogue, lng, wording)] : [],
        context: open.filter((a) => a.note).map((a) => ({ label: a.name, text: a.note! })),
        sides: null,
      };
    });
  const sections: GuideSection[] = [
    { id: "signals", title: t("workspaces.guide.sections.signals"), entries: [...entriesFor("signal"), ...entriesFor("unknown")] },
    {
      id: "differences",
      title: t("workspaces.guide.sections.differences"),
      entries: differing.length
        ? [
            {
              id: "keten-differences",
              kind: "difference",
              heading: t("workspaces.keten.differencesHeading", { n: differing.length, total: view.total }),
              status: { kind: "difference", label: t("workspaces.compare.differs") },
              basis,
              evidence: differing.map((r) => ({ label: r.name, value: t("workspaces.keten.seeComparison") })),
              kernpunten: [],
              source: null,
              questions: [q.dialogue.comparison.question[lng]],
              context: [],
              sides: null,
            },
          ]
        : [],
    },
    { id: "governance", title: t("workspaces.keten.governanceTitle"), entries: governance },
  ];
  return sections.filter((s) => s.entries.length > 0);
}
