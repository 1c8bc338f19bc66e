/**
 * Register facts in the questionnaire (issue 13): shown as given, with where they come from, never asked.
 * A concept shows the register as it is; a submitted version what it said when it was submitted.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Perspective, Question } from "~/domain/content/schema";
import type { Answers } from "~/domain/answers";
import { useContentText, useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";

export interface GivenSource {
  /** When a person last changed the register, and who (null: as signed up or imported). */
  changedAt: string | null;
  changedBy: string | null;
  /** A submitted version: when it was submitted (its answers hold the register as it was then). */
  submittedAt: string | null;
  /** The viewer keeps this practice's register: a link to change it there. */
  editUrl: string | null;
}

export function GivenFacts({ questions, answers, perspective, source }: { questions: Question[]; answers: Answers; perspective: Perspective; source: GivenSource }) {
  const { t } = useTranslation();
  const lng = useLng();
  const { text } = useContentText(perspective);
  if (questions.length === 0) return null;
  const where = source.submittedAt
    ? t("register.given.snapshot", { date: formatDateTime(source.submittedAt, lng) })
    : source.changedAt
      ? source.changedBy
        ? t("register.given.changed", { date: formatDateTime(source.changedAt, lng), name: source.changedBy })
        : t("register.given.changedNoName", { date: formatDateTime(source.changedAt, lng) })
      : t("register.given.asSignedUp");
  return (
    <section className="given-facts card" aria-labelledby="given-facts-title">
      <p id="given-facts-title" className="hint">
        {t("register.given.lead")}
      </p>
      <dl className="facts">
        {questions.map((q) => {
          const value = answers[q.id];
          return (
            <div key={q.id} id={`q-${q.id}`} className="given-fact">
              <dt>{text(q.text)}</dt>
              <dd>{typeof value === "string" && value !== "" ? value : <span className="hint">{t("register.given.empty")}</span>}</dd>
            </div>
          );
        })}
      </dl>
      <p className="hint">
        {where}
        {source.editUrl && !source.submittedAt ? (
          <>
            {" "}
            <Link to={source.editUrl}>{t("register.given.edit")}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
