/** The practice register (issue 13) and the ways in from every practice: English. */
import type register from "./register.nl";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof register> = {
  title: "The practice's register",
  lead: "Name, AGB code, KvK number, postcode and region of the practice are kept in one place: here. The questionnaire takes them from here and does not ask them again.",
  readOnly: "Only a beheerder of the organisation can change the register.",
  none: "Your organisation keeps no practice in the register.",
  identifierNote:
    "If you change the AGB code or the KvK number of a verified organisation, the platform administration checks the new number; until then your organisation awaits verification again.",
  fields: {
    name: "Name of the practice",
    agb: "AGB code",
    agbHelp: "Eight digits, also when the code starts with a zero.",
    kvk: "KvK number of the organisation",
    kvkHelp: "Eight digits.",
    postcode: "Postcode",
    postcodeHelp: "For example 3511 AB.",
    region: "GP region",
    regionNone: "No region chosen",
    regionHelp: "The region decides which regional figures of the signaleringsmatrix are shown beside the practice.",
    none: "–",
  },
  save: "Save the register",
  saved: "The register has been saved.",
  savedReset:
    "The register has been saved. Because the AGB code or the KvK number changed, the platform administration checks your organisation again; until then you share nothing and answer no requests.",
  unchanged: "Nothing had changed.",
  changed: "Last changed on {{date}} by {{name}}.",
  changedNoName: "Last changed on {{date}}.",
  asSignedUp: "As recorded at sign-up or import.",
  errors: {
    nameRequired: "Enter the name of the practice.",
    nameTooLong: "At most {{max}} characters.",
    agbRequired: "Enter the AGB code: eight digits.",
    agbTaken: "This AGB code is in the register for another practice. Is it your practice's code? Contact the platform administration: {{contact}}.",
    region: "Choose a region from the list.",
  },
  given: {
    lead: "These facts come from the practice's register and are not asked here.",
    changed: "From the register, changed on {{date}} by {{name}}.",
    changedNoName: "From the register, changed on {{date}}.",
    asSignedUp: "From the register, as recorded at sign-up or import.",
    snapshot: "From the register, as it was when submitted on {{date}}.",
    empty: "Not yet in the register",
    edit: "Change in the register",
  },
  home: {
    edit: "Change name, AGB code, postcode and region",
    where: "These facts are kept in the register on the organisation page.",
  },
  start: {
    label: "{{action}}: {{practice}}",
    unverified: "Starting an assessment, afweging or conversation preparation of your own is possible once the platform administration has verified your organisation.",
    lezer: "A lezer cannot start an assessment; ask a beheerder or invuller of your organisation.",
  },
  empty: {
    own: "You have no assessments of your own yet. Look a practice up by its AGB code below, or open one in your portfolio.",
    portfolio: "Open the portfolio",
    portfolioEmpty:
      "Your portfolio is still empty. Start an assessment of your own above with a practice's AGB code, ask a practice for its self-assessment, or import practice facts.",
    portfolioUnverified: "Your portfolio stays empty until the platform administration has verified your organisation; until then you work on your own things only.",
    home: "To the home page",
    import: "Import practice facts",
    compareNoOwn: "You have no assessment of your own of this practice yet; start one to compare.",
    compareNoSelf: "No self-assessment of this practice has been shared with you. Ask the practice for it on the practice page; then you can compare.",
    toPractice: "To the practice page",
    noSelfAssessment: "No self-assessment yet.",
  },
};

export default en;
