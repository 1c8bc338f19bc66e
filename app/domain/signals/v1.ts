/**
 * Signal rules, version 1 (issues 3 and 5). FROZEN: submitted assessments and imports computed with
 * these rules keep their results, and "berekend met regels v1" must mean exactly this code. Fix a rule
 * in a new version (v2.ts), never here. Thresholds come from the content parameters.
 */
import type { Parameters } from "../content/schema";
import { SIGNAL_IDS } from "../signal-ids";
import { WEEKDAYS, type Weekday } from "../answers";
import { exceedsRatio } from "../derived";
import type { HagroStatus, OwnerKind, Tri } from "../facts";
import type { SignalResult, SignalResults } from "./types";

/** The facts version 1 reads. Later versions' facts extend these, so one set of facts serves both. */
export interface SignalFactsV1 {
  owner: OwnerKind;
  registeredPatients: number | null;
  /** Sum of the huisartsen's hours per week; null when unknown. */
  huisartsHoursPerWeek: number | null;
  /** Weekdays on which at least one huisarts is physically present; [] = none; null = unknown. */
  weekdaysPresent: Weekday[] | null;
  medicallyResponsibleGp: Tri;
  governanceDocumented: Tri;
  hagro: HagroStatus;
  anw: Tri;
}

type Thresholds = Pick<Parameters, "hoursPerFte" | "maxPatientsPerFte">;

/** Also rule 1 of version 2, unchanged. */
export function ownerNotGp(f: SignalFactsV1): SignalResult {
  const base = { id: "owner-not-gp" as const, evidence: { owner: f.owner } };
  if (f.owner === "huisarts") return { ...base, status: "no-signal", reason: "owner-gp" };
  if (f.owner === "onbekend") return { ...base, status: "unknown", reason: "owner-unknown" };
  return { ...base, status: "signal", reason: f.owner === "bestuurder" ? "owner-director" : "owner-other-provider" };
}

/** Also rule 2 of version 2, unchanged. */
export function patientsPerFte(f: SignalFactsV1, p: Thresholds): SignalResult {
  const patients = f.registeredPatients;
  const hours = f.huisartsHoursPerWeek;
  const fte = hours === null ? null : hours / p.hoursPerFte;
  const evidence = { registeredPatients: patients, huisartsHoursPerWeek: hours, fte };
  const figure = (value: number | null, infinite = false) => ({
    name: "patientsPerFte" as const,
    value,
    infinite,
    threshold: p.maxPatientsPerFte,
  });
  if (patients === null || hours === null) {
    return { id: "patients-per-fte", status: "unknown", reason: patients === null ? "patients-unknown" : "hours-unknown", evidence, figure: figure(null) };
  }
  if (hours === 0) {
    return patients > 0
      ? { id: "patients-per-fte", status: "signal", reason: "no-gp-hours", evidence, figure: figure(null, true) }
      : { id: "patients-per-fte", status: "no-signal", reason: "no-patients", evidence, figure: figure(0) };
  }
  const value = Math.round(((patients * p.hoursPerFte) / hours) * 1e6) / 1e6;
  const above = exceedsRatio(patients, hours, p.maxPatientsPerFte, p.hoursPerFte);
  return { id: "patients-per-fte", status: above ? "signal" : "no-signal", reason: above ? "above-line" : "within-line", evidence, figure: figure(value) };
}

function noGpPresent(f: SignalFactsV1): SignalResult {
  const days = f.weekdaysPresent;
  if (days === null) return { id: "no-gp-present", status: "unknown", reason: "days-unknown", evidence: { weekdaysPresent: null } };
  const without = WEEKDAYS.filter((d) => !days.includes(d));
  return {
    id: "no-gp-present",
    status: without.length > 0 ? "signal" : "no-signal",
    reason: without.length > 0 ? "weekday-without-gp" : "every-weekday",
    evidence: { weekdaysPresent: days, weekdaysWithout: without },
  };
}

function unclearOrganisation(f: SignalFactsV1): SignalResult {
  const evidence = { owner: f.owner, medicallyResponsibleGp: f.medicallyResponsibleGp, governanceDocumented: f.governanceDocumented };
  const id = "unclear-organisation" as const;
  if (f.medicallyResponsibleGp === "nee") return { id, status: "signal", reason: "no-responsible-gp", evidence };
  if (f.governanceDocumented === "nee") return { id, status: "signal", reason: "governance-not-documented", evidence };
  const unknown = f.medicallyResponsibleGp === "onbekend" || f.governanceDocumented === "onbekend";
  // With a huisarts as owner these points are implicitly safeguarded, as the source says.
  if (f.owner !== "huisarts" && unknown) return { id, status: "unknown", reason: "arrangements-unknown", evidence };
  return { id, status: "no-signal", reason: f.owner === "huisarts" ? "owner-gp" : "arrangements-documented", evidence };
}

function regionalCooperation(f: SignalFactsV1): SignalResult {
  const evidence = { hagro: f.hagro, anw: f.anw };
  const id = "regional-cooperation" as const;
  if (f.anw === "nee") return { id, status: "signal", reason: "no-anw", evidence };
  if (f.hagro === "nee") return { id, status: "signal", reason: "no-hagro-participation", evidence };
  if (f.anw === "onbekend" || f.hagro === "onbekend") return { id, status: "unknown", reason: "cooperation-unknown", evidence };
  return { id, status: "no-signal", reason: f.hagro === "geen-hagro" ? "no-hagro-in-region" : "takes-part", evidence };
}

export function evaluateV1(facts: SignalFactsV1, parameters: Thresholds): SignalResults {
  const results: SignalResult[] = [
    ownerNotGp(facts),
    patientsPerFte(facts, parameters),
    noGpPresent(facts),
    unclearOrganisation(facts),
    regionalCooperation(facts),
  ];
  return Object.fromEntries(SIGNAL_IDS.map((id) => [id, results.find((r) => r.id === id)!])) as SignalResults;
}
