/** English texts of the versioned signal rules that pages render themselves (see signal-rules.nl.ts). */
import type signalRulesNl from "./signal-rules.nl";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const signalRules: Shape<typeof signalRulesNl> = {
  howDecided: "How is this signal decided?",
  howDecidedAll: "How the signals are decided",
  computedWith: "Computed with rules v{{version}}.",
  computedWithOld: "This submitted version was computed with rules v{{version}} and stays as it was submitted. The rules in force now are v{{current}}.",
  currentTitle: "What the current rules (v{{current}}) would say",
  currentIntro: "For comparison, on the same answers. The submitted outcome above does not change because of it.",
  differs: "differs from what was computed",
  same: "the same",
  rulesBadge: "rules v{{version}}",
  rulesBadgeLong: "signals computed with rules v{{version}}; v{{current}} apply now",
  contextGiven: "with the practice's context",
  legend: "A signal marked “with the practice's context” has the practice's own explanation (context and safeguards). Where the signals were computed with older rules than the current ones (v{{current}}), the rules number stands by the source.",
  notAsked: "not asked: does not apply with these answers",
  presence: {
    withoutDays_one: "The days of {{count}} GP are not given: that GP is not counted in this overview, and presence is unknown.",
    withoutDays_other: "The days of {{count}} GPs are not given: they are not counted in this overview, and presence is unknown.",
    belowMin: "GPs present fewer than {{min}} days a week",
    onlyWaarnemers: "Locums only, no regular GP",
  },
  keten: {
    none: "{{title}}: a signal at none of the {{total}} practices",
    noneButUnknown: "{{title}}: a signal at none of the {{total}} practices, but unknown at {{unknown}}",
    someAndUnknown: "{{title}}: {{n}} of {{total}} practices, unknown at {{unknown}}",
  },
};

export default signalRules;
