/**
 * The conversation guide's pieces: its entries (each with evidence, kernpunt and source, open questions
 * and the practice's own words), the afweging's questions before joining, and the notes and agreements
 * kept with the guide. Shared by the guide of a practice and of a keten.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BeforeJoining, GuideSection } from "~/domain/presented";
import type { NoteErrors } from "~/domain/presented";
import { useLng } from "~/utils/content-text";
import { formatDate } from "~/domain/format";
import { CsrfInput } from "./csrf-input";
import { FieldError } from "./field-error";
import { Icon, type IconName } from "./icon";
import { HowDecidedLink } from "./signal-card";

const BADGE_ICON: Record<string, IconName> = {
  "signal-signal": "up",
  "signal-unknown": "unknown",
  difference: "warn",
  niet: "cross",
  deels: "partly",
  onbekend: "unknown",
};

export function GuideSections({ sections }: { sections: GuideSection[] }) {
  const { t } = useTranslation();
  let n = 0;
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`} className="guide-section">
          <h2 id={`${section.id}-title`}>{section.title}</h2>
          <ol className="guide" start={n + 1}>
            {section.entries.map((e) => {
              n++;
              return (
                <li key={e.id} id={e.id} className={`guide-entry guide-entry--${e.kind}`}>
                  <div className="signal-head">
                    <h3>{e.heading}</h3>
                    {e.status ? (
                      <span className={`badge badge--${e.status.kind}`}>
                        <Icon name={BADGE_ICON[e.status.kind] ?? "dash"} />
                        {e.status.label}
                      </span>
                    ) : null}
                  </div>
                  <p className="hint">{t("workspaces.guide.basis", { basis: e.basis })}</p>
                  {e.sides ? (
                    <dl className="evidence sides">
                      <div>
                        <dt>{t("workspaces.source.self")}</dt>
                        <dd>{e.sides.self}</dd>
                      </div>
                      <div>
                        <dt>{t("workspaces.source.own")}</dt>
                        <dd>{e.sides.own}</dd>
                      </div>
                    </dl>
                  ) : null}
                  {e.evidence.length > 0 ? (
                    <dl className="evidence">
                      {e.evidence.map((x, i) => (
                        <div key={i}>
                          <dt>{x.label}</dt>
                          <dd>{x.value}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  {e.kernpunten.length > 0 ? (
                    <p className="kernpunt-line">
                      <strong>{t("signals.kernpunten")}:</strong>{" "}
                      {e.kernpunten.map((k) => (
                        <span key={k.id} className="kernpunt-ref" title={k.text}>
                          {k.id}{" "}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  {e.source ? (
                    <p className="hint">
                      {t("signals.source")}: {e.source}
                      {e.signalId ? (
                        <>
                          {" · "}
                          <HowDecidedLink signalId={e.signalId} />
                        </>
                      ) : null}
                    </p>
                  ) : null}
                  {e.questions.length > 0 ? (
                    <div className="signal-questions">
                      <h4>{t("signals.questions")}</h4>
                      <ul>
                        {e.questions.map((q) => (
                          <li key={q}>{q}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {e.context.map((c, i) => (
                    <blockquote key={i} className="practice-context">
                      <p className="hint">{c.label}</p>
                      <p>{c.text}</p>
                    </blockquote>
                  ))}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </>
  );
}

export function BeforeJoiningView({ data }: { data: BeforeJoining }) {
  const { t } = useTranslation();
  return (
    <section id="before-joining" aria-labelledby="before-joining-title" className="panel before-joining">
      <h2 id="before-joining-title">{data.title}</h2>
      <p>{data.intro}</p>
      {data.advice.map((a) => (
        <p key={a} className="callout callout--essential">
          {a}
        </p>
      ))}
      <ol>
        {data.questions.map((q) => (
          <li key={q.question}>
            {q.question}
            <span className="hint block">{q.topic}</span>
          </li>
        ))}
      </ol>
      <p className="hint">
        {t("signals.source")}: {data.source}
      </p>
    </section>
  );
}

export interface NoteView {
  id: string;
  kind: "note" | "agreement";
  text: string;
  on_date: string;
  due_date: string | null;
  created_by_name: string | null;
}

export function NotesPanel({
  notes,
  canEdit,
  errors,
  values,
  today,
}: {
  notes: NoteView[];
  canEdit: boolean;
  errors: NoteErrors;
  values: Record<string, string> | undefined;
  today: string;
}) {
  const { t } = useTranslation();
  const lng = useLng();
  const agreements = notes.filter((n) => n.kind === "agreement");
  const plain = notes.filter((n) => n.kind === "note");
  const list = (items: NoteView[], title: string, id: string) => (
    <div>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="hint">{t("workspaces.notes.none")}</p>
      ) : (
        <ul className="plain notes" aria-labelledby={id}>
          {items.map((n) => (
            <li key={n.id} className="card">
              <p className="hint">
                {t(n.kind === "agreement" ? "workspaces.notes.agreedOn" : "workspaces.notes.notedOn", { date: formatDate(n.on_date, lng), who: n.created_by_name ?? "" })}
                {n.due_date ? ` · ${t("workspaces.notes.due", { date: formatDate(n.due_date, lng) })}` : ""}
              </p>
              <p className="note-body">{n.text}</p>
              {canEdit ? (
                <Form method="post" className="no-print">
                  <CsrfInput />
                  <input type="hidden" name="noteId" value={n.id} />
                  <button type="submit" name="_intent" value="remove-note" className="link-button">
                    {t("workspaces.notes.remove")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  const described = (field: keyof NoteErrors) => (errors[field] ? `note-${field}-error` : undefined);
  return (
    <section id="notes" aria-labelledby="notes-title" className="notes-panel">
      <h2 id="notes-title">{t("workspaces.notes.title")}</h2>
      {list(agreements, t("workspaces.notes.agreements"), "agreements-title")}
      {list(plain, t("workspaces.notes.notes"), "plain-notes-title")}
      {canEdit ? (
        <Form method="post" className="stack panel no-print" noValidate aria-labelledby="note-form-title">
          <h3 id="note-form-title">{t("workspaces.notes.add")}</h3>
          <CsrfInput />
          <fieldset className="choices">
            <legend>{t("workspaces.notes.kind")}</legend>
            {(["note", "agreement"] as const).map((kind) => (
              <label key={kind} className="choice">
                <input type="radio" name="kind" value={kind} defaultChecked={(values?.kind ?? "note") === kind} />
                {t(`workspaces.notes.kinds.${kind}`)}
              </label>
            ))}
          </fieldset>
          <FieldError id="note-kind-error" message={errors.kind} />
          <div className="field">
            <label htmlFor="note-text">{t("workspaces.notes.text")}</label>
            <textarea id="note-text" name="text" rows={4} maxLength={4000} defaultValue={values?.text ?? ""} aria-invalid={errors.text ? true : undefined} aria-describedby={described("text")} />
            <FieldError id="note-text-error" message={errors.text} />
          </div>
          <div className="field">
            <label htmlFor="note-date">{t("workspaces.notes.onDate")}</label>
            <input id="note-date" name="onDate" type="date" defaultValue={values?.onDate ?? today} aria-invalid={errors.onDate ? true : undefined} aria-describedby={described("onDate")} />
            <FieldError id="note-onDate-error" message={errors.onDate} />
          </div>
          <div className="field">
            <label htmlFor="note-due">{t("workspaces.notes.dueDate")}</label>
            <input id="note-due" name="dueDate" type="date" defaultValue={values?.dueDate ?? ""} aria-invalid={errors.dueDate ? true : undefined} aria-describedby={["note-due-help", described("dueDate")].filter(Boolean).join(" ")} />
            <p id="note-due-help" className="hint">
              {t("workspaces.notes.dueHelp")}
            </p>
            <FieldError id="note-dueDate-error" message={errors.dueDate} />
          </div>
          <button type="submit" name="_intent" value="add-note">
            {t("workspaces.notes.save")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
