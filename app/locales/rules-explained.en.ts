/** English texts of the signal rules that only the server words (see rules-explained.nl.ts). */
import type rulesExplainedNl from "./rules-explained.nl";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const rulesExplained: Shape<typeof rulesExplainedNl> = {
  reason: {
    "every-weekday-by-others_one": "A GP is physically present every weekday. The days of {{count}} GP are not given, but the others together cover every weekday.",
    "every-weekday-by-others_other": "A GP is physically present every weekday. The days of {{count}} GPs are not given, but the others together cover every weekday.",
    "days-partly-unknown_one":
      "By the days given, a GP is not physically present on every weekday, but the days of {{count}} GP are not given: it is unknown whether that GP covers the open weekday.",
    "days-partly-unknown_other":
      "By the days given, a GP is not physically present on every weekday, but the days of {{count}} GPs are not given: it is unknown whether they cover the open weekday.",
    "arrangements-partly":
      "{{why}}; the minimum arrangements must then be explicit and demonstrable. That is only partly so: GP with final medical responsibility designated: {{medicallyResponsibleGp}}; governance recorded: {{governanceDocumented}}.",
    "arrangements-unknown-explicit":
      "{{why}}; the minimum arrangements must then be explicit and demonstrable. It is not known whether they are: GP with final medical responsibility designated: {{medicallyResponsibleGp}}; governance recorded: {{governanceDocumented}}.",
    "arrangements-explicit": "{{why}}; a GP is formally designated as bearing final medical responsibility and the governance is recorded, as is then required.",
    "arrangements-documented": "A GP is formally designated as bearing final medical responsibility and the governance is recorded.",
    "owner-unknown-arrangements":
      "It is not known who owns the practice. If that is not a GP, the minimum arrangements must be explicit and demonstrable; now: GP with final medical responsibility designated: {{medicallyResponsibleGp}}; governance recorded: {{governanceDocumented}}.",
    "keten-unknown-arrangements":
      "The owner is a GP, but it is not known whether the practice is part of a chain or holding. If it is, the minimum arrangements must be explicit and demonstrable; now: GP with final medical responsibility designated: {{medicallyResponsibleGp}}; governance recorded: {{governanceDocumented}}.",
    "owner-gp-implicit-topics":
      "The owner is a GP and the practice is not part of a chain or holding: the minimum arrangements are then usually implicitly safeguarded. GP with final medical responsibility designated: {{medicallyResponsibleGp}}; governance recorded: {{governanceDocumented}}; whatever is not ‘yes’ is a topic in the conversation guide.",
    "no-nearby-cooperation": "There is no hagro in the region, and the practice does not coordinate structurally with the GPs nearby.",
    "no-nearby-cooperation-hagro-unknown": "The practice does not coordinate structurally with the GPs nearby; it is not known whether there is a hagro in the region.",
    "anw-unknown": "It is not known whether the practice takes part in out-of-hours care (the GP out-of-hours service).",
    "hagro-unknown": "It is not known whether there is a hagro in the region, or whether the practice takes part in it.",
    "nearby-unknown": "There is no hagro in the region, and it is not known whether the practice coordinates structurally with the GPs nearby.",
    "cooperation-unknown": "For more than one part it is not known whether the practice takes part: see the evidence.",
    "takes-part": "The practice takes part in the hagro ({{hagro}}) and in out-of-hours care ({{anw}}).",
    "takes-part-partly": "The practice takes part in the hagro ({{hagro}}) and in out-of-hours care ({{anw}}). ‘Partly’ counts as taking part; what ‘partly’ means is a topic for the conversation.",
    "nearby-takes-part": "There is no hagro in the region; the practice coordinates with the GPs nearby ({{nearbyCooperation}}) and takes part in out-of-hours care ({{anw}}).",
    "nearby-takes-part-partly":
      "There is no hagro in the region; the practice coordinates with the GPs nearby ({{nearbyCooperation}}) and takes part in out-of-hours care ({{anw}}). ‘Partly’ counts as taking part; what ‘partly’ means is a topic for the conversation.",
  },
  why: {
    owner: "The owner is not a GP",
    keten: "The practice is part of a chain or holding",
    "owner-and-keten": "The owner is not a GP and the practice is part of a chain or holding",
  },
  presenceFigure: {
    below_zero: "No GP is physically present fewer than {{min}} days a week.",
    below_one: "{{count}} of the {{total}} GPs is physically present fewer than {{min}} days a week.",
    below_other: "{{count}} of the {{total}} GPs are physically present fewer than {{min}} days a week.",
    onlyWaarnemers: "All GPs are locums: there is no regular GP.",
  },
  evidence: {
    ketenOrHolding: "Part of a chain or holding",
    nearbyCooperation: "Structural coordination with the GPs nearby",
    huisartsenWithoutDays: "GPs without days given",
  },
  page: {
    title: "How the signals are decided",
    lead: "For each signal: what the source says, how Kernwaardenscan reads it, which lines apply, when a signal is unknown, and which parts are the scan's own interpretation.",
    statusTitle: "An implementation, not a validated version",
    evaluationTitle: "Evaluation after one year",
    inForce: "Rules version {{version}} applies now. Every outcome in the scan says which version computed it; a submitted version keeps the outcome of the rules that computed it.",
    source: "What the source says",
    sourceTranslation: "What the source says (an English rendering of the Dutch text)",
    rule: "How the scan reads it",
    thresholds: "Lines from the parameters",
    noThresholds: "This signal uses no figures from the parameters.",
    unknown: "When unknown",
    interpretation: "The scan's own interpretation",
    reading: "How to read the signal",
    kernpunten: "Core points",
    inUse: "in force now",
    versionsTitle: "Versions of the rules",
    version: "Version {{version}} ({{date}})",
    parametersTitle: "All parameters",
    parametersIntro: "The figures the rules and the texts use. The professional bodies can change them after their evaluation; every text that names a figure takes it from here.",
    matrixTitle: "Reading the signalling matrix",
    matrixIntro: "The region's matrix stands beside a practice's signals as context, not as a signal about the practice.",
    matrixChoices: "The scan's own choices in the matrix",
    toMatrix: "To the signalling matrix",
    parameter: {
      hoursPerFte: "Hours per FTE GP",
      normPatientsPerFte: "Standard practice (normpraktijk): patients per FTE (an average, not a norm)",
      maxPatientsPerFte: "Line: patients per FTE GP",
      consultsPerPatientPerYear: "Consultations and home visits per patient per year, within office hours",
      workingDaysPerYear: "Working days per year",
      minDaysPresentPerWeek: "Preferably at least this many days a week physically present",
      rulesVersion: "Version of the rules",
    },
  },
};

export default rulesExplained;
