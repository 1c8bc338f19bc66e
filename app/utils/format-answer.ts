/** A stored answer as words, for conflicts, the overview and the report. */
import type { TFunction } from "i18next";
import { isStatementValue, type AnswerValue, type GridValue, type ListItemValue } from "~/domain/answers";
import type { Question } from "~/domain/content/schema";
import type { Lng } from "~/i18n";
import { formatNumber } from "./format";

export function formatAnswer(question: Question, value: AnswerValue | null | undefined, t: TFunction, lng: Lng): string {
  if (value === null || value === undefined) return t("save.noAnswer");
  const num = (v: unknown) => (typeof v === "number" ? formatNumber(v, lng, 2) : "–");
  const days = (v: unknown) => (Array.isArray(v) && v.length ? v.map((d) => t(`weekday.short.${d}`)).join(" ") : t("derived.nobody"));
  switch (question.type) {
    case "statement":
      return isStatementValue(value)
        ? `${t(`statement.${value.choice}`)}${value.note ? ` — ${value.note}` : ""}`
        : t("save.noAnswer");
    case "choice":
      return question.options.find((o) => o.id === value)?.label[lng] ?? String(value);
    case "integer":
    case "decimal":
      return num(value);
    case "weekdays":
      return days(value);
    case "list":
      return (value as ListItemValue[])
        .map((row) =>
          question.item
            .map((f) =>
              f.type === "choice"
                ? (f.options.find((o) => o.id === row[f.id])?.label[lng] ?? "–")
                : f.type === "weekdays"
                  ? days(row[f.id])
                  : f.type === "text"
                    ? String(row[f.id] ?? "–")
                    : num(row[f.id]),
            )
            .join(", "),
        )
        .join("; ");
    case "grid":
      return question.rows
        .map((r) => ({ r, cells: (value as GridValue)[r.id] }))
        .filter(({ cells }) => cells && Object.values(cells).some((v) => v !== null))
        .map(({ r, cells }) => `${r.label[lng]}: ${question.columns.map((c) => num(cells?.[c.id])).join(" / ")}`)
        .join("; ");
    default:
      return String(value);
  }
}
