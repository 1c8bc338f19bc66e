/**
 * One question as form inputs. Inputs are real form controls with names (so the form posts without
 * JavaScript) and registered with react-hook-form (so the same schema validates them as they are typed).
 * Values are rendered as defaultValue/defaultChecked for the server render.
 */
import { Icon } from "~/components/icon";
import { useFieldArray, useFormContext, get as getPath } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { PRESENT_SUFFIX, ROWS_SUFFIX, STATEMENT_CHOICES, WEEKDAYS, listItemToForm } from "~/domain/answers";
import type { ItemField, ListQuestion, Perspective, Question } from "~/domain/content/schema";
import { useContentText, useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";
import type { QuestionUiState } from "../use-autosave";
import { FieldError, errorId, helpId, inputId, type Bounds } from "../field-error";
import { AnswerMark, type AnswerMarkView } from "../answer-mark";

/** Another answer this question ran into, as words, with the revision keeping one's own saves on. */
export interface ConflictView {
  theirs: string;
  mine: string;
  by: string | null;
  at: string | null;
  revision: number;
}

export interface QuestionFieldProps {
  question: Question;
  perspective: Perspective;
  defaults: Record<string, unknown>;
  /** Errors from the server for this post, by path (`huisartsen.0.rol`). */
  serverErrors: Record<string, string>;
  kernpuntTexts: Record<string, string>;
  ui: QuestionUiState | undefined;
  conflict: ConflictView | undefined;
  /** Called when an answer is given (change of a choice, blur or pause in typing). */
  onCommit: (questionId: string, mode: "now" | "debounced") => void;
  /** With JavaScript: the choice after a conflict (without, the buttons post the form). */
  onResolve: (questionId: string, choice: "keep" | "take") => void;
  /** Where the answer came from, or that it changed since the previous version (issue 13). */
  mark?: AnswerMarkView;
  /** The mark may offer "Klopt" (an editable concept). */
  canConfirm?: boolean;
}

function useFieldError(serverErrors: Record<string, string>) {
  const {
    formState: { errors },
  } = useFormContext();
  return (path: string): string | undefined =>
    ((getPath(errors, path) as { message?: string } | undefined)?.message) ?? serverErrors[path];
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(" ") || undefined;

function boundsOf(field: { type: string; min?: number; max?: number; maxLength?: number }): Bounds {
  return { min: field.min, max: field.max, maxLength: field.maxLength };
}

function SaveState({ ui }: { ui: QuestionUiState | undefined }) {
  const { t } = useTranslation();
  if (!ui || ui.state === "unsaved" && ui.reason === "conflict") return null;
  if (ui.state === "unsaved") {
    return (
      <p className="save-state save-state--error">
        <Icon name="warn" />
        {t("save.error")}: {t(`saving.reason.${ui.reason ?? "invalid"}`)}
      </p>
    );
  }
  return (
    <span className={`save-state save-state--${ui.state}`}>
      {ui.state === "saved" || ui.state === "taken" ? "✓ " : ""}
      {ui.state === "taken" ? t("saving.taken") : t(`save.${ui.state}`)}
    </span>
  );
}

/**
 * The other answer beside the person's own, and the two choices. The buttons post the form (without
 * JavaScript): "take" leaves the stored answer as it is, "keep" saves on the other answer's revision.
 */
function ConflictBox({ questionId, conflict, onResolve }: { questionId: string; conflict: ConflictView; onResolve: QuestionFieldProps["onResolve"] }) {
  const { t } = useTranslation();
  const lng = useLng();
  const at = conflict.at ? formatDateTime(conflict.at, lng) : "–";
  return (
    <div className="conflict" role="group" aria-labelledby={`${questionId}-conflict`}>
      <p id={`${questionId}-conflict`} className="conflict-title" role="alert">
        <Icon name="warn" />
        <strong>{t("saving.conflict.title")}</strong>{" "}
        {t("saving.conflict.byAt", { by: conflict.by ?? t("saving.conflict.someone"), at })}
      </p>
      <dl className="conflict-answers">
        <dt>{t("saving.conflict.theirs")}</dt>
        <dd>{conflict.theirs}</dd>
        <dt>{t("saving.conflict.mine")}</dt>
        <dd>{conflict.mine}</dd>
      </dl>
      <p>{t("saving.conflict.choose")}</p>
      <div className="conflict-actions">
        <button
          type="submit"
          name="_take"
          value={questionId}
          className="secondary"
          onClick={(event) => {
            event.preventDefault();
            onResolve(questionId, "take");
          }}
        >
          {t("saving.conflict.take")}
        </button>
        <button
          type="submit"
          name={`_keep.${questionId}`}
          value={conflict.revision}
          className="secondary"
          onClick={(event) => {
            event.preventDefault();
            onResolve(questionId, "keep");
          }}
        >
          {t("saving.conflict.keep")}
        </button>
      </div>
    </div>
  );
}

/**
 * What a question rests on, opened on request: the explanation, the question for the conversation, the
 * kernpunten and sources. Closed by default; its summary says what it opens.
 */
function More({ question, perspective, kernpuntTexts }: { question: Question; perspective: Perspective; kernpuntTexts: Record<string, string> }) {
  const { t } = useTranslation();
  const { text } = useContentText(perspective);
  const dialogue = question.type === "statement" ? question.dialogue : undefined;
  const hasSources = question.kernpunten.length > 0 || question.sources.length > 0;
  if (!question.help && !dialogue && !hasSources) return null;
  return (
    <details className="question-more">
      <summary>{t(question.help || dialogue ? "reading.more.help" : "reading.more.sources")}</summary>
      {question.help ? <p className="help">{text(question.help)}</p> : null}
      {dialogue ? (
        <p>
          <strong>{t("reading.more.dialogue")}</strong> {text(dialogue)}
        </p>
      ) : null}
      {question.kernpunten.length > 0 ? (
        <>
          <p>
            <strong>{t("reading.more.kernpunten")}</strong>
          </p>
          <ul>
            {question.kernpunten.map((id) => (
              <li key={id}>
                <strong>{id}</strong>: {kernpuntTexts[id]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {question.sources.length > 0 ? (
        <p>
          {t("question.sources")}: {question.sources.join("; ")}
        </p>
      ) : null}
    </details>
  );
}

/** A text, number or choice input inside a question or a list row. */
function ScalarInput({
  field,
  name,
  questionId,
  defaultValue,
  label,
  describedById,
  error,
  onCommit,
  compact,
}: {
  field: ItemField;
  name: string;
  questionId: string;
  defaultValue: unknown;
  label: string;
  describedById?: string;
  error: string | undefined;
  onCommit: QuestionFieldProps["onCommit"];
  compact?: boolean;
}) {
  const { register } = useFormContext();
  const { t } = useTranslation();
  const { local } = useContentText("zelfevaluatie");
  const id = inputId(name);
  const errId = errorId(name);
  const aria = { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(describedById, error && errId) };
  const commitNow = () => onCommit(questionId, "now");
  const commitLater = () => onCommit(questionId, "debounced");
  let control: React.ReactNode;
  if (field.type === "choice" && compact) {
    control = (
      <select id={id} defaultValue={String(defaultValue ?? "")} {...aria} {...register(name, { onChange: commitNow })}>
        <option value="">{t("question.choose")}</option>
        {field.options.map((o) => (
          <option key={o.id} value={o.id}>
            {local(o.label)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "weekdays") {
    const values = Array.isArray(defaultValue) ? (defaultValue as string[]) : [];
    return (
      <fieldset className="weekdays" aria-describedby={aria["aria-describedby"]}>
        <legend>{label}</legend>
        <input type="hidden" name={`${name}.${PRESENT_SUFFIX}`} value="1" />
        {WEEKDAYS.map((day) => (
          <label key={day} className="weekday">
            <input type="checkbox" value={day} defaultChecked={values.includes(day)} {...register(name, { onChange: commitNow })} />
            <abbr title={t(`weekday.long.${day}`)}>{t(`weekday.short.${day}`)}</abbr>
          </label>
        ))}
        <FieldError id={errId} message={error} />
      </fieldset>
    );
  } else {
    const numeric = field.type === "integer" || field.type === "decimal";
    control = (
      <input
        id={id}
        type="text"
        inputMode={field.type === "integer" ? "numeric" : field.type === "decimal" ? "decimal" : undefined}
        autoComplete="off"
        className={numeric ? "input-number" : undefined}
        defaultValue={String(defaultValue ?? "")}
        {...aria}
        {...register(name, { onBlur: commitNow, onChange: commitLater })}
      />
    );
  }
  const unit = (field.type === "integer" || field.type === "decimal") && field.unit ? local(field.unit) : null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="control">
        {control}
        {unit ? <span className="unit">{unit}</span> : null}
      </div>
      <FieldError id={errId} message={error} bounds={boundsOf(field)} />
    </div>
  );
}

function StatementField({ question, defaults, serverErrors, onCommit }: QuestionFieldProps) {
  const { register } = useFormContext();
  const { t } = useTranslation();
  const errorFor = useFieldError(serverErrors);
  const value = (defaults[question.id] ?? {}) as { choice?: string; note?: string };
  const choiceError = errorFor(`${question.id}.choice`);
  const noteError = errorFor(`${question.id}.note`);
  const choiceName = `${question.id}.choice`;
  const noteName = `${question.id}.note`;
  return (
    <>
      <div
        role="radiogroup"
        aria-labelledby={`${question.id}-label`}
        aria-describedby={describedBy(question.hint && helpId(question.id), choiceError && errorId(choiceName))}
        aria-invalid={choiceError ? true : undefined}
        className="statement-choices"
      >
        {STATEMENT_CHOICES.map((choice) => (
          <label key={choice} className={`choice choice--${choice}`}>
            <input
              type="radio"
              value={choice}
              defaultChecked={value.choice === choice}
              {...register(choiceName, { onChange: () => onCommit(question.id, "now") })}
            />
            {t(`statement.${choice}`)}
          </label>
        ))}
      </div>
      <FieldError id={errorId(choiceName)} message={choiceError} />
      <div className="field note">
        <label htmlFor={inputId(noteName)}>{t("statement.note")}</label>
        <textarea
          id={inputId(noteName)}
          rows={2}
          defaultValue={value.note ?? ""}
          aria-describedby={noteError ? errorId(noteName) : undefined}
          aria-invalid={noteError ? true : undefined}
          {...register(noteName, { onBlur: () => onCommit(question.id, "now"), onChange: () => onCommit(question.id, "debounced") })}
        />
        <FieldError id={errorId(noteName)} message={noteError} bounds={{ maxLength: 2000 }} />
      </div>
    </>
  );
}

function ListField({ question, defaults, serverErrors, onCommit }: QuestionFieldProps & { question: ListQuestion }) {
  const { control } = useFormContext();
  const { t } = useTranslation();
  const { local } = useContentText("zelfevaluatie");
  const errorFor = useFieldError(serverErrors);
  const { fields, append, remove } = useFieldArray({ control, name: question.id });
  const initial = (defaults[question.id] as Array<Record<string, unknown>> | undefined) ?? [];
  const rootError = errorFor(question.id);
  return (
    <div className="list-question">
      <input type="hidden" name={`${question.id}.${ROWS_SUFFIX}`} value={fields.length} />
      {fields.map((row, index) => {
        const rowDefaults = (initial[index] ?? (row as unknown as Record<string, unknown>)) as Record<string, unknown>;
        return (
          <fieldset key={row.id} className="list-row">
            <legend>
              {local(question.itemLabel)} {index + 1}
            </legend>
            <div className="list-row-fields">
              {question.item.map((field) => (
                <ScalarInput
                  key={field.id}
                  field={field}
                  compact
                  name={`${question.id}.${index}.${field.id}`}
                  questionId={question.id}
                  defaultValue={rowDefaults[field.id]}
                  label={local(field.text as { nl: string; en: string })}
                  error={errorFor(`${question.id}.${index}.${field.id}`)}
                  onCommit={onCommit}
                />
              ))}
            </div>
            <button
              type="submit"
              name="_intent"
              value={`remove-row:${question.id}:${index}`}
              className="secondary small"
              onClick={(event) => {
                event.preventDefault();
                remove(index);
                onCommit(question.id, "now");
              }}
            >
              {t("list.remove", { item: `${local(question.itemLabel)} ${index + 1}` })}
            </button>
          </fieldset>
        );
      })}
      <FieldError id={errorId(question.id)} message={rootError} bounds={{ max: question.maxItems }} />
      <button
        type="submit"
        name="_intent"
        value={`add-row:${question.id}`}
        className="secondary"
        onClick={(event) => {
          event.preventDefault();
          append(listItemToForm(question, undefined));
        }}
      >
        {t("list.add", { item: local(question.itemLabel).toLowerCase() })}
      </button>
    </div>
  );
}

function GridField({ question, defaults, serverErrors, onCommit }: QuestionFieldProps & { question: Extract<Question, { type: "grid" }> }) {
  const { register } = useFormContext();
  const { local, text } = useContentText("zelfevaluatie");
  const errorFor = useFieldError(serverErrors);
  const values = (defaults[question.id] ?? {}) as Record<string, Record<string, string>>;
  return (
    <>
      <input type="hidden" name={`${question.id}.${PRESENT_SUFFIX}`} value="1" />
      <table className="grid-question">
        <caption className="visually-hidden">{text(question.text)}</caption>
        <thead>
          <tr>
            <td />
            {question.columns.map((c) => (
              <th key={c.id} scope="col" id={`${question.id}-col-${c.id}`}>
                {local(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {question.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" id={`${question.id}-row-${r.id}`}>
                {local(r.label)}
              </th>
              {question.columns.map((c) => {
                const name = `${question.id}.${r.id}.${c.id}`;
                const error = errorFor(name);
                return (
                  <td key={c.id}>
                    <input
                      type="text"
                      inputMode={c.type === "integer" ? "numeric" : "decimal"}
                      className="input-number"
                      aria-label={`${local(r.label)}: ${local(c.label)}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? errorId(name) : undefined}
                      defaultValue={values[r.id]?.[c.id] ?? ""}
                      {...register(name, { onBlur: () => onCommit(question.id, "now"), onChange: () => onCommit(question.id, "debounced") })}
                    />
                    <FieldError id={errorId(name)} message={error} bounds={boundsOf(c)} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function QuestionField(props: QuestionFieldProps) {
  const { question, perspective, defaults, serverErrors, kernpuntTexts, ui, conflict, onCommit, onResolve } = props;
  const conflictBox = conflict ? <ConflictBox questionId={question.id} conflict={conflict} onResolve={onResolve} /> : null;
  const { text } = useContentText(perspective);
  const errorFor = useFieldError(serverErrors);
  const markBox = props.mark ? <AnswerMark questionId={question.id} questionText={text(question.text)} mark={props.mark} canConfirm={props.canConfirm ?? false} /> : null;
  // The hint stays in view (a format, a warning); the rest of the explanation opens on request.
  const hint = question.hint ? (
    <p className="hint" id={helpId(question.id)}>
      {text(question.hint)}
    </p>
  ) : null;
  const more = <More question={question} perspective={perspective} kernpuntTexts={kernpuntTexts} />;
  // A single input (or, for weekdays, its own fieldset) labels itself; the others get a heading.
  if (question.type === "text" || question.type === "integer" || question.type === "decimal" || question.type === "weekdays") {
    return (
      <div className="question" id={`q-${question.id}`}>
        <ScalarInput
          field={question}
          name={question.id}
          questionId={question.id}
          defaultValue={defaults[question.id]}
          label={text(question.text)}
          describedById={question.hint ? helpId(question.id) : undefined}
          error={errorFor(question.id)}
          onCommit={onCommit}
        />
        {hint}
        {markBox}
        {more}
        {conflictBox}
        <SaveState ui={ui} />
      </div>
    );
  }
  const labelId = `${question.id}-label`;
  return (
    <section className={`question question--${question.type}`} id={`q-${question.id}`} aria-labelledby={labelId}>
      <h3 id={labelId} className="question-text">
        {text(question.text)}
      </h3>
      {hint}
      {markBox}
      {more}
      {question.type === "statement" ? <StatementField {...props} /> : null}
      {question.type === "list" ? <ListField {...props} question={question} /> : null}
      {question.type === "grid" ? <GridField {...props} question={question} /> : null}
      {question.type === "choice" ? <ChoiceField {...props} /> : null}
      {conflictBox}
      <SaveState ui={ui} />
    </section>
  );
}

function ChoiceField({ question, defaults, serverErrors, onCommit }: QuestionFieldProps) {
  const { register } = useFormContext();
  const { local } = useContentText("zelfevaluatie");
  const errorFor = useFieldError(serverErrors);
  if (question.type !== "choice") return null;
  const error = errorFor(question.id);
  return (
    <>
      <div
        role="radiogroup"
        aria-labelledby={`${question.id}-label`}
        aria-describedby={describedBy(question.hint && helpId(question.id), error && errorId(question.id))}
        aria-invalid={error ? true : undefined}
        className="choices"
      >
        {question.options.map((option) => (
          <label key={option.id} className="choice">
            <input
              type="radio"
              value={option.id}
              defaultChecked={defaults[question.id] === option.id}
              {...register(question.id, { onChange: () => onCommit(question.id, "now") })}
            />
            {local(option.label)}
          </label>
        ))}
      </div>
      <FieldError id={errorId(question.id)} message={error} />
    </>
  );
}
