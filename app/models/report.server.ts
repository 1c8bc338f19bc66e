/**
 * The report of an assessment, built once and read everywhere: the overview's signals, the report
 * page, the PDF, the JSON and the CSV export. Localised to one language and the assessment's perspective.
 */
import type { TFunction } from "i18next";
import { isStatementValue, type AnswerValue } from "~/domain/answers";
import type { Perspective } from "~/domain/content/schema";
import type { Questionnaire } from "~/domain/content/questionnaire";
import { deriveFigures, type DerivedFigures } from "~/domain/derived";
import { factsFromAnswers, signalFactsFromPractice, type PracticeFacts } from "~/domain/facts";
import { kernpuntOverview } from "~/domain/overview";
import { evaluateSignals, type RulesVersion, type SignalResult, type SignalResults, type StoredSignals } from "~/domain/signals";
import type { Lng } from "~/i18n";
import i18next from "~/i18next.server";
import { textFor } from "~/utils/content-text";
import { formatAnswer } from "~/utils/format-answer";
import { formatDateTime, formatNumber, formatPercent } from "~/domain/format";
import type { AssessmentContext } from "./assessment-context.server";
import { getSignalContexts } from "./signal-context.server";
import { readStoredSignals } from "./signal-store.server";
import type { LabelledValue, ReportSignal, ReportKernpunt, ReportRules } from "~/domain/presented";
export type { LabelledValue, ReportSignal, ReportKernpunt, ReportRules };





export interface GuideItem {
  kind: "signal" | "unknown" | "gap";
  title: string;
  detail: string;
  questions: string[];
  context: string | null;
}

export interface Report {
  assessmentId: string;
  practiceName: string;
  practiceAgb: string | null;
  perspective: string;
  contentVersion: number;
  contentPublished: string;
  generatedAt: string;
  generatedAtText: string;
  reading: string;
  facts: LabelledValue[];
  figures: LabelledValue[];
  signals: ReportSignal[];
  kernwaarden: Array<{ id: string; title: string; kernpunten: ReportKernpunt[] }>;
  openItems: Array<{ title: string; note: string | null; questionId: string | null; sectionId: string | null }>;
  guide: GuideItem[];
  rules: ReportRules;
  raw: { facts: PracticeFacts; figures: DerivedFigures; answers: Record<string, AnswerValue> };
}

function figureList(figures: DerivedFigures, t: TFunction, lng: Lng): LabelledValue[] {
  const n = (v: number | null, digits = 0) => (v === null ? t("derived.unknown") : formatNumber(v, lng, digits));
  return [
    { label: t("derived.fte"), value: n(figures.fteHuisarts, 2) },
    { label: t("derived.patientsPerFte"), value: figures.patientsWithoutHuisartsHours ? t("derived.noHours") : n(figures.patientsPerFte) },
    { label: t("derived.consultsPerDayPerFte"), value: n(figures.consultsPerDayPerFte, 1) },
    { label: t("derived.consultsPerDay"), value: n(figures.consultsPerDay) },
    { label: t("derived.waarnemerShare"), value: figures.waarnemerShare === null ? t("derived.unknown") : formatPercent(figures.waarnemerShare, lng) },
    {
      label: t("derived.presence"),
      value:
        figures.presence === null
          ? t("derived.unknown")
          : Object.entries(figures.presence)
              .map(([day, count]) => `${t(`weekday.short.${day}`)} ${count}`)
              .join(", "),
    },
  ];
}

function evidenceValue(key: string, value: unknown, t: TFunction, lng: Lng): string {
  if (value === null || value === undefined) return t("signals.value.onbekend");
  if (Array.isArray(value)) return value.length === 0 ? t("signals.value.none") : value.map((d) => t(`weekday.long.${d}`)).join(", ");
  if (typeof value === "number") return formatNumber(value, lng, key === "fte" ? 2 : 1);
  return t(`signals.value.${String(value)}`, { defaultValue: String(value) });
}

export function signalFigureText(result: SignalResult, t: TFunction, lng: Lng): string | null {
  const figure = result.figure;
  if (!figure) return null;
  if (figure.name === "presence") {
    if (figure.huisartsen === null || figure.huisartsen === 0) return null;
    const below = t("rulesExplained.presenceFigure.below", { count: figure.belowMinDays ?? 0, total: figure.huisartsen, min: figure.minDays });
    return figure.onlyWaarnemers ? `${below} ${t("rulesExplained.presenceFigure.onlyWaarnemers")}` : below;
  }
  const threshold = formatNumber(figure.threshold, lng);
  if (figure.infinite) return t("signals.figureInfinite", { threshold });
  if (figure.value === null) return t("signals.figureUnknown", { threshold });
  return t("signals.figure", { value: formatNumber(figure.value, lng), threshold });
}

/**
 * A reason in words, its values (value codes such as "deels") worded too. Version 1's reasons keep
 * their own texts; a later version words a code anew where it means something else (rules-explained).
 */
export function signalReasonText(result: SignalResult, t: TFunction, version: RulesVersion): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(result.params ?? {})) {
    params[key] = typeof value === "number" ? value : key === "why" ? t(`rulesExplained.why.${value}`) : t(`signals.value.${value}`, { defaultValue: value });
  }
  const keys = version === 1 ? [`signals.reason.${result.reason}`] : [`rulesExplained.reason.${result.reason}`, `signals.reason.${result.reason}`];
  return t(keys, params);
}

const evidenceLabel = (key: string, t: TFunction) => t([`rulesExplained.evidence.${key}`, `signals.evidence.${key}`]);

/**
 * The engine's results as report signals: wording, evidence, figure, kernpunten, source, reading and
 * the open questions worded for the given perspective, with the practice's context where it has one.
 */
export function reportSignals(
  results: SignalResults,
  input: {
    questionnaire: Questionnaire;
    t: TFunction;
    lng: Lng;
    wording: Perspective;
    /** The rules version that computed the results (default: the one in force). */
    rulesVersion?: RulesVersion;
    contexts?: Map<string, { text: string; revision: number }>;
  },
): ReportSignal[] {
  const { questionnaire: q, t, lng, wording } = input;
  const version = input.rulesVersion ?? q.parameters.rulesVersion;
  return q.signals.signals.map((content) => {
    const result = results[content.id];
    const stored = input.contexts?.get(content.id);
    return {
      id: content.id,
      title: content.title[lng],
      status: result.status,
      statusLabel: t(`signals.status.${result.status}`),
      reason: signalReasonText(result, t, version),
      evidence: Object.entries(result.evidence).map(([key, value]) => ({ label: evidenceLabel(key, t), value: evidenceValue(key, value, t, lng) })),
      figure: signalFigureText(result, t, lng),
      kernpunten: content.kernpunten.map((id) => ({ id, text: q.kernpuntById.get(id)?.text[lng] ?? id })),
      source: content.source[lng],
      reading: content.reading[lng],
      questions: result.status === "no-signal" ? [] : content.questions[result.status].map((text) => textFor(text, lng, wording)),
      context: stored?.text ? stored.text : null,
      contextRevision: stored?.revision ?? 0,
      result,
    };
  });
}

/**
 * The report of an assessment. `wording` words the questions for another reader than the author: an
 * insurer's guide built on a practice's self-assessment asks about "de praktijk", not "wij".
 */
export async function buildReport(ctx: AssessmentContext, lng: Lng, options: { wording?: Perspective } = {}): Promise<Report> {
  const t = await i18next.getFixedT(lng);
  const q = ctx.questionnaire;
  const perspective = options.wording ?? ctx.assessment.perspective;
  const text = (value: Parameters<typeof textFor>[0]) => textFor(value, lng, perspective);
  const facts = factsFromAnswers(ctx.answers);
  const figures = deriveFigures(facts, q.parameters);
  // The rules in force, on the answers as they are now.
  const live: StoredSignals = {
    rulesVersion: q.parameters.rulesVersion,
    results: evaluateSignals(signalFactsFromPractice(facts, { ketenMember: ctx.assessment.practice_keten_id !== null }), q.parameters),
  };
  // A submitted version is never re-evaluated silently: it shows its results as they were computed.
  const stored = ctx.assessment.status === "ingediend" ? readStoredSignals(ctx.assessment) : null;
  const shown = stored ?? live;
  const contexts = await getSignalContexts(ctx.assessment.id);
  const signals = reportSignals(shown.results, { questionnaire: q, t, lng, wording: perspective, rulesVersion: shown.rulesVersion, contexts });
  const rules: ReportRules = {
    version: shown.rulesVersion,
    current: live.rulesVersion,
    asComputed: stored !== null,
    currentWouldSay: stored
      ? q.signals.signals.map((content) => {
          const now = live.results[content.id];
          return {
            id: content.id,
            title: content.title[lng],
            status: now.status,
            statusLabel: t(`signals.status.${now.status}`),
            reason: signalReasonText(now, t, live.rulesVersion),
            differs: now.status !== stored.results[content.id].status,
          };
        })
      : null,
  };

  const outcomes = kernpuntOverview(q, ctx.answers);
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  const kernwaarden = q.kernwaarden.map((k) => ({
    id: k.id,
    title: k.title[lng],
    kernpunten: k.kernpunten.map((kp): ReportKernpunt => {
      const outcome = byId.get(kp.id)!;
      return {
        id: kp.id,
        text: kp.text[lng],
        status: outcome.status,
        statusLabel: t(`status.${outcome.status}`),
        statements: outcome.statements.map((s) => ({
          questionId: s.question.id,
          sectionId: q.questionById.get(s.question.id)!.section.id,
          text: text(s.question.text),
          answer: s.answer ? t(`statement.${s.answer.choice}`) : s.autoReason ? s.autoReason[lng] : s.shown ? t("report.noAnswer") : t("signalRules.notAsked"),
          status: s.status,
          note: s.answer?.note ?? null,
          autoReason: s.autoReason ? s.autoReason[lng] : null,
          shown: s.shown,
        })),
      };
    }),
  }));

  const factSection = q.sections[0]!;
  const factList = factSection.questions.map((question) => ({
    label: text(question.text),
    value: formatAnswer(question, ctx.answers[question.id] ?? null, t, lng),
  }));

  // Every statement the walk shows, wherever it is: checklist items without a kernpunt count too.
  const shownStatements = ctx.states.flatMap((state) =>
    state.visible.filter((question) => question.type === "statement").map((question) => ({ question, section: state.section })),
  );
  const answerOf = (id: string) => {
    const value = ctx.answers[id];
    return isStatementValue(value) ? value : null;
  };
  const bare = (title: string) => title.replace(/[.:]\s*$/, "");

  // Open items: every signal that is unknown and every statement answered "weet niet".
  const openItems = [
    ...signals
      .filter((s) => s.status === "unknown")
      .map((s) => ({ title: `${bare(s.title)}: ${s.reason}`, note: s.context, questionId: null, sectionId: null })),
    ...shownStatements
      .filter(({ question }) => answerOf(question.id)?.choice === "weet-niet")
      .map(({ question, section }) => ({ title: text(question.text), note: answerOf(question.id)?.note ?? null, questionId: question.id, sectionId: section.id })),
  ];

  // Checklist statements that serve no kernpunt (Wtza, Wkkgz, Wmg, governance) answered nee, deels or
  // weet niet: topics even where no signal follows (a huisarts owner's "deels" governance, rules v2).
  const checklist = (choices: readonly string[]): GuideItem[] =>
    shownStatements
      .filter(({ question }) => question.kernpunten.length === 0 && choices.includes(answerOf(question.id)?.choice ?? ""))
      .map(({ question, section }) => ({
        kind: answerOf(question.id)!.choice === "weet-niet" ? ("unknown" as const) : ("gap" as const),
        title: text(question.text),
        detail: `${section.title[lng]}: ${t(`statement.${answerOf(question.id)!.choice}`)}`,
        questions: question.dialogue ? [text(question.dialogue)] : [],
        context: answerOf(question.id)?.note ?? null,
      }));

  // The conversation guide: signals first, then unknowns, then kernpunten not or partly safeguarded.
  const guide: GuideItem[] = [
    ...signals
      .filter((s) => s.status !== "no-signal")
      .sort((a, b) => (a.status === b.status ? 0 : a.status === "signal" ? -1 : 1))
      .map((s) => ({ kind: s.status === "signal" ? ("signal" as const) : ("unknown" as const), title: s.title, detail: [s.reason, s.figure].filter(Boolean).join(" "), questions: s.questions, context: s.context })),
    ...checklist(["weet-niet"]),
    ...outcomes
      .filter((o) => o.status === "niet" || o.status === "deels")
      .map((o) => {
        const gaps = o.statements.filter((s) => s.status === "niet" || s.status === "deels");
        return {
          kind: "gap" as const,
          title: t("report.gap", { id: o.id, status: t(`status.${o.status}`) }),
          detail: q.kernpuntById.get(o.id)!.text[lng],
          questions: gaps.map((s) => (s.question.dialogue ? text(s.question.dialogue) : text(s.question.text))),
          context: gaps.map((s) => s.answer?.note).filter(Boolean).join(" ") || null,
        };
      }),
    ...checklist(["nee", "deels"]),
  ];

  const generatedAt = new Date().toISOString();
  return {
    assessmentId: ctx.assessment.id,
    practiceName: ctx.assessment.practice_name,
    practiceAgb: ctx.assessment.practice_agb,
    perspective: t(`perspective.${ctx.assessment.perspective}`),
    contentVersion: q.version,
    contentPublished: q.published,
    generatedAt,
    generatedAtText: formatDateTime(generatedAt, lng),
    reading: q.signals.reading[lng],
    facts: factList,
    figures: figureList(figures, t, lng),
    signals,
    kernwaarden,
    openItems,
    guide,
    rules,
    raw: { facts, figures, answers: ctx.answers },
  };
}
