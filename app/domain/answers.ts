/**
 * Answers: how each question type is posted (strings, as an HTML form sends them), validated and
 * stored. The zod schema built here is the one the client (react-hook-form) and the action share.
 * Error messages are i18n keys; the field shows them with the question's own bounds.
 */
// zod/mini: the same schemas in the browser at a fraction of the bytes (it tree-shakes).
import * as z from "zod/mini";
import type { ItemField, ListQuestion, Question, Section } from "./content/schema";

export const WEEKDAYS = ["ma", "di", "wo", "do", "vr"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const STATEMENT_CHOICES = ["ja", "deels", "nee", "weet-niet"] as const;
export type StatementChoice = (typeof STATEMENT_CHOICES)[number];

export interface StatementValue {
  choice: StatementChoice;
  note: string | null;
}
export type ListItemValue = Record<string, string | number | Weekday[] | null>;
export type GridValue = Record<string, Record<string, number | null>>;
/** A stored answer. An unanswered question has no stored value at all. */
export type AnswerValue = string | number | Weekday[] | StatementValue | ListItemValue[] | GridValue;
export type Answers = Record<string, AnswerValue>;

/**
 * Someone else's answer that a save ran into. It is never overwritten silently: the person sees it
 * beside their own and chooses to take it or to keep theirs (which saves on `revision`).
 */
export interface AnswerConflict {
  questionId: string;
  theirs: AnswerValue | null;
  revision: number;
  /** Who gave it (a colleague in the same organisation) and when; null when no longer known. */
  by: string | null;
  at: string | null;
}

export const NOTE_MAX_LENGTH = 2000;

const blank = (value: unknown) => value === undefined || value === null || value === false;
const asText = (value: unknown) => (blank(value) ? "" : String(value));

/** "9.000" (Dutch thousands), "32,5" (decimal comma) and "32.5" all read as people type them. */
export function parseDutchNumber(raw: string, integer: boolean): number | "invalid" {
  let s = raw.trim().replace(/[\s\u00a0]/g, "");
  if (integer && /^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  s = s.replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(s)) return "invalid";
  return Number(s);
}

function numberSchema(opts: { min: number; max: number; integer: boolean }) {
  return z.pipe(z.unknown(), z.transform((value, ctx): number | null => {
    const raw = asText(value);
    if (raw.trim() === "") return null;
    const n = parseDutchNumber(raw, opts.integer);
    const fail = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: value });
      return z.NEVER;
    };
    if (n === "invalid") return fail(opts.integer ? "errors.integer" : "errors.number");
    if (opts.integer && !Number.isInteger(n)) return fail("errors.integer");
    if (n < opts.min) return fail("errors.min");
    if (n > opts.max) return fail("errors.max");
    return n;
  }));
}

const FORMATS = {
  agb: { pattern: /^\d{8}$/, message: "errors.agb", normalise: (s: string) => s.replace(/[\s.]/g, "") },
  kvk: { pattern: /^\d{8}$/, message: "errors.kvk", normalise: (s: string) => s.replace(/[\s.]/g, "") },
  postcode: {
    pattern: /^[1-9]\d{3} [A-Z]{2}$/,
    message: "errors.postcode",
    normalise: (s: string) => s.toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, "$1 $2"),
  },
  free: { pattern: /[\s\S]*/, message: "errors.text", normalise: (s: string) => s },
} as const;

function textSchema(format: keyof typeof FORMATS, maxLength: number) {
  const spec = FORMATS[format];
  return z.pipe(z.unknown(), z.transform((value, ctx): string | null => {
    const trimmed = asText(value).trim();
    if (trimmed === "") return null;
    if (trimmed.length > maxLength) {
      ctx.issues.push({ code: "custom", message: "errors.tooLong", input: value });
      return z.NEVER;
    }
    const normal = spec.normalise(trimmed);
    if (!spec.pattern.test(normal)) {
      ctx.issues.push({ code: "custom", message: spec.message, input: value });
      return z.NEVER;
    }
    return normal;
  }));
}

function choiceSchema(options: readonly string[]) {
  return z.pipe(z.unknown(), z.transform((value, ctx): string | null => {
    const raw = asText(value).trim();
    if (raw === "") return null;
    if (!options.includes(raw)) {
      ctx.issues.push({ code: "custom", message: "errors.choice", input: value });
      return z.NEVER;
    }
    return raw;
  }));
}

const weekdaysSchema = z.pipe(z.unknown(), z.transform((value, ctx): Weekday[] => {
  const list = blank(value) ? [] : Array.isArray(value) ? value : [value];
  const days = list.map(String).filter((d) => d !== "");
  if (days.some((d) => !(WEEKDAYS as readonly string[]).includes(d))) {
    ctx.issues.push({ code: "custom", message: "errors.weekday", input: value });
    return z.NEVER;
  }
  return WEEKDAYS.filter((d) => days.includes(d));
}));

const statementSchema = z.pipe(
  z.nullish(z.object({ choice: z.optional(z.unknown()), note: z.optional(z.unknown()) })),
  z.transform((value, ctx): StatementValue | null => {
    const choice = asText(value?.choice).trim();
    const note = asText(value?.note).trim();
    if (choice === "" && note === "") return null;
    if (note.length > NOTE_MAX_LENGTH) {
      ctx.issues.push({ code: "custom", message: "errors.tooLong", path: ["note"], input: value });
      return z.NEVER;
    }
    if (!(STATEMENT_CHOICES as readonly string[]).includes(choice)) {
      ctx.issues.push({
        input: value,
        code: "custom",
        message: choice === "" ? "errors.choiceForNote" : "errors.choice",
        path: ["choice"],
      });
      return z.NEVER;
    }
    return { choice: choice as StatementChoice, note: note === "" ? null : note };
  }),
);

function itemFieldSchema(field: ItemField): z.ZodMiniType<unknown, unknown> {
  switch (field.type) {
    case "text":
      return textSchema(field.format, field.maxLength);
    case "integer":
      return numberSchema({ min: field.min, max: field.max, integer: true });
    case "decimal":
      return numberSchema({ min: field.min, max: field.max, integer: false });
    case "choice":
      return choiceSchema(field.options.map((o) => o.id));
    case "weekdays":
      return weekdaysSchema;
  }
}

function isBlankItem(item: Record<string, unknown>) {
  return Object.values(item).every((v) => blank(v) || v === "" || (Array.isArray(v) && v.length === 0));
}

function listSchema(question: ListQuestion) {
  const item = z.object(Object.fromEntries(question.item.map((f) => [f.id, itemFieldSchema(f)])));
  return z.pipe(
    z.nullish(z.array(z.record(z.string(), z.unknown()))),
    z.transform((rows, ctx): ListItemValue[] | null => {
      const out: ListItemValue[] = [];
      (rows ?? []).forEach((row, index) => {
        if (isBlankItem(row)) return;
        const parsed = item.safeParse(row);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.issues.push({ code: "custom", message: issue.message, path: [index, ...issue.path], input: rows });
          }
          return;
        }
        const data = parsed.data as ListItemValue;
        // A row needs its choice fields (a huisarts without a role says nothing).
        for (const field of question.item) {
          if (field.type === "choice" && data[field.id] === null) {
            ctx.issues.push({ code: "custom", message: "errors.required", path: [index, field.id], input: rows });
          }
        }
        out.push(data);
      });
      if (out.length > question.maxItems) {
        ctx.issues.push({ code: "custom", message: "errors.tooManyRows", input: rows });
      }
      return out.length === 0 ? null : out;
    }),
  );
}

function gridSchema(question: Extract<Question, { type: "grid" }>) {
  const cell = Object.fromEntries(
    question.columns.map((c) => [c.id, numberSchema({ min: c.min, max: c.max, integer: c.type === "integer" })]),
  );
  const shape = Object.fromEntries(question.rows.map((r) => [r.id, z.nullish(z.partial(z.object(cell)))]));
  return z.pipe(
    z.nullish(z.partial(z.object(shape))),
    z.transform((grid): GridValue | null => {
      const out: GridValue = {};
      let any = false;
      for (const row of question.rows) {
        const cells: Record<string, number | null> = {};
        for (const column of question.columns) {
          const v = (grid?.[row.id] as Record<string, number | null> | null | undefined)?.[column.id] ?? null;
          cells[column.id] = v;
          if (v !== null) any = true;
        }
        out[row.id] = cells;
      }
      return any ? out : null;
    }),
  );
}

/** The schema of one question's posted value; output null means "no answer". */
export function questionSchema(question: Question): z.ZodMiniType<AnswerValue | null, unknown> {
  switch (question.type) {
    case "statement":
      return statementSchema;
    case "list":
      return listSchema(question);
    case "grid":
      return gridSchema(question);
    case "weekdays":
      return weekdaysSchema as z.ZodMiniType<AnswerValue | null, unknown>;
    default:
      return itemFieldSchema(question) as z.ZodMiniType<AnswerValue | null, unknown>;
  }
}

/**
 * The schema of a section post. A question missing from the post (hidden by skip logic, or not part
 * of an autosave) is left as it is: undefined in the output.
 */
export function sectionSchema(section: Section) {
  return z.object(
    Object.fromEntries(section.questions.map((q) => [q.id, z.optional(questionSchema(q))])),
  ) as unknown as z.ZodMiniType<Record<string, AnswerValue | null | undefined>, Record<string, unknown>>;
}

/** Marker inputs tell a post that a checkbox group or list was on the form even when nothing is checked. */
export const PRESENT_SUFFIX = "__present";
export const ROWS_SUFFIX = "__rows";

/**
 * Reads a section's questions out of FormData into the same nested shape react-hook-form produces
 * (`huisartsen.0.rol`, `team.pa.personen`, `vaste-huisarts.choice`).
 */
export function readSectionForm(section: Section, form: FormData, only?: ReadonlySet<string>) {
  const values: Record<string, unknown> = {};
  const get = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const getAll = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  for (const q of section.questions) {
    if (only && !only.has(q.id)) continue;
    // A register fact is shown, never asked: whatever is posted for it is not read (edit it on /organisation).
    if (q.type === "text" && q.register) continue;
    switch (q.type) {
      case "statement": {
        const choice = get(`${q.id}.choice`);
        const note = get(`${q.id}.note`);
        if (choice !== undefined || note !== undefined || form.has(`${q.id}.${PRESENT_SUFFIX}`)) {
          values[q.id] = { choice: choice ?? "", note: note ?? "" };
        }
        break;
      }
      case "weekdays":
        if (form.has(`${q.id}.${PRESENT_SUFFIX}`)) values[q.id] = getAll(q.id);
        break;
      case "list": {
        const rows = Number(get(`${q.id}.${ROWS_SUFFIX}`));
        if (!Number.isInteger(rows) || rows < 0) break;
        values[q.id] = Array.from({ length: Math.min(rows, q.maxItems + 5) }, (_, i) =>
          Object.fromEntries(
            q.item.map((f) => [
              f.id,
              f.type === "weekdays" ? getAll(`${q.id}.${i}.${f.id}`) : (get(`${q.id}.${i}.${f.id}`) ?? ""),
            ]),
          ),
        );
        break;
      }
      case "grid": {
        if (!form.has(`${q.id}.${PRESENT_SUFFIX}`)) break;
        values[q.id] = Object.fromEntries(
          q.rows.map((r) => [r.id, Object.fromEntries(q.columns.map((c) => [c.id, get(`${q.id}.${r.id}.${c.id}`) ?? ""]))]),
        );
        break;
      }
      default: {
        const v = get(q.id);
        if (v !== undefined) values[q.id] = v;
      }
    }
  }
  return values;
}

/** The form's string representation of a stored answer: what the inputs show. */
export function toFormValue(question: Question, value: AnswerValue | undefined): unknown {
  const num = (n: unknown) => (typeof n === "number" ? String(n).replace(".", ",") : "");
  switch (question.type) {
    case "statement": {
      const s = value as StatementValue | undefined;
      return { choice: s?.choice ?? "", note: s?.note ?? "" };
    }
    case "list": {
      const rows = (value as ListItemValue[] | undefined) ?? [];
      return rows.map((row) => listItemToForm(question, row));
    }
    case "grid": {
      const grid = value as GridValue | undefined;
      return Object.fromEntries(
        question.rows.map((r) => [r.id, Object.fromEntries(question.columns.map((c) => [c.id, num(grid?.[r.id]?.[c.id])]))]),
      );
    }
    case "weekdays":
      return (value as Weekday[] | undefined) ?? [];
    case "integer":
    case "decimal":
      return num(value);
    default:
      return typeof value === "string" ? value : "";
  }
}

export function listItemToForm(question: ListQuestion, row: ListItemValue | undefined) {
  return Object.fromEntries(
    question.item.map((f) => {
      const v = row?.[f.id];
      if (f.type === "weekdays") return [f.id, Array.isArray(v) ? v : []];
      if (typeof v === "number") return [f.id, String(v).replace(".", ",")];
      return [f.id, typeof v === "string" ? v : ""];
    }),
  );
}

export function isStatementValue(value: AnswerValue | undefined): value is StatementValue {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "choice" in value;
}
