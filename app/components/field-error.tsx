import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icon";

export interface Bounds {
  min?: number;
  max?: number;
  maxLength?: number;
}

/** An error next to its field, in the reader's language; the message is an i18n key from the schema. */
export function FieldError({ id, message, bounds, values }: { id: string; message: string | undefined; bounds?: Bounds; values?: Record<string, string | number> }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <Icon name="warn" />
      {t(message, { ...bounds, ...values, defaultValue: t("errors.generic") })}
    </p>
  );
}

export const errorId = (name: string) => `${name.replace(/\./g, "-")}-error`;
export const helpId = (name: string) => `${name.replace(/\./g, "-")}-help`;
export const inputId = (name: string) => `f-${name.replace(/\./g, "-")}`;
