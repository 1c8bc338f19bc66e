/**
 * One indicator's criteria form: relative or fixed cut-offs, and for a national publication its basis
 * (who agreed, source, date). Used by the platform's publication page and an organisation's own cut-offs.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";

type Errors = Partial<Record<"kind" | "rood" | "oranje" | "agreedBy" | "source" | "agreedOn", string>>;

export interface CriteriaFormIndicator {
  id: string;
  unit: string;
  direction: "higher-is-worse" | "lower-is-worse";
  criteria: { kind: "relative" } | { kind: "fixed"; rood: number; oranje: number };
}

export function CriteriaForm(props: {
  indicator: CriteriaFormIndicator;
  lng: "nl" | "en";
  errors: Errors;
  values: Record<string, string> | undefined;
  /** National publication: the basis fields and "Publiceren". */
  publish: boolean;
  /** Whether there is something to reset (a publication in force, or own cut-offs). */
  canReset: boolean;
}) {
  const { t } = useTranslation();
  const { indicator: i, errors, values } = props;
  const kind = values?.kind ?? i.criteria.kind;
  const fid = (name: string) => `criteria-${i.id}-${name}`;
  const field = (name: "agreedBy" | "source" | "agreedOn", type: "text" | "date") => (
    <div className="field" key={name}>
      <label htmlFor={fid(name)}>{t(`regions.criteria.${name}`)}</label>
      <p id={fid(`${name}-help`)} className="hint">
        {t(`regions.criteria.${name}Help`)}
      </p>
      <input
        id={fid(name)}
        name={name}
        type={type}
        defaultValue={values?.[name] ?? ""}
        maxLength={300}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[fid(`${name}-help`), errors[name] ? fid(`${name}-error`) : ""].filter(Boolean).join(" ")}
      />
      <FieldError id={fid(`${name}-error`)} message={errors[name]} />
    </div>
  );
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfInput />
      <input type="hidden" name="indicator" value={i.id} />
      <fieldset className="choices" aria-describedby={errors.kind ? fid("kind-error") : undefined}>
        <legend>{t("regions.criteria.kind")}</legend>
        {(["relative", "fixed"] as const).map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} defaultChecked={kind === k} />
            {t(`regions.criteria.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <FieldError id={fid("kind-error")} message={errors.kind} />
      <div className="inline-form">
        {(["rood", "oranje"] as const).map((band) => (
          <div className="field" key={band}>
            <label htmlFor={fid(band)}>{t(`regions.criteria.${band}`, { op: i.direction === "higher-is-worse" ? "≥" : "≤", unit: i.unit })}</label>
            <input
              id={fid(band)}
              name={band}
              type="text"
              inputMode="decimal"
              className="input-number"
              defaultValue={values?.[band] ?? (i.criteria.kind === "fixed" ? String(i.criteria[band]).replace(".", props.lng === "nl" ? "," : ".") : "")}
              aria-invalid={errors[band] ? true : undefined}
              aria-describedby={errors[band] ? fid(`${band}-error`) : undefined}
            />
            <FieldError id={fid(`${band}-error`)} message={errors[band]} />
          </div>
        ))}
      </div>
      {props.publish ? [field("agreedBy", "text"), field("source", "text"), field("agreedOn", "date")] : null}
      <p className="actions">
        <button type="submit" name="_intent" value="save">
          {t(props.publish ? "regions.criteria.publish" : "regions.criteria.save")}
        </button>
        {props.canReset ? (
          <button type="submit" name="_intent" value="reset" className="secondary">
            {t(props.publish ? "regions.criteria.reset" : "regions.criteria.ownReset")}
          </button>
        ) : null}
      </p>
    </Form>
  );
}
