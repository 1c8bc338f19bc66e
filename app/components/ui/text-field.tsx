/** A labelled input with its help and its error next to it, wired for screen readers. */
import { FieldError, errorId, helpId, inputId } from "../field-error";

export function TextField(props: {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  error: string | undefined;
  help?: string;
  defaultValue?: string;
  inputMode?: "numeric";
  required?: boolean;
  /** The longest accepted value, for the "at most … characters" message. */
  max?: number;
  /** Values the error message refers to (e.g. how to reach the beheer). */
  errorValues?: Record<string, string | number>;
}) {
  const { name, error, help } = props;
  const describedBy = [help ? helpId(name) : null, error ? errorId(name) : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId(name)}>{props.label}</label>
      {help ? (
        <p id={helpId(name)} className="hint">
          {help}
        </p>
      ) : null}
      <input
        id={inputId(name)}
        name={name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        defaultValue={props.defaultValue}
        required={props.required ?? true}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldError id={errorId(name)} message={error} bounds={{ max: props.max, maxLength: props.max }} values={props.errorValues} />
    </div>
  );
}
