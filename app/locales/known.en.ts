/** Issue 13: prefilled answers, "Klopt nog", changes since the previous version (English). Merged into en.ts as `known`. */
import type nl from "./known.nl";

const known: typeof nl = {
  origin: {
    label: "Taken over",
    self: "Taken from the self-assessment of {{practice}}, version {{version}}, submitted {{date}}.",
    import: "From your import of {{date}} (reference date {{sourceDate}}).",
    otherSame: "The other source says the same.",
    otherSelfDiffers: "The self-assessment of {{practice}} (version {{version}}, submitted {{date}}) says otherwise; your import is more recent and was taken.",
    otherImportDiffers: "Your import (reference date {{sourceDate}}) says otherwise; the self-assessment is more recent and was taken.",
    confirmed: "Confirmed by {{by}} on {{date}}.",
    confirmedByUnknown: "Confirmed on {{date}}.",
    todo: "Confirm this answer or change it.",
    confirm: "Correct",
    confirmFor: "Correct: {{question}}",
  },
  changed: {
    mark: "Changed since version {{version}}",
    was: "was: {{value}}",
  },
  section: {
    title: "Is this part still correct?",
    introNext: "The answers come from version {{version}}. If everything still holds, confirm the part in one click; otherwise first change what is different.",
    introPrefill: "Some answers were taken from what your organisation could already see, with their source. If they are right, confirm the part in one click.",
    button: "Still correct",
    confirmed: "Part confirmed by {{by}} on {{date}}.",
    confirmedByUnknown: "Part confirmed on {{date}}.",
    confirmedPrevious: "Part “{{title}}” is confirmed: it still holds.",
  },
  nav: {
    confirmed: "confirmed",
    toConfirm: "to confirm",
  },
  progress: "{{confirmed}} of {{total}} parts confirmed",
  prefilled_one: "{{count}} answer was taken from what your organisation could already see; confirm or change it in the parts.",
  prefilled_other: "{{count}} answers were taken from what your organisation could already see; confirm or change them in the parts.",
  versions: {
    compareWith: "Compare with version {{version}}",
    title: "Version {{older}} beside version {{newer}}",
    intro: "The answers and signals of two versions of the same {{perspective}}, the older on the left.",
    differences_one: "{{count}} difference",
    differences_other: "{{count}} differences",
    none: "No differences between these two versions.",
    showAll: "Show all answers",
    showDifferences: "Show only the differences",
    answers: "Answers",
    signals: "Signals",
    question: "Question",
    signal: "Signal",
    version: "Version {{version}}",
    what: "Difference",
    change: { changed: "changed", added: "newly answered", removed: "no longer answered", same: "same" },
    back: "Back to the versions",
  },
  report: {
    title: "Changed since version {{version}}",
    none: "No answers or signals changed since version {{version}}.",
    signalChanged: "{{signal}}: was {{before}}, now {{after}}",
    compare: "Both versions side by side",
  },
  portfolio: {
    changed: "signals changed since the previous version",
    unchanged: "signals same as the previous version",
    filterChanged: "Only practices whose signals changed since the previous version",
    csvColumn: "Signals since previous version",
    csvChanged: "changed",
    csvSame: "same",
  },
};

export default known;
