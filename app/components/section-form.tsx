/**
 * A section of the questionnaire as one real <form>: it posts and saves without JavaScript; with
 * JavaScript react-hook-form validates with the same zod schema as the action, every answer autosaves,
 * skip logic and derived figures follow the answers live.
 */
import { CsrfInput } from "~/components/csrf-input";
import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useSubmit } from "@remix-run/react";
import { useCallback, useMemo, useRef } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { questionSchema, sectionSchema, type Answers, type AnswerValue } from "~/domain/answers";
import type { Parameters, Perspective, Section } from "~/domain/content/schema";
import { deriveFigures } from "~/domain/derived";
import { factsFromAnswers } from "~/domain/facts";
import { evaluate } from "~/domain/conditions";
import { useLng } from "~/utils/content-text";
import { formatAnswer } from "~/utils/format-answer";
import { formatTime } from "~/utils/format";
import { DerivedFiguresPanel } from "./derived-figures";
import { QuestionField } from "./questions/question-field";
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
  conflicts: Record<string, string>;
  kernpuntTexts: Record<string, string>;
  autosaveUrl: string;
  showDerived: boolean;
  hasNext: boolean;
  readOnly: boolean;
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
  const { section, perspective, parameters, answers, defaults, serverErrors, conflicts, kernpuntTexts } = props;
  const { t } = useTranslation();
  const lng = useLng();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const schema = useMemo(() => sectionSchema(section), [section]);
  const methods = useForm<Record<string, unknown>>({
    defaultValues: defaults,
    // The resolver's types cannot follow a schema built from content at run time.
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
  });
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
  const describeTheirs = useCallback(
    (questionId: string, value: unknown) => {
      const question = section.questions.find((q) => q.id === questionId);
      return question ? formatAnswer(question, value as AnswerValue | null, t, lng) : "";
    },
    [section, t, lng],
  );
  const autosave = useAutosave({
    url: props.autosaveUrl,
    sectionId: section.id,
    form: formRef,
    initialRevisions: props.revisions,
    validate,
    onErrors,
    describeTheirs,
  });

  // Skip logic on the live answers; the figures are derived once per render, not per question.
  const ctx = { answers: live, derived: figures, parameters };
  const visible = section.questions.filter((q) => !q.showWhen || evaluate(q.showWhen, ctx));

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
          <CsrfInput />
<input type="hidden" name="_section" value={section.id} />
          {Object.entries(autosave.revisions).map(([id, revision]) => (
            <input key={id} type="hidden" name={`_rev.${id}`} value={revision} />
          ))}
          <fieldset disabled={props.readOnly} className="questions">
            <legend className="visually-hidden">{section.title[lng]}</legend>
            {visible.map((question) => (
              <QuestionField
                key={question.id}
                question={question}
                perspective={perspective}
                defaults={defaults}
                serverErrors={serverErrors}
                kernpuntTexts={kernpuntTexts}
                ui={conflicts[question.id] ? { state: "conflict", theirs: conflicts[question.id] } : autosave.ui[question.id]}
                onCommit={autosave.commit}
              />
            ))}
          </fieldset>
          <div className="form-actions">
            <p id="autosave-status" className="autosave-status" role="status">
              {autosave.busy
                ? t("save.saving")
                : autosave.lastSavedAt
                  ? t("save.allSaved", { time: formatTime(autosave.lastSavedAt, lng) })
                  : t("save.hint")}
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
