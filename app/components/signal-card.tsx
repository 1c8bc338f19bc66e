/** One signal: status in words and icon, the evidence, kernpunten, source, reading, questions, context. */
import { CsrfInput } from "~/components/csrf-input";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CONTEXT_MAX_LENGTH } from "~/domain/signal-context";
import type { SignalId } from "~/domain/signal-ids";
import type { SignalStatus } from "~/domain/signals/types";
import type { ReportSignal } from "~/domain/presented";
import { FieldError } from "./field-error";
import { Icon, type IconName } from "./icon";

const ICON: Record<SignalStatus, IconName> = { signal: "up", "no-signal": "check", unknown: "unknown" };

/** A report signal as the page receives it (the engine result stays on the server). */
export type SignalCardData = Omit<ReportSignal, "result">;

export function SignalStatusBadge({ status, label }: { status: SignalStatus; label: string }) {
  return (
    <span className={`badge badge--signal-${status}`}>
      <Icon name={ICON[status]} />
      {label}
    </span>
  );
}

/** To the page that says how a signal (or every signal) is decided: the source, the reading, the lines. */
export function HowDecidedLink({ signalId }: { signalId?: SignalId }) {
  const { t } = useTranslation();
  return (
    <Link to={signalId ? `/signalen#${signalId}` : "/signalen"} className="how-decided">
      {t(signalId ? "signalRules.howDecided" : "signalRules.howDecidedAll")}
    </Link>
  );
}

export function SignalCard({
  signal,
  editable,
  error,
  conflictMine,
  saved,
}: {
  signal: SignalCardData;
  editable: boolean;
  error?: string;
  conflictMine?: string;
  saved?: boolean;
}) {
  const { t } = useTranslation();
  const fieldId = `context-${signal.id}`;
  return (
    <article className={`signal signal--${signal.status}`} id={`signal-${signal.id}`} aria-labelledby={`${fieldId}-title`}>
      <header className="signal-head">
        <h3 id={`${fieldId}-title`}>{signal.title}</h3>
        <SignalStatusBadge status={signal.status} label={signal.statusLabel} />
      </header>
      <p className="signal-reason">
        {signal.reason}
        {signal.figure ? <strong className="signal-figure"> {signal.figure}</strong> : null}
      </p>
      {signal.status === "unknown" ? <p className="callout">{t("signals.unknownTopic")}</p> : null}
      <p className="hint">
        <HowDecidedLink signalId={signal.id} />
      </p>
      <details>
        <summary>{t("signals.basis")}</summary>
        <dl className="evidence">
          {signal.evidence.map((e) => (
            <div key={e.label}>
              <dt>{e.label}</dt>
              <dd>{e.value}</dd>
            </div>
          ))}
        </dl>
        <p>
          <strong>{t("signals.kernpunten")}:</strong>{" "}
          {signal.kernpunten.map((k) => (
            <span key={k.id} className="kernpunt-ref" title={k.text}>
              {k.id}{" "}
            </span>
          ))}
        </p>
        <p>
          <strong>{t("signals.source")}:</strong> {signal.source}
        </p>
        <p>
          <strong>{t("signals.reading")}:</strong> {signal.reading}
        </p>
      </details>
      {signal.questions.length > 0 ? (
        <div className="signal-questions">
          <h4>{t("signals.questions")}</h4>
          <ul>
            {signal.questions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" className="context-form" preventScrollReset>
        <CsrfInput />
<input type="hidden" name="_intent" value="context" />
        <input type="hidden" name="signalId" value={signal.id} />
        <input type="hidden" name="_rev" value={signal.contextRevision} />
        <label htmlFor={fieldId}>{t("signals.context.label")}</label>
        <p className="hint" id={`${fieldId}-hint`}>
          {t("signals.context.hint")}
        </p>
        <textarea
          id={fieldId}
          name="text"
          rows={3}
          maxLength={CONTEXT_MAX_LENGTH}
          defaultValue={signal.context ?? ""}
          readOnly={!editable}
          aria-describedby={`${fieldId}-hint${error ? ` ${fieldId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <FieldError id={`${fieldId}-error`} message={error} bounds={{ max: CONTEXT_MAX_LENGTH }} />
        {conflictMine !== undefined ? (
          <p className="field-error" role="alert">
            <Icon name="warn" />
            {t("signals.context.conflict", { mine: conflictMine })}
          </p>
        ) : null}
        {saved ? (
          <p className="save-state save-state--saved" role="status">
            <Icon name="check" />
            {t("signals.context.saved")}
          </p>
        ) : null}
        {editable ? (
          <button type="submit" className="secondary">
            {t("signals.context.save")}
          </button>
        ) : null}
      </Form>
    </article>
  );
}
