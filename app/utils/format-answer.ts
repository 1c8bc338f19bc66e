/** A stored answer as words, for conflicts, the overview and the report. */
import type { TFunction } from "i18next";
import { isStatementValue, type AnswerValue, type GridValue, type ListItemValue } from "~/domain/answers";
import type { Question } from "~/domain/content/schema";
import type { Lng } from "~/i18n";
import { formatNumber } from "~/domain/format";

/**
 * How a number reads with its unit, by the content id of its field or grid column: "36 uur per week",
 * "14 jaar", "2 personen". A field with a unit in content but no text here reads "value unit".
 */
const UNIT_TEXT: Record<string, "pages.units.hoursPerWeek" | "pages.units.years" | "pages.units.persons" | "pages.units.hoursPerWeekTogether"> = {
  "uren-per-week": "pages.units.hoursPerWeek",
  "jaren-verbonden": "pages.units.years",
  personen: "pages.units.persons",
  uren: "pages.units.hoursPerWeekTogether",
};

export function formatAnswer(question: Question, value: AnswerValue | null | undefined, t: TFunction, lng: Lng): string {
  if (value === null || value === undefined) return t("save.noAnswer");
  const num = (v: unknown) => (typeof v === "number" ? formatNumber(v, lng, 2) : "–");
  const measured = (v: unknown, id: string, unit?: { nl: string; en: string }) => {
    if (typeof v !== "number") return "–";
    const key = UNIT_TEXT[id];
    if (key) return t(key, { value: num(v), count: v });
    return unit ? t("pages.units.withUnit", { value: num(v), unit: unit[lng] }) : num(v);
  };
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
      return measured(value, question.id, question.unit);
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
                    : measured(row[f.id], f.id, f.unit),
            )
            .join(", "),
        )
        .join("; ");
    case "grid":
      return question.rows
        .map((r) => ({ r, cells: (value as GridValue)[r.id] }))
        .filter(({ cells }) => cells && Object.values(cells).some((v) => v !== null))
        .map(({ r, cells }) => `${r.label[lng]}: ${question.columns.map((c) => measured(cells?.[c.id], c.id)).join(", ")}`)
        .join("; ");
    default:
      return String(value);
  }
}
