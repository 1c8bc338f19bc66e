/**
 * Practice facts: the normalised figures the derived figures (and, later, the signals engine) work on.
 * Two adapters fill them: the questionnaire's answers (here) and a spreadsheet row. The question ids
 * below are a contract with content/vN/sections; a content test checks they exist with these types.
 */
import {
  WEEKDAYS,
  isStatementValue,
  type AnswerValue,
  type Answers,
  type ListItemValue,
  type Weekday,
} from "./answers";

export const OWNER_KINDS = ["huisarts", "andere-zorgverlener", "bestuurder", "onbekend"] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export type Tri = "ja" | "deels" | "nee" | "onbekend";
export type HagroStatus = "ja" | "deels" | "nee" | "geen-hagro" | "onbekend";

export interface HuisartsFact {
  role: string | null;
  hoursPerWeek: number | null;
  weekdays: Weekday[];
}

export interface PracticeFacts {
  owner: OwnerKind;
  registeredPatients: number | null;
  /** null when the huisartsen are not (yet) given. */
  huisartsen: HuisartsFact[] | null;
  medicallyResponsibleGp: Tri;
  governanceDocumented: Tri;
  hagro: HagroStatus;
  anw: Tri;
}

export const FACT_QUESTIONS = {
  owner: "eigenaar",
  registeredPatients: "ingeschreven-patienten",
  huisartsen: "huisartsen",
  medicallyResponsibleGp: "medisch-eindverantwoordelijke-huisarts",
  governanceDocumented: "governance-vastgelegd",
  hagroPresent: "hagro-aanwezig",
  hagroParticipation: "hagro-deelname",
  anw: "anw-deelname",
} as const;

export const HUISARTS_FIELDS = {
  role: "rol",
  hours: "uren-per-week",
  weekdays: "dagen-aanwezig",
} as const;

export const WAARNEMER_ROLES = ["vaste-waarnemer", "incidentele-waarnemer"] as const;

function tri(value: AnswerValue | undefined): Tri {
  if (!isStatementValue(value)) return "onbekend";
  return value.choice === "weet-niet" ? "onbekend" : value.choice;
}

export function factsFromAnswers(answers: Answers): PracticeFacts {
  const owner = answers[FACT_QUESTIONS.owner];
  const patients = answers[FACT_QUESTIONS.registeredPatients];
  const list = answers[FACT_QUESTIONS.huisartsen] as ListItemValue[] | undefined;
  const hagroPresent = answers[FACT_QUESTIONS.hagroPresent];
  const participation = tri(answers[FACT_QUESTIONS.hagroParticipation]);
  return {
    owner: (OWNER_KINDS as readonly unknown[]).includes(owner) ? (owner as OwnerKind) : "onbekend",
    registeredPatients: typeof patients === "number" ? patients : null,
    huisartsen: Array.isArray(list)
      ? list.map((row) => ({
          role: typeof row[HUISARTS_FIELDS.role] === "string" ? (row[HUISARTS_FIELDS.role] as string) : null,
          hoursPerWeek: typeof row[HUISARTS_FIELDS.hours] === "number" ? (row[HUISARTS_FIELDS.hours] as number) : null,
          weekdays: Array.isArray(row[HUISARTS_FIELDS.weekdays])
            ? (row[HUISARTS_FIELDS.weekdays] as Weekday[]).filter((d) => WEEKDAYS.includes(d))
            : [],
        }))
      : null,
    medicallyResponsibleGp: tri(answers[FACT_QUESTIONS.medicallyResponsibleGp]),
    governanceDocumented: tri(answers[FACT_QUESTIONS.governanceDocumented]),
    hagro: hagroPresent === "nee" ? "geen-hagro" : hagroPresent === "ja" ? participation : "onbekend",
    anw: tri(answers[FACT_QUESTIONS.anw]),
  };
}

/** The questionnaire adapter for the signals engine: the richer answers give hours and weekdays. */
export function signalFactsFromPractice(facts: PracticeFacts): import("./signals").SignalFacts {
  const list = facts.huisartsen;
  const hoursKnown = list !== null && list.every((h) => h.hoursPerWeek !== null);
  return {
    owner: facts.owner,
    registeredPatients: facts.registeredPatients,
    huisartsHoursPerWeek: list === null || !hoursKnown ? null : list.reduce((sum, h) => sum + (h.hoursPerWeek ?? 0), 0),
    weekdaysPresent: list === null ? null : WEEKDAYS.filter((d) => list.some((h) => h.weekdays.includes(d))),
    medicallyResponsibleGp: facts.medicallyResponsibleGp,
    governanceDocumented: facts.governanceDocumented,
    hagro: facts.hagro,
    anw: facts.anw,
  };
}
