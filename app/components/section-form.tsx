/**
 * A section of the questionnaire as one real <form>: it posts and saves without JavaScript; with
 * JavaScript react-hook-form validates with the same zod schema as the action, every answer autosaves,
 * skip logic and derived figures follow the answers live.
 */
import { CsrfInput, useRenewCsrf } from "~/components/csrf-input";
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { questionSchema, sectionSchema, toFormValue, type AnswerConflict, type Answers, type AnswerValue } from "~/domain/answers";
import type { Parameters, Perspective, Question, Section } from "~/domain/content/schema";
import { deriveFigures } from "~/domain/derived";
import { factsFromAnswers } from "~/domain/facts";
import { evaluate } from "~/domain/conditions";
import { questionBlocks } from "~/domain/question-groups";
import { Icon } from "./icon";
import { useContentText, useLng } from "~/utils/content-text";
import { formatAnswer } from "~/utils/format-answer";
import { formatTime } from "~/domain/format";
import { DerivedFiguresPanel } from "./derived-figures";
import { QuestionField, type ConflictView } from "./questions/question-field";
import type { AnswerMarkView } from "./answer-mark";
import { GivenFacts, type GivenSource } from "./questions/given-facts";
import { useAutosave } from "./use-autosave";

export interface SectionFormProps {
  section: Section;
  perspective: Perspective;
  parameters: Parameters;
  /** Stored answers of the whole assessment: skip logic and figures may depend on other sections. */
  answers: Answers;
  defaults: Record<string, unknown>;
  revisions: Record<string, number>;
  serverErrors: Record<string, string>;
  /** Other answers a full-form post ran into (the page rendered after it). */
  conflicts: AnswerConflict[];
  kernpuntTexts: Record<string, string>;
  autosaveUrl: string;
  showDerived: boolean;
  hasNext: boolean;
  readOnly: boolean;
  /** Per question: where its answer came from, or that it changed since the previous version (issue 13). */
  marks?: Record<string, AnswerMarkView>;
  /** "Klopt nog": the section can be confirmed as it stands (a next version, or answers taken over). */
  confirm?: { intro: string | null; status: string | null } | null;
  /** Where the register facts of this section come from (issue 13); they are shown, never asked. */
  given?: GivenSource;
}

/** The section's current form values, parsed where valid, over the stored answers. */
function mergeAnswers(section: Section, stored: Answers, values: Record<string, unknown>): Answers {
  const merged: Answers = { ...stored };
  for (const q of section.questions) {
    if (!(q.id in values)) continue;
    const parsed = questionSchema(q).safeParse(values[q.id]);
    if (!parsed.success) continue;
    if (parsed.data === null) delete merged[q.id];
    else merged[q.id] = parsed.data as AnswerValue;
  }
  return merged;
}


export function SectionForm(props: SectionFormProps) {
  const { section, perspective, parameters, answers, defaults, serverErrors, kernpuntTexts } = props;
  const { t } = useTranslation();
  const lng = useLng();
  const { text, local } = useContentText(perspective);
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const schema = useMemo(() => sectionSchema(section), [section]);
  const methods = useForm<Record<string, unknown>>({
    defaultValues: defaults,
    // The resolver's types cannot follow a schema built from content at run time.
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
  });
  // Once JavaScript runs every answer saves itself: the line says no more than that.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const values = useWatch({ control: methods.control }) as Record<string, unknown>;
  const live = useMemo(() => mergeAnswers(section, answers, values), [section, answers, values]);
  const figures = useMemo(() => deriveFigures(factsFromAnswers(live), parameters), [live, parameters]);

  const validate = useCallback((questionId: string) => methods.trigger(questionId), [methods]);
  const onErrors = useCallback(
    (errors: Record<string, string>) => {
      for (const [path, message] of Object.entries(errors)) methods.setError(path, { type: "server", message });
    },
    [methods],
  );
  const questionById = useMemo(() => new Map(section.questions.map((q) => [q.id, q])), [section]);
  const applyTheirs = useCallback(
    (questionId: string, value: AnswerValue | null) => {
      const question = questionById.get(questionId);
      if (!question) return;
      methods.clearErrors(questionId);
      methods.setValue(questionId, toFormValue(question, value ?? undefined), { shouldDirty: false });
    },
    [methods, questionById],
  );
  const renewCsrf = useRenewCsrf();
  const autosave = useAutosave({
    url: props.autosaveUrl,
    sectionId: section.id,
    form: formRef,
    initialRevisions: props.revisions,
    initialConflicts: props.conflicts,
    initialInvalid: [...new Set(Object.keys(serverErrors).map((path) => path.split(".")[0]!))],
    validate,
    onErrors,
    applyTheirs,
    renewCsrf,
  });
  const onResolve = useCallback(
    (questionId: string, choice: "keep" | "take") => (choice === "keep" ? autosave.keep(questionId) : autosave.take(questionId)),
    [autosave],
  );
  const conflictView = (questionId: string): ConflictView | undefined => {
    const conflict = autosave.conflicts[questionId];
    const question = questionById.get(questionId);
    if (!conflict || !question) return undefined;
    const mine = questionSchema(question).safeParse(values[questionId]);
    return {
      theirs: formatAnswer(question, conflict.theirs, t, lng),
      mine: mine.success ? formatAnswer(question, mine.data, t, lng) : t("saving.reason.invalid"),
      by: conflict.by,
      at: conflict.at,
      revision: conflict.revision,
    };
  };
  const unsavedText =
    autosave.unsaved.length === 0
      ? null
      : t("saving.notSaved", {
          count: autosave.unsaved.length,
          fields: autosave.unsaved
            .map(({ questionId, reason }) => {
              const question = questionById.get(questionId);
              return t("saving.field", { label: question ? text(question.text) : questionId, reason: t(`saving.reason.${reason}`) });
            })
            .join("; "),
        });

  // Skip logic on the live answers; the figures are derived once per render, not per question.
  const ctx = { answers: live, derived: figures, parameters };
  const shown = section.questions.filter((q) => !q.showWhen || evaluate(q.showWhen, ctx));
  const isGiven = (q: (typeof shown)[number]) => q.type === "text" && q.register !== undefined;
  const given = shown.filter(isGiven);
  const visible = shown.filter((q) => !isGiven(q));
  const field = (question: Question) => (
    <QuestionField
      key={question.id}
      question={question}
      perspective={perspective}
      defaults={defaults}
      serverErrors={serverErrors}
      kernpuntTexts={kernpuntTexts}
      ui={autosave.ui[question.id]}
      conflict={conflictView(question.id)}
      onCommit={autosave.commit}
      onResolve={onResolve}
      mark={props.marks?.[question.id]}
      canConfirm={!props.readOnly}
    />
  );

  return (
    <FormProvider {...methods}>
      <div className={props.showDerived ? "section-layout with-aside" : "section-layout"}>
        <Form
          method="post"
          ref={formRef}
          noValidate
          className="section-form"
          aria-describedby="autosave-status"
          onSubmit={(event) => {
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            event.preventDefault();
            void methods.handleSubmit(() => {
              if (formRef.current) submit(new FormData(formRef.current, submitter), { method: "post" });
            })();
          }}
        >
          {/* Enter in a field saves the form; it must never press a row's or a conflict's button. */}
          <button type="submit" name="_intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
          <CsrfInput />
          <input type="hidden" name="_section" value={section.id} />
          {Object.entries(autosave.revisions).map(([id, revision]) => (
            <input key={id} type="hidden" name={`_rev.${id}`} value={revision} />
          ))}
          <GivenFacts questions={given} answers={answers} perspective={perspective} source={props.given ?? { changedAt: null, changedBy: null, submittedAt: null, editUrl: null }} />
          {props.confirm ? (
            <section className="callout confirm-section" aria-labelledby="confirm-section-title">
              <h2 id="confirm-section-title">{t("known.section.title")}</h2>
              {props.confirm.intro ? <p>{props.confirm.intro}</p> : null}
              {props.confirm.status ? (
                <p className="answer-mark-confirmed">
                  <Icon name="check" />
                  {props.confirm.status}
                </p>
              ) : null}
              {props.readOnly ? null : (
                <button type="submit" name="_intent" value="confirm-section">
                  {t("known.section.button")}
                </button>
              )}
            </section>
          ) : null}
          <fieldset disabled={props.readOnly} className="questions">
            <legend className="visually-hidden">{section.title[lng]}</legend>
            {questionBlocks(section, visible, ctx).map((block) => {
              if (block.kind === "question") return field(block.question);
              const { group, questions, essential } = block;
              const titleId = `group-${group.id}`;
              if (essential) {
                return (
                  <section key={group.id} className="question-group question-group--essential" aria-labelledby={titleId}>
                    <h2 id={titleId}>{local(group.title)}</h2>
                    <p className="callout callout--essential">
                      <strong>
                        <Icon name="star" />
                        {t("section.essential")}
                      </strong>{" "}
                      {text(group.note)}
                    </p>
                    {questions.map(field)}
                  </section>
                );
              }
              // Collapsed, but open when one of its answers needs the person (an error or a conflict).
              const needsLook = questions.some(
                (q) => autosave.conflicts[q.id] || Object.keys(serverErrors).some((path) => path.split(".")[0] === q.id),
              );
              const answered = questions.filter((q) => live[q.id] !== undefined).length;
              return (
                <details key={group.id} className="question-group" open={needsLook || undefined}>
                  <summary>
                    {local(group.title)} <span className="hint">({t("reading.group.count", { count: questions.length, answered })})</span>
                  </summary>
                  {questions.map(field)}
                </details>
              );
            })}
          </fieldset>
          <div className="form-actions">
            <p id="autosave-status" className={unsavedText ? "autosave-status autosave-status--unsaved" : "autosave-status"} role="status">
              {unsavedText ??
                (autosave.busy
                  ? t("save.saving")
                  : autosave.lastSavedAt
                    ? t("save.allSaved", { time: formatTime(autosave.lastSavedAt, lng) })
                    : t(hydrated ? "reading.save.live" : "save.hint"))}
              {autosave.tokenRenewed ? <span className="token-renewed"> {t("saving.tokenRenewed")}</span> : null}
            </p>
            {props.readOnly ? null : (
              <>
                <button type="submit" name="_intent" value="save" className="secondary">
                  {t("section.save")}
                </button>
                <button type="submit" name="_intent" value="next">
                  {props.hasNext ? t("section.saveNext") : t("section.saveOverview")}
                </button>
              </>
            )}
          </div>
        </Form>
        {props.showDerived ? (
          <aside>
            <DerivedFiguresPanel figures={figures} parameters={parameters} live />
          </aside>
        ) : null}
      </div>
    </FormProvider>
  );
}
