/**
 * Figures in content texts come from the parameters: a text names `{{maxPatientsPerFte}}`, never 4000,
 * so when the beroepsgroepen change a figure after their evaluation (002, par. 3.7) every text that names
 * it follows. Filled in once, when the content is loaded, in each language's number format.
 */
import type { Parameters } from "./schema";

/** Figures texts may name: the parameters, and what follows from them. */
export function contentFigures(p: Omit<Parameters, "rulesVersion">) {
  return {
    hoursPerFte: p.hoursPerFte,
    normPatientsPerFte: p.normPatientsPerFte,
    maxPatientsPerFte: p.maxPatientsPerFte,
    consultsPerPatientPerYear: p.consultsPerPatientPerYear,
    workingDaysPerYear: p.workingDaysPerYear,
    minDaysPresentPerWeek: p.minDaysPresentPerWeek,
    /** Consults a working day at the line: 4000 × 4,5 / 240 = 75 ("ongeveer 75 consulten per werkdag"). */
    consultsPerDayAtMax: Math.round((p.maxPatientsPerFte * p.consultsPerPatientPerYear) / p.workingDaysPerYear),
    /** The line as a multiple of the normpraktijk ("twee keer de normpraktijk"). */
    maxTimesNorm: Math.round(p.maxPatientsPerFte / p.normPatientsPerFte),
  };
}
export type ContentFigureName = keyof ReturnType<typeof contentFigures>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

function format(value: number, lng: "nl" | "en") {
  return new Intl.NumberFormat(lng === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

/**
 * Every string in a parsed content file with its `{{figure}}` placeholders filled in: `{nl, en}` pairs
 * in their own language, other strings (source citations) in Dutch. An unknown name is an error, so a
 * typo fails the content check instead of showing braces to a reader.
 */
export function interpolateContent<T>(value: T, parameters: Omit<Parameters, "rulesVersion">, problems: string[], where = ""): T {
  const figures = contentFigures(parameters) as Record<string, number>;
  const fill = (text: string, lng: "nl" | "en", at: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const figure = figures[name];
      if (figure === undefined) {
        problems.push(`${at}: unknown figure ${whole} (known: ${Object.keys(figures).join(", ")})`);
        return whole;
      }
      return format(figure, lng);
    });
  const visit = (v: unknown, at: string): unknown => {
    if (typeof v === "string") return fill(v, "nl", at);
    if (Array.isArray(v)) return v.map((x, i) => visit(x, `${at}.${i}`));
    if (v && typeof v === "object") {
      const entries = Object.entries(v);
      const pair = entries.length === 2 && typeof (v as Record<string, unknown>).nl === "string" && typeof (v as Record<string, unknown>).en === "string";
      if (pair) return { nl: fill((v as { nl: string }).nl, "nl", `${at}.nl`), en: fill((v as { en: string }).en, "en", `${at}.en`) };
      return Object.fromEntries(entries.map(([k, x]) => [k, visit(x, at ? `${at}.${k}` : k)]));
    }
    return v;
  };
  return visit(value, where) as T;
}
