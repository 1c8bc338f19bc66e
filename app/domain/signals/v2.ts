/**
 * Signal rules, version 2 (issue 12): read side by side with the source (LHV en NHG, Uitwerking AZWA
 * opdracht D3, par. 4.1, 4.2 and Praktijkhouderschap en praktijkeigenaarschap). Where the product reads
 * the source in its own way, the comment says so and /signalen says so to every reader.
 *
 * Once a submitted assessment carries version 2, these rules are frozen like v1.ts: a change of
 * meaning goes into v3.ts. Thresholds are content parameters.
 */
import type { Parameters } from "../content/schema";
import { SIGNAL_IDS } from "../signal-ids";
import { WEEKDAYS } from "../answers";
import type { KetenStatus, Tri } from "../facts";
import type { PresenceFigure, SignalResult, SignalResults } from "./types";
import { ownerNotGp, patientsPerFte, type SignalFactsV1 } from "./v1";

export type { KetenStatus };

/** One huisarts as the presence rule reads it. */
export interface HuisartsPresence {
  /** Weekdays physically present; null when the days are not given. */
  days: number | null;
  /** A vaste or incidentele waarnemer; null when the role is not given. */
  waarnemer: boolean | null;
}

export interface SignalFactsV2 extends SignalFactsV1 {
  /**
   * v2 reads `weekdaysPresent` as the days of the huisartsen whose days are given (a spreadsheet gives
   * the practice's days as a whole); `huisartsenWithoutDays` says how many huisartsen have none given.
   */
  huisartsenWithoutDays: number;
  /** The huisartsen one by one, for the presence figure; null when the facts do not list them. */
  huisartsen: HuisartsPresence[] | null;
  /** Part of a keten or holding: the legal form answered, the keten register, or a spreadsheet column. */
  ketenOrHolding: KetenStatus;
  /** Structural cooperation with the huisartsen nearby (asked when there is no hagro, or not known). */
  nearbyCooperation: Tri;
}

type Rules = Pick<Parameters, "hoursPerFte" | "maxPatientsPerFte" | "minDaysPresentPerWeek">;

function presenceFigure(f: SignalFactsV2, p: Rules): PresenceFigure {
  const list = f.huisartsen;
  return {
    name: "presence",
    belowMinDays: list === null ? null : list.filter((h) => h.days !== null && h.days < p.minDaysPresentPerWeek).length,
    minDays: p.minDaysPresentPerWeek,
    // "Kritisch zijn als er geen vaste huisarts … of alleen wisselende waarnemers" (par. 4.2, Continuïteit).
    onlyWaarnemers: list === null || list.length === 0 || list.some((h) => h.waarnemer === null) ? null : list.every((h) => h.waarnemer),
    huisartsen: list === null ? null : list.length,
  };
}

/**
 * Rule 3. The product's reading: "reguliere dagzorg" is every weekday, Monday to Friday. A huisarts
 * whose days are not given makes presence unknown, never absent: the others covering every weekday is
 * no signal, a weekday they leave open is unknown, and only with every huisarts's days known is an
 * open weekday a signal.
 */
function noGpPresent(f: SignalFactsV2, p: Rules): SignalResult {
  const id = "no-gp-present" as const;
  const figure = presenceFigure(f, p);
  const days = f.weekdaysPresent;
  if (days === null) return { id, status: "unknown", reason: "days-unknown", evidence: { weekdaysPresent: null }, figure };
  const without = WEEKDAYS.filter((d) => !days.includes(d));
  const open = f.huisartsenWithoutDays;
  const evidence = { weekdaysPresent: days, weekdaysWithout: without, ...(open > 0 ? { huisartsenWithoutDays: open } : {}) };
  if (without.length === 0) return open > 0 ? { id, status: "no-signal", reason: "every-weekday-by-others", params: { count: open }, evidence, figure } : { id, status: "no-signal", reason: "every-weekday", evidence, figure };
  if (open > 0) return { id, status: "unknown", reason: "days-partly-unknown", params: { count: open }, evidence, figure };
  return { id, status: "signal", reason: "weekday-without-gp", evidence, figure };
}

/**
 * Rule 4. "Nee" to either minimum arrangement is a signal. The source asks for the arrangements
 * "expliciet en aantoonbaar" when the owner is not a huisarts; the product's reading adds a practice
 * that is part of a keten or holding, the source's "organisatievormen waarbij eigenaarschap, zeggenschap
 * en medische verantwoordelijkheid uit elkaar liggen" (par. 3.7). There, "deels" is a signal and
 * "weet niet" unknown. Where it is not known whether they are required (owner or keten unknown),
 * anything short of both "ja" is unknown. A huisarts owner outside a keten: no signal; "deels" and
 * "weet niet" are topics in the guide.
 */
function unclearOrganisation(f: SignalFactsV2): SignalResult {
  const id = "unclear-organisation" as const;
  const m = f.medicallyResponsibleGp;
  const g = f.governanceDocumented;
  const evidence = { owner: f.owner, ketenOrHolding: f.ketenOrHolding, medicallyResponsibleGp: m, governanceDocumented: g };
  const answers = { medicallyResponsibleGp: m, governanceDocumented: g };
  if (m === "nee") return { id, status: "signal", reason: "no-responsible-gp", evidence };
  if (g === "nee") return { id, status: "signal", reason: "governance-not-documented", evidence };
  const notGp = f.owner === "andere-zorgverlener" || f.owner === "bestuurder";
  const keten = f.ketenOrHolding === "ja";
  if (notGp || keten) {
    const why = notGp && keten ? "owner-and-keten" : notGp ? "owner" : "keten";
    if (m === "deels" || g === "deels") return { id, status: "signal", reason: "arrangements-partly", params: { why, ...answers }, evidence };
    if (m === "onbekend" || g === "onbekend") return { id, status: "unknown", reason: "arrangements-unknown-explicit", params: { why, ...answers }, evidence };
    return { id, status: "no-signal", reason: "arrangements-explicit", params: { why }, evidence };
  }
  if (m === "ja" && g === "ja") return { id, status: "no-signal", reason: "arrangements-documented", evidence };
  if (f.owner === "onbekend") return { id, status: "unknown", reason: "owner-unknown-arrangements", params: answers, evidence };
  if (f.ketenOrHolding === "onbekend") return { id, status: "unknown", reason: "keten-unknown-arrangements", params: answers, evidence };
  return { id, status: "no-signal", reason: "owner-gp-implicit-topics", params: answers, evidence };
}

/**
 * Rule 5: "samenwerking in de regio met de huisartsen in de omgeving (hagro indien aanwezig), HAP voor
 * avond, nacht en weekenddiensten". A signal when ANW is "nee", hagro participation "nee", or, without a
 * hagro in the region, cooperation with the huisartsen nearby "nee". The product's readings: "deels"
 * counts as taking part (and the reason says so); "nee" to the huisartsen nearby is a signal also when
 * it is not known whether there is a hagro. Otherwise unknown when any part that applies is unknown.
 */
function regionalCooperation(f: SignalFactsV2): SignalResult {
  const id = "regional-cooperation" as const;
  const hagroPresent = f.hagro === "ja" || f.hagro === "deels" || f.hagro === "nee";
  const evidence = { hagro: f.hagro, ...(hagroPresent ? {} : { nearbyCooperation: f.nearbyCooperation }), anw: f.anw };
  if (f.anw === "nee") return { id, status: "signal", reason: "no-anw", evidence };
  if (f.hagro === "nee") return { id, status: "signal", reason: "no-hagro-participation", evidence };
  if (!hagroPresent && f.nearbyCooperation === "nee") {
    return { id, status: "signal", reason: f.hagro === "geen-hagro" ? "no-nearby-cooperation" : "no-nearby-cooperation-hagro-unknown", evidence };
  }
  const unknown = [
    f.anw === "onbekend" ? "anw" : null,
    f.hagro === "onbekend" ? "hagro" : null,
    f.hagro === "geen-hagro" && f.nearbyCooperation === "onbekend" ? "nearby" : null,
  ].filter((x): x is string => x !== null);
  if (unknown.length > 0) return { id, status: "unknown", reason: unknown.length > 1 ? "cooperation-unknown" : `${unknown[0]}-unknown`, evidence };
  const partly = f.anw === "deels" || f.hagro === "deels" || (!hagroPresent && f.nearbyCooperation === "deels");
  return hagroPresent
    ? { id, status: "no-signal", reason: partly ? "takes-part-partly" : "takes-part", params: { hagro: f.hagro, anw: f.anw }, evidence }
    : { id, status: "no-signal", reason: partly ? "nearby-takes-part-partly" : "nearby-takes-part", params: { nearbyCooperation: f.nearbyCooperation, anw: f.anw }, evidence };
}

export function evaluateV2(facts: SignalFactsV2, parameters: Rules): SignalResults {
  const results: SignalResult[] = [
    ownerNotGp(facts),
    patientsPerFte(facts, parameters),
    noGpPresent(facts, parameters),
    unclearOrganisation(facts),
    regionalCooperation(facts),
  ];
  return Object.fromEntries(SIGNAL_IDS.map((id) => [id, results.find((r) => r.id === id)!])) as SignalResults;
}
