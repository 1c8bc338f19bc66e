/**
 * The conversation guide (gespreksleidraad) of a practice, and the afweging's questions before joining
 * (issue 5). Built from what the reader may see: the signals of the source that speaks for the practice,
 * every "onbekend", every difference between the self-assessment and the reader's own assessment, and
 * every kernpunt answered niet or deels; each with its evidence, kernpunt and source, open questions from
 * content and the practice's own context. Ordered for a conversation (dialogue.yaml, guide.order).
 */
import type { TFunction } from "i18next";
import { isStatementValue } from "~/domain/answers";
import type { Perspective } from "~/domain/content/schema";
import type { Questionnaire } from "~/domain/content/questionnaire";
import type { Lng } from "~/i18n";
import { textFor } from "~/utils/content-text";
import { compareAssessments, differencesOf, type Comparison } from "./comparison.server";
import type { AssessmentSource, PracticeWorkspace } from "./practice-workspace.server";
import type { ReportSignal } from "./report.server";
import type { GuideEntryKind, GuideEntry, GuideSection, BeforeJoining } from "~/domain/presented";
export type { GuideEntryKind, GuideEntry, GuideSection, BeforeJoining };





export interface PracticeGuide {
  title: string;
  reading: string;
  order: string;
  sources: string[];
  sections: GuideSection[];
  counts: Record<GuideEntryKind, number>;
  comparison: Comparison | null;
  beforeJoining: BeforeJoining | null;
}

interface GuideInput {
  q: Questionnaire;
  t: TFunction;
  lng: Lng;
  wording: Perspective;
  /** The signals that speak for the practice, and where they come from. */
  signals: ReportSignal[];
  signalBasis: string;
  /** The practice's own self-assessment, if the reader may see it: its context stands beside every point. */
  self: AssessmentSource | null;
  /** The assessment whose kernpunten are walked for gaps: the self-assessment, else the reader's own. */
  gaps: AssessmentSource | null;
  comparison: Comparison | null;
}

const kernpuntRefs = (q: Questionnaire, ids: readonly string[], lng: Lng) => ids.map((id) => ({ id, text: q.kernpuntById.get(id)?.text[lng] ?? id }));
const kernpuntSources = (q: Questionnaire, ids: readonly string[]) => [...new Set(ids.flatMap((id) => q.kernpuntById.get(id)?.sources ?? []))].join("; ") || null;

function signalEntries(input: GuideInput): GuideEntry[] {
  const { t, self } = input;
  const ordered = [...input.signals.filter((s) => s.status === "signal"), ...input.signals.filter((s) => s.status === "unknown")];
  return ordered.map((s) => {
    const practiceContext = self?.report.signals.find((x) => x.id === s.id)?.context;
    return {
      id: `signal-${s.id}`,
      kind: s.status === "signal" ? "signal" : "unknown",
      signalId: s.id,
      heading: s.title,
      status: { kind: `signal-${s.status}`, label: s.statusLabel },
      basis: input.signalBasis,
      evidence: [{ label: t("workspaces.guide.why"), value: s.reason }, ...(s.figure ? [{ label: t("workspaces.guide.figure"), value: s.figure }] : []), ...s.evidence],
      kernpunten: s.kernpunten,
      source: s.source,
      questions: s.questions,
      context: practiceContext ? [{ label: t("workspaces.guide.practiceContext"), text: practiceContext }] : [],
      sides: null,
    };
  });
}

function differenceEntries(input: GuideInput): GuideEntry[] {
  const { comparison, q, t, lng } = input;
  if (!comparison || !input.self) return [];
  const basis = t("workspaces.guide.differenceBasis");
  const question = q.dialogue.comparison.question[lng];
  // The comparison's own definition of a difference, so its count and the guide's topics agree.
  const differences = differencesOf(comparison);
  const fromSignals = differences.signals.map((s): GuideEntry => {
    const content = q.signals.signals.find((c) => c.id === s.id)!;
    return {
      id: `difference-signal-${s.id}`,
      kind: "difference",
      heading: s.title,
      status: { kind: "difference", label: t("workspaces.compare.differs") },
      basis,
      evidence: [],
      kernpunten: kernpuntRefs(q, content.kernpunten, lng),
      source: content.source[lng],
      questions: [question],
      context: [],
      sides: { self: [s.self.label, s.self.figure].filter(Boolean).join(": "), own: [s.own.label, s.own.figure].filter(Boolean).join(": ") },
    };
  });
  const fromQuestions = differences.questions.map(({ section, question: c }): GuideEntry => {
    const note = input.self!.ctx.answers[c.questionId];
    return {
      id: `difference-${c.questionId}`,
      kind: "difference",
      heading: c.text,
      status: { kind: "difference", label: t("workspaces.compare.differs") },
      basis: `${basis} · ${section.title}`,
      evidence: [],
      kernpunten: kernpuntRefs(q, c.kernpunten, lng),
      source: kernpuntSources(q, c.kernpunten),
      questions: [question, ...(c.dialogue ? [c.dialogue] : [])],
      context: isStatementValue(note) && note.note ? [{ label: t("workspaces.guide.practiceNote"), text: note.note }] : [],
      sides: { self: c.self, own: c.own },
    };
  });
  return [...fromSignals, ...fromQuestions];
}

/** Per kernwaarde, the kernpunten not or partly safeguarded, and those a statement answered "weet niet". */
function gapSections(input: GuideInput): GuideSection[] {
  const source = input.gaps;
  if (!source) return [];
  const { q, t, lng, wording } = input;
  const notes = (answersOf: AssessmentSource | null, questionId: string) => {
    const value = answersOf?.ctx.answers[questionId];
    return isStatementValue(value) && value.note ? value.note : null;
  };
  const weetNiet = (questionId: string) => {
    const value = source.ctx.answers[questionId];
    return isStatementValue(value) && value.choice === "weet-niet";
  };
  return source.report.kernwaarden.map((k) => ({
    id: `kernwaarde-${k.id}`,
    title: k.title,
    entries: k.kernpunten
      // An unanswered kernpunt is a question still to answer; one answered "weet niet" is a topic.
      .filter((kp) => kp.status === "niet" || kp.status === "deels" || (kp.status === "onbekend" && kp.statements.some((s) => weetNiet(s.questionId))))
      .map((kp): GuideEntry => {
        const open = kp.statements.filter((s) => s.status === "niet" || s.status === "deels" || s.status === "onbekend");
        const questions = open.map((s) => {
          const content = q.questionById.get(s.questionId)?.question;
          return content?.type === "statement" && content.dialogue ? textFor(content.dialogue, lng, wording) : s.text;
        });
        const context = open
          .map((s) => notes(input.self, s.questionId) ?? (source.kind === "self" ? null : s.note))
          .filter((n): n is string => Boolean(n))
          .map((text) => ({ label: t(input.self ? "workspaces.guide.practiceNote" : "workspaces.guide.note"), text }));
        return {
          id: `gap-${kp.id}`,
          kind: kp.status === "onbekend" ? "unknown" : "gap",
          heading: kp.text,
          status: { kind: kp.status, label: kp.statusLabel },
          basis: source.label,
          evidence: kp.statements.map((s) => ({ label: s.text, value: s.answer })),
          kernpunten: [{ id: kp.id, text: kp.text }],
          source: kernpuntSources(q, [kp.id]),
          questions: [...new Set(questions)],
          context,
          sides: null,
        };
      }),
  }));
}

/** Checklist statements that serve no kernpunt (Wtza, Wkkgz, Wmg) answered nee or deels. */
function requirementEntries(input: GuideInput): GuideEntry[] {
  const source = input.gaps;
  if (!source) return [];
  const { t, lng, wording } = input;
  return source.ctx.states.flatMap((state) =>
    state.visible
      .filter((question) => question.type === "statement" && question.kernpunten.length === 0)
      .flatMap((question): GuideEntry[] => {
        const value = source.ctx.answers[question.id];
        if (!isStatementValue(value) || (value.choice !== "nee" && value.choice !== "deels")) return [];
        const status = value.choice === "nee" ? "niet" : "deels";
        return [
          {
            id: `requirement-${question.id}`,
            kind: "requirement",
            heading: textFor(question.text, lng, wording),
            status: { kind: status, label: t(`statement.${value.choice}`) },
            basis: `${source.label} · ${state.section.title[lng]}`,
            evidence: [],
            kernpunten: [],
            source: question.sources.join("; ") || null,
            questions: question.type === "statement" && question.dialogue ? [textFor(question.dialogue, lng, wording)] : [],
            context: value.note ? [{ label: t(source.kind === "self" ? "workspaces.guide.practiceNote" : "workspaces.guide.note"), text: value.note }] : [],
            sides: null,
          },
        ];
      }),
  );
}

export function guideSections(input: GuideInput): GuideSection[] {
  const { t } = input;
  const sections: GuideSection[] = [
    { id: "signals", title: t("workspaces.guide.sections.signals"), entries: signalEntries(input) },
    { id: "differences", title: t("workspaces.guide.sections.differences"), entries: differenceEntries(input) },
    ...gapSections(input),
    { id: "requirements", title: t("workspaces.guide.sections.requirements"), entries: requirementEntries(input) },
  ];
  return sections.filter((s) => s.entries.length > 0);
}

/**
 * "Vragen om te stellen voordat u instapt": the five criteria huisartsen use themselves, the minimum
 * arrangements and the check for a vaste huisarts (002, par. 4.2 Continuïteit and Praktijkhouderschap),
 * the general questions, then every question of the guide with its topic; with the source's advice
 * above the patients line and when only waarnemers give the care.
 */
export function beforeJoining(q: Questionnaire, lng: Lng, sections: GuideSection[], signals: ReportSignal[]): BeforeJoining {
  const a = q.dialogue.afweging;
  const above = signals.find((s) => s.id === "patients-per-fte")?.status === "signal";
  const presence = signals.find((s) => s.id === "no-gp-present")?.result.figure;
  const onlyWaarnemers = presence?.name === "presence" && presence.onlyWaarnemers === true;
  const topic = a.title[lng];
  const seen = new Set<string>();
  const fixed = [...a.criteria, ...a.arrangements, a.waarnemers].map((c) => ({ topic: c.topic[lng], question: c.question[lng] }));
  const questions = [
    ...fixed,
    ...a.general.map((g) => ({ topic, question: g[lng] })),
    ...sections.flatMap((s) => s.entries.flatMap((e) => e.questions.map((question) => ({ topic: e.heading, question })))),
  ].filter((x) => (seen.has(x.question) ? false : (seen.add(x.question), true)));
  return {
    title: a.title[lng],
    intro: a.intro[lng],
    advice: [...(above ? [a["above-line"][lng]] : []), ...(onlyWaarnemers ? [a["only-waarnemers"][lng]] : [])],
    questions,
    source: a.source[lng],
  };
}

function countKinds(sections: GuideSection[]) {
  const counts: Record<GuideEntryKind, number> = { signal: 0, unknown: 0, difference: 0, gap: 0, requirement: 0 };
  for (const e of sections.flatMap((s) => s.entries)) counts[e.kind]++;
  return counts;
}

/** The guide of one practice for the reader of the workspace. */
export function buildPracticeGuide(w: PracticeWorkspace): PracticeGuide {
  const content = w.questionnaire;
  const comparison = w.self && w.own ? compareAssessments(w.self, w.own, w.t, w.lng, w.wording) : null;
  const signals = w.basis.kind === "import" ? w.basis.signals : w.basis.report.signals;
  const sections = guideSections({
    q: content,
    t: w.t,
    lng: w.lng,
    wording: w.wording,
    signals,
    signalBasis: w.basis.label,
    self: w.self,
    gaps: w.self ?? w.own,
    comparison,
  });
  const afweging = w.viewer.organisationKind === "huisarts";
  return {
    title: afweging ? content.dialogue.afweging.title[w.lng] : content.dialogue.guide.title[w.lng],
    reading: content.dialogue.guide.reading[w.lng],
    order: content.dialogue.guide.order[w.lng],
    sources: [w.self, w.own, w.imported].filter((s) => s !== null).map((s) => s.label),
    sections,
    counts: countKinds(sections),
    comparison,
    beforeJoining: afweging ? beforeJoining(content, w.lng, sections, signals) : null,
  };
}

/** The afweging's own report ends in the questions before joining, from the afweging alone. */
export function beforeJoiningFor(source: AssessmentSource, t: TFunction, lng: Lng): BeforeJoining {
  const q = source.ctx.questionnaire;
  const sections = guideSections({ q, t, lng, wording: "afweging", signals: source.report.signals, signalBasis: source.label, self: null, gaps: source, comparison: null });
  return beforeJoining(q, lng, sections, source.report.signals);
}
