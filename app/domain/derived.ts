/**
 * Derived figures: shown, never asked. Pure, so the server renders them and the client recomputes them
 * live as the facts are typed.
 */
import type { Parameters } from "./content/schema";
import { WEEKDAYS, type Weekday } from "./answers";
import { WAARNEMER_ROLES, type PracticeFacts } from "./facts";

export interface DerivedFigures {
  /** Sum of the huisartsen's hours per week; null when unknown. */
  huisartsHoursPerWeek: number | null;
  fteHuisarts: number | null;
  /** null when patients or hours are unknown, or there are no huisarts hours. */
  patientsPerFte: number | null;
  /** Patients on the list while no huisarts hours are given: the figure is infinite. */
  patientsWithoutHuisartsHours: boolean;
  /** Exact comparison with the 4000 line (no floating point at the boundary); null when unknown. */
  aboveMaxPatientsPerFte: boolean | null;
  /** Ratio of patients per fte to the normpraktijk, e.g. 1.5 = 150 %. */
  normRatio: number | null;
  consultsPerDayPerFte: number | null;
  consultsPerDay: number | null;
  /** Share (0..1) of the huisarts hours given by waarnemers. */
  waarnemerShare: number | null;
  /** Per weekday, how many huisartsen are physically present; null when no huisartsen are given. */
  presence: Record<Weekday, number> | null;
  weekdaysWithoutHuisarts: number | null;
  /** Huisartsen whose days present are not given: the grid cannot count them. */
  huisartsenWithoutDays: number;
  /** Huisartsen present on fewer days than the source prefers (minDaysPresentPerWeek); null without huisartsen. */
  huisartsenBelowMinDays: number | null;
  /** Every huisarts is a waarnemer (vaste or incidentele); null without huisartsen. */
  onlyWaarnemers: boolean | null;
}

/**
 * Floating point leaves noise far below any figure a person types (4100 / (41 / 40) gives
 * 4000.0000000000005): round it away, so a practice exactly on the line is on the line.
 */
const clean = (n: number) => Math.round(n * 1e6) / 1e6;

/** patients per fte > maxPerFte, without dividing: patients × hoursPerFte > maxPerFte × hours. */
export function exceedsRatio(patients: number, hours: number, maxPerFte: number, hoursPerFte: number) {
  return clean(patients * hoursPerFte - maxPerFte * hours) > 0;
}

export function deriveFigures(facts: PracticeFacts, p: Parameters): DerivedFigures {
  const list = facts.huisartsen;
  const hoursKnown = list !== null && list.length > 0 && list.every((h) => h.hoursPerWeek !== null);
  const hours = hoursKnown ? list.reduce((sum, h) => sum + (h.hoursPerWeek ?? 0), 0) : list?.length === 0 ? 0 : null;
  const fte = hours === null ? null : hours / p.hoursPerFte;
  const patients = facts.registeredPatients;
  const perFte = patients !== null && hours !== null && hours > 0 ? clean((patients * p.hoursPerFte) / hours) : null;
  const noHours = patients !== null && patients > 0 && hours === 0;
  const above =
    patients === null || hours === null
      ? null
      : hours === 0
        ? patients > 0
        : exceedsRatio(patients, hours, p.maxPatientsPerFte, p.hoursPerFte);
  const waarnemerHours = hoursKnown
    ? list.filter((h) => (WAARNEMER_ROLES as readonly (string | null)[]).includes(h.role)).reduce((s, h) => s + (h.hoursPerWeek ?? 0), 0)
    : null;
  const presence =
    list === null
      ? null
      : (Object.fromEntries(WEEKDAYS.map((d) => [d, list.filter((h) => h.weekdays?.includes(d)).length])) as Record<
          Weekday,
          number
        >);
  return {
    huisartsHoursPerWeek: hours,
    fteHuisarts: fte,
    patientsPerFte: perFte,
    patientsWithoutHuisartsHours: noHours,
    aboveMaxPatientsPerFte: above,
    normRatio: perFte === null ? null : perFte / p.normPatientsPerFte,
    consultsPerDayPerFte: perFte === null ? null : (perFte * p.consultsPerPatientPerYear) / p.workingDaysPerYear,
    consultsPerDay: patients === null ? null : (patients * p.consultsPerPatientPerYear) / p.workingDaysPerYear,
    waarnemerShare: waarnemerHours === null || !hours ? null : waarnemerHours / hours,
    presence,
    weekdaysWithoutHuisarts: presence === null ? null : WEEKDAYS.filter((d) => presence[d] === 0).length,
    huisartsenWithoutDays: list === null ? 0 : list.filter((h) => h.weekdays === null).length,
    huisartsenBelowMinDays: list === null ? null : list.filter((h) => h.weekdays !== null && h.weekdays.length < p.minDaysPresentPerWeek).length,
    onlyWaarnemers: list === null || list.length === 0 ? null : list.every((h) => (WAARNEMER_ROLES as readonly (string | null)[]).includes(h.role)),
  };
}
