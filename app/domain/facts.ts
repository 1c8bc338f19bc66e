/**
 * Practice facts: the normalised figures the derived figures and the signals engine work on.
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
  /** Weekdays physically present; null when none are given (not known, never "no days"). */
  weekdays: Weekday[] | null;
}

/** Whether the practice is part of a keten or holding. */
export type KetenStatus = "ja" | "nee" | "onbekend";

export interface PracticeFacts {
  owner: OwnerKind;
  registeredPatients: number | null;
  /** null when the huisartsen are not (yet) given. */
  huisartsen: HuisartsFact[] | null;
  medicallyResponsibleGp: Tri;
  governanceDocumented: Tri;
  /** From the legal form answered ("onderdeel van een keten of holding"); the register may add to it. */
  ketenOrHolding: KetenStatus;
  hagro: HagroStatus;
  /** Structural cooperation with the huisartsen nearby: asked when there is no hagro, or it is not known. */
  nearbyCooperation: Tri;
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
  nearbyCooperation: "samenwerking-huisartsen-omgeving",
  anw: "anw-deelname",
  legalForm: "rechtsvorm",
} as const;

/** The legal-form answer that means "part of a keten or holding"; every other answer (but "weet niet") means not. */
export const KETEN_LEGAL_FORM = "keten-bv";

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
  const legalForm = answers[FACT_QUESTIONS.legalForm];
  return {
    owner: (OWNER_KINDS as readonly unknown[]).includes(owner) ? (owner as OwnerKind) : "onbekend",
    registeredPatients: typeof patients === "number" ? patients : null,
    huisartsen: Array.isArray(list)
      ? list.map((row) => ({
          role: typeof row[HUISARTS_FIELDS.role] === "string" ? (row[HUISARTS_FIELDS.role] as string) : null,
          hoursPerWeek: typeof row[HUISARTS_FIELDS.hours] === "number" ? (row[HUISARTS_FIELDS.hours] as number) : null,
          weekdays: weekdaysOf(row[HUISARTS_FIELDS.weekdays]),
        }))
      : null,
    medicallyResponsibleGp: tri(answers[FACT_QUESTIONS.medicallyResponsibleGp]),
    governanceDocumented: tri(answers[FACT_QUESTIONS.governanceDocumented]),
    ketenOrHolding: typeof legalForm !== "string" || legalForm === "onbekend" ? "onbekend" : legalForm === KETEN_LEGAL_FORM ? "ja" : "nee",
    hagro: hagroPresent === "nee" ? "geen-hagro" : hagroPresent === "ja" ? participation : "onbekend",
    // Only asked when there is no hagro or that is not known (the content's skip logic): a hidden answer counts for nothing.
    nearbyCooperation: hagroPresent === "ja" ? "onbekend" : tri(answers[FACT_QUESTIONS.nearbyCooperation]),
    anw: tri(answers[FACT_QUESTIONS.anw]),
  };
}

/** A huisarts's days as given: none ticked means not given, not "never present". */
function weekdaysOf(value: unknown): Weekday[] | null {
  if (!Array.isArray(value)) return null;
  const days = (value as Weekday[]).filter((d) => WEEKDAYS.includes(d));
  return days.length === 0 ? null : days;
}

/**
 * The questionnaire adapter for the signals engine: the richer answers give hours and weekdays.
 * `register.ketenMember`: the practice belongs to a keten in the register (practice.keten_id).
 * Rules v1 read a subset of these facts, unchanged: the union of the days given is what v1 read.
 */
export function signalFactsFromPractice(facts: PracticeFacts, register: { ketenMember?: boolean } = {}): import("./signals").SignalFacts {
  const list = facts.huisartsen;
  const hoursKnown = list !== null && list.every((h) => h.hoursPerWeek !== null);
  return {
    owner: facts.owner,
    registeredPatients: facts.registeredPatients,
    huisartsHoursPerWeek: list === null || !hoursKnown ? null : list.reduce((sum, h) => sum + (h.hoursPerWeek ?? 0), 0),
    weekdaysPresent: list === null ? null : WEEKDAYS.filter((d) => list.some((h) => h.weekdays?.includes(d))),
    huisartsenWithoutDays: list === null ? 0 : list.filter((h) => h.weekdays === null).length,
    huisartsen:
      list === null
        ? null
        : list.map((h) => ({ days: h.weekdays?.length ?? null, waarnemer: h.role === null ? null : (WAARNEMER_ROLES as readonly string[]).includes(h.role) })),
    medicallyResponsibleGp: facts.medicallyResponsibleGp,
    governanceDocumented: facts.governanceDocumented,
    ketenOrHolding: register.ketenMember ? "ja" : facts.ketenOrHolding,
    hagro: facts.hagro,
    nearbyCooperation: facts.nearbyCooperation,
    anw: facts.anw,
  };
}
