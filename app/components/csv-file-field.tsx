/**
 * The spreadsheet field of an import form: the file input with its help, the error next to it, and the
 * file-level problems the reader found (an unreadable file, missing columns), in the reader's words.
 */
import { useTranslation } from "react-i18next";
import { useLng } from "~/utils/content-text";
import { formatNumber } from "~/domain/format";
import { FieldError } from "./field-error";

export function CsvFileField({ id, maxMb, error, problems }: { id: string; maxMb: number; error: string | undefined; problems: readonly string[] }) {
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="field">
      <label htmlFor={id}>{t("workspaces.import.file")}</label>
      <p id={`${id}-help`} className="hint">
        {t("workspaces.import.fileHelp", { max: formatNumber(maxMb, lng) })}
      </p>
      <input id={id} name="file" type="file" accept=".csv,text/csv" aria-describedby={[`${id}-help`, error ? "file-error" : ""].filter(Boolean).join(" ")} aria-invalid={error ? true : undefined} />
      <FieldError id="file-error" message={error} />
      {problems.length ? (
        <ul className="field-error problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
