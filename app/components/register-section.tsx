/**
 * The practice register on /organisation (issue 13): per practice the organisation keeps, its name, AGB,
 * postcode and region (and the organisation's KvK-nummer), as a form for a beheerder and as facts for the
 * others. One form per practice; every id carries the practice so two forms never share one.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import type { RegisterFormField } from "~/domain/register-form";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/domain/format";

export interface RegisterPractice {
  id: string;
  name: string;
  agb: string | null;
  postcode: string | null;
  regionId: string | null;
  regionName: string | null;
  kvk: string | null;
  hasKvk: boolean;
  changedAt: string | null;
  changedBy: string | null;
}

export interface RegisterFeedback {
  practiceId: string;
  errors: Partial<Record<RegisterFormField, string>>;
  values: Record<RegisterFormField, string>;
  /** How to reach the platform beheer, when an error names it. */
  contact?: string;
}

export function RegisterSection({
  practices,
  regions,
  editable,
  feedback,
  nameMax,
}: {
  practices: RegisterPractice[];
  regions: Array<{ id: string; name: string }>;
  editable: boolean;
  feedback: RegisterFeedback | null;
  nameMax: number;
}) {
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <section aria-labelledby="register-title" id="register" className="narrow">
      <h2 id="register-title">{t("register.title")}</h2>
      <p>{t("register.lead")}</p>
      {practices.length === 0 ? <p className="hint">{t("register.none")}</p> : null}
      {editable ? null : practices.length > 0 ? <p className="hint">{t("register.readOnly")}</p> : null}
      {practices.map((p) => {
        const mine = feedback && feedback.practiceId === p.id ? feedback : null;
        const errors = mine?.errors ?? {};
        const value = (field: RegisterFormField, stored: string | null) => mine?.values[field] ?? stored ?? "";
        const id = (field: string) => `register-${p.id}-${field}`;
        const described = (field: RegisterFormField, help: boolean) =>
          [help ? id(`${field}-help`) : null, errors[field] ? id(`${field}-error`) : null].filter(Boolean).join(" ") || undefined;
        const changed = p.changedAt ? (p.changedBy ? t("register.changed", { date: formatDateTime(p.changedAt, lng), name: p.changedBy }) : t("register.changedNoName", { date: formatDateTime(p.changedAt, lng) })) : t("register.asSignedUp");
        if (!editable) {
          return (
            <div key={p.id} className="card">
              <h3>{p.name}</h3>
              <dl className="facts">
                <dt>{t("register.fields.agb")}</dt>
                <dd>{p.agb ?? t("register.fields.none")}</dd>
                {p.hasKvk ? (
                  <>
                    <dt>{t("register.fields.kvk")}</dt>
                    <dd>{p.kvk ?? t("register.fields.none")}</dd>
                  </>
                ) : null}
                <dt>{t("register.fields.postcode")}</dt>
                <dd>{p.postcode ?? t("register.fields.none")}</dd>
                <dt>{t("register.fields.region")}</dt>
                <dd>{p.regionName ?? t("register.fields.regionNone")}</dd>
              </dl>
              <p className="hint">{changed}</p>
            </div>
          );
        }
        const input = (field: "name" | "agb" | "kvk" | "postcode", label: string, help: string | null, extra: { numeric?: boolean; stored: string | null; autoComplete: string }) => (
          <div className="field">
            <label htmlFor={id(field)}>{label}</label>
            {help ? (
              <p id={id(`${field}-help`)} className="hint">
                {help}
              </p>
            ) : null}
            <input
              id={id(field)}
              name={field}
              type="text"
              autoComplete={extra.autoComplete}
              inputMode={extra.numeric ? "numeric" : undefined}
              defaultValue={value(field, extra.stored)}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={described(field, help !== null)}
            />
            <FieldError id={id(`${field}-error`)} message={errors[field]} bounds={{ max: nameMax }} values={{ contact: mine?.contact ?? "" }} />
          </div>
        );
        return (
          // Keyed by the last change: after a save the fields show what the register now holds (e.g. "1234 AB" for "1234ab").
          <Form key={`${p.id}-${p.changedAt ?? ""}`} method="post" action="/organisation" className="stack card" noValidate aria-labelledby={id("title")}>
            <h3 id={id("title")}>{p.name}</h3>
            <CsrfInput />
            <input type="hidden" name="intent" value="register" />
            <input type="hidden" name="practiceId" value={p.id} />
            {input("name", t("register.fields.name"), null, { stored: p.name, autoComplete: "organization" })}
            {input("agb", t("register.fields.agb"), t("register.fields.agbHelp"), { numeric: true, stored: p.agb, autoComplete: "off" })}
            {p.hasKvk ? input("kvk", t("register.fields.kvk"), t("register.fields.kvkHelp"), { numeric: true, stored: p.kvk, autoComplete: "off" }) : null}
            {input("postcode", t("register.fields.postcode"), t("register.fields.postcodeHelp"), { stored: p.postcode, autoComplete: "postal-code" })}
            <div className="field">
              <label htmlFor={id("regionId")}>{t("register.fields.region")}</label>
              <p id={id("regionId-help")} className="hint">
                {t("register.fields.regionHelp")}
              </p>
              <select
                id={id("regionId")}
                name="regionId"
                defaultValue={value("regionId", p.regionId)}
                aria-invalid={errors.regionId ? true : undefined}
                aria-describedby={described("regionId", true)}
              >
                <option value="">{t("register.fields.regionNone")}</option>
                {regions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
              <FieldError id={id("regionId-error")} message={errors.regionId} />
            </div>
            <p className="hint">{t("register.identifierNote")}</p>
            <p className="hint">{changed}</p>
            <button type="submit">{t("register.save")}</button>
          </Form>
        );
      })}
    </section>
  );
}
