/**
 * Where an answer came from and what happened to it since (issue 13): taken over from a source the
 * organisation could see (with "Klopt" to confirm it as it is), or changed since the previous version
 * with the previous value. The words come from the loader; this only lays them out.
 */
import { useTranslation } from "react-i18next";
import { Icon } from "./icon";
import type { AnswerMarkView } from "~/domain/presented";
export type { AnswerMarkView };


export function AnswerMark({ questionId, questionText, mark, canConfirm }: { questionId: string; questionText: string; mark: AnswerMarkView; canConfirm: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="answer-mark" id={`mark-${questionId}`}>
      {mark.origin ? (
        <p className="answer-mark-origin">
          <strong>{t("known.origin.label")}:</strong> {mark.origin}
          {mark.other ? <> {mark.other}</> : null}{" "}
          {mark.confirmed ? (
            <span className="answer-mark-confirmed">
              <Icon name="check" />
              {mark.confirmed}
            </span>
          ) : canConfirm ? (
            <>
              <span className="hint">{t("known.origin.todo")}</span>{" "}
              <button type="submit" name="_intent" value={`confirm:${questionId}`} className="secondary small" aria-label={t("known.origin.confirmFor", { question: questionText })}>
                {t("known.origin.confirm")}
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      {mark.changed ? (
        <p className="answer-mark-changed">
          <span className="badge badge--difference">{mark.changed.label}</span> <span className="hint">{mark.changed.was}</span>
        </p>
      ) : null}
    </div>
  );
}
