/**
 * The words of issue 13's marks, built on the server in the reader's language (so the questionnaire's
 * browser bundle does not grow): where a prefilled answer came from, which rule chose between two
 * sources, who confirmed it, what changed since the previous version.
 */
import type { TFunction } from "i18next";
import type { Answers } from "~/domain/answers";
import type { Questionnaire } from "~/domain/content/questionnaire";
import type { Section } from "~/domain/content/schema";
import type { AnswerOrigin, PrefillRef } from "~/domain/prefill";
import { changedSince } from "~/domain/versions";
import type { Lng } from "~/i18n";
import { formatAnswer } from "~/utils/format-answer";
import { formatDate } from "~/domain/format";
import type { AnswerMarkView, NavItem } from "~/domain/presented";
import { SIGNAL_COLUMN } from "~/domain/portfolio";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import { diffVersions, type SignalStatuses } from "~/domain/versions";
import { textFor } from "~/utils/content-text";
import type { AssessmentContext } from "./assessment-context.server";
import { previousVisibleVersion, type AnswerMeta, type SectionConfirmation } from "./known.server";

function refText(ref: PrefillRef, t: TFunction, lng: Lng) {
  return ref.source === "self-assessment"
    ? t("known.origin.self", { practice: ref.practiceName, version: ref.versionNo, date: formatDate(ref.submittedAt, lng) })
    : t("known.origin.import", { date: formatDate(ref.importedAt, lng), sourceDate: formatDate(ref.sourceDate, lng) });
}

/** "Overgenomen uit …", and when both sources had a value, the rule that chose. */
export function originTexts(origin: AnswerOrigin, t: TFunction, lng: Lng): { origin: string; other: string | null } {
  const other = origin.other;
  let otherText: string | null = null;
  if (other) {
    if (other.same) otherText = t("known.origin.otherSame");
    else if (other.ref.source === "self-assessment")
      otherText = t("known.origin.otherSelfDiffers", { practice: other.ref.practiceName, version: other.ref.versionNo, date: formatDate(other.ref.submittedAt, lng) });
    else otherText = t("known.origin.otherImportDiffers", { sourceDate: formatDate(other.ref.sourceDate, lng) });
  }
  return { origin: refText(origin, t, lng), other: otherText };
}

export function confirmedText(by: string | null, at: string, t: TFunction, lng: Lng, kind: "origin" | "section") {
  const date = formatDate(at, lng);
  return by ? t(`known.${kind}.confirmed`, { by, date }) : t(`known.${kind}.confirmedByUnknown`, { date });
}

/** The marks of a section's questions: taken over (with source and confirmation), changed since version N. */
export function sectionMarks(input: {
  questionnaire: Questionnaire;
  section: Section;
  answers: Answers;
  meta: Map<string, AnswerMeta>;
  previous: { versionNo: number; answers: Answers } | null;
  t: TFunction;
  lng: Lng;
}): Record<string, AnswerMarkView> {
  const { t, lng } = input;
  const changed = input.previous ? changedSince(input.questionnaire, input.previous.answers, input.answers) : new Map();
  const marks: Record<string, AnswerMarkView> = {};
  for (const q of input.section.questions) {
    const meta = input.meta.get(q.id);
    const change = changed.get(q.id);
    if (!meta?.origin && !change) continue;
    const texts = meta?.origin ? originTexts(meta.origin, t, lng) : null;
    marks[q.id] = {
      origin: texts?.origin ?? null,
      other: texts?.other ?? null,
      confirmed: meta?.origin && meta.confirmedAt ? confirmedText(meta.confirmedBy, meta.confirmedAt, t, lng, "origin") : null,
      changed: change ? { label: t("known.changed.mark", { version: input.previous!.versionNo }), was: t("known.changed.was", { value: formatAnswer(q, change.before, t, lng) }) } : null,
    };
  }
  return marks;
}

/**
 * A next version's sections count as done once confirmed ("Klopt nog"): carried-over answers make every
 * section look answered, so the nav says which are confirmed and which still ask a look.
 */
export function navWithConfirmations(items: NavItem[], confirmations: Map<string, SectionConfirmation>, isNextVersion: boolean): NavItem[] {
  if (!isNextVersion) return items;
  return items.map((item) => ({ ...item, confirmed: confirmations.has(item.id) }));
}

/** For the report: what changed since the previous version the reader may see, in words; null without one. */
export async function changesSincePrevious(ctx: Pick<AssessmentContext, "assessment" | "viewer" | "questionnaire" | "answers">, t: TFunction, lng: Lng) {
  const previous = await previousVisibleVersion(ctx.assessment, ctx.viewer);
  if (!previous) return null;
  const current: SignalStatuses = Object.fromEntries(SIGNAL_IDS.map((id) => [id, ctx.assessment[SIGNAL_COLUMN[id]] ?? null]));
  const diff = diffVersions(ctx.questionnaire, { answers: previous.answers, signals: previous.signals }, { answers: ctx.answers, signals: current });
  const title = (id: string) => ctx.questionnaire.signals.signals.find((s) => s.id === id)?.title[lng] ?? id;
  return {
    versionNo: previous.assessment.version_no,
    previousId: previous.assessment.id,
    signals: diff.signals
      .filter((s) => s.changed)
      .map((s) => t("known.report.signalChanged", { signal: title(s.id), before: t(`signals.status.${s.before ?? "unknown"}`), after: t(`signals.status.${s.after ?? "unknown"}`) })),
    answers: diff.answers
      .filter((r) => r.change !== null)
      .map((r) => {
        const { question, section } = ctx.questionnaire.questionById.get(r.questionId)!;
        return {
          id: r.questionId,
          question: textFor(question.text, lng, ctx.assessment.perspective),
          section: section.title[lng],
          after: formatAnswer(question, r.after, t, lng),
          was: t("known.changed.was", { value: formatAnswer(question, r.before, t, lng) }),
        };
      }),
  };
}

export type ReportChanges = NonNullable<Awaited<ReturnType<typeof changesSincePrevious>>>;
