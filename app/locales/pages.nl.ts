/**
 * Page titles, the summary that opens the overview, report and PDF, units of the answers, and the
 * confirmation before revoking a share (Dutch). Merged into nl.ts as `pages`.
 */
const pages = {
  /** Every <title> is "page — subject — Kernwaardenscan" (WCAG 2.4.2); these are the page parts. */
  titles: {
    home: "Start",
    landing: "Kernwaarden van de huisartsenzorg",
    login: "Inloggen",
    signup: "Account aanmaken",
    forgotPassword: "Wachtwoord vergeten",
    resetPassword: "Nieuw wachtwoord kiezen",
    invitation: "Uitnodiging",
    outbox: "Postvak (demo)",
    organisation: "Organisatie en mensen",
    assessment: "{{perspective}}, versie {{version}}",
    overview: "Overzicht per kernwaarde",
    report: "Rapport",
    audit: "Audittrail",
    revoke: "Delen intrekken",
    portfolio: "Portefeuille",
    importStart: "Praktijkgegevens inlezen",
    importPreview: "Voorbeeld van ingelezen praktijkgegevens",
    practice: "Praktijk",
    compare: "Vergelijking",
    keten: "Keten",
    regions: "Signaleringsmatrix",
    region: "Regio in de signaleringsmatrix",
    criteria: "Criteria van de signaleringsmatrix",
    regionImportStart: "Regiocijfers inlezen",
    regionImportPreview: "Voorbeeld van ingelezen regiocijfers",
    privacy: "Gegevens van de organisatie",
    closeOrganisation: "Organisatie opheffen",
    eraseMember: "Persoon wissen",
    eraseSelf: "Mijn account wissen",
    erased: "Gewist",
    signalRules: "Hoe de signalen worden bepaald",
    platformHome: "Platformbeheer",
    platformAudit: "Audittrail van het platform",
    platformCriteria: "Landelijke grenswaarden",
    platformOrganisation: "Organisatie verifiëren",
    platformOrganisations: "Organisaties",
    loginVerify: "Tweede stap van inloggen",
    security: "Inloggen en beveiliging",
    securityConfirm: "Bevestig dat u het bent",
    recoveryCodes: "Herstelcodes",
    securitySetup: "Tweede factor instellen",
    signupConfirm: "Account bevestigen",
  },
  /** The line that opens the overview, the report and the PDF. */
  summary: {
    title: "Samenvatting",
    signals_one: "{{count}} signaal",
    signals_other: "{{count}} signalen",
    unknown_one: "{{count}} onbekend",
    unknown_other: "{{count}} onbekend",
    signalsLine: "{{signals}}, {{unknown}}",
    answered: "{{answered}} van {{shown}} vragen beantwoord",
    rules: "regels v{{version}}",
    submitted: "ingediend op {{date}}",
    changed: "laatst gewijzigd op {{date}}",
  },
  /** Numbers in answers, with their unit (Dutch number format is applied before). */
  units: {
    hoursPerWeek_one: "{{value}} uur per week",
    hoursPerWeek_other: "{{value}} uur per week",
    hoursPerWeekTogether_one: "{{value}} uur per week samen",
    hoursPerWeekTogether_other: "{{value}} uur per week samen",
    years_one: "{{value}} jaar",
    years_other: "{{value}} jaar",
    persons_one: "{{count}} persoon",
    persons_other: "{{count}} personen",
    withUnit: "{{value}} {{unit}}",
  },
  /** Revoking a share: its own page, so it is never one click beside sharing. */
  revoke: {
    lead: "Wilt u het delen van versie {{version}} van {{practice}} met {{organisation}} intrekken?",
    effect: "Vanaf dat moment kan {{organisation}} deze versie niet meer inzien. Wat zij al heeft gedownload, blijft bij haar. U kunt later opnieuw delen.",
    since: "Gedeeld sinds {{date}}.",
    confirm: "Ja, delen met {{organisation}} intrekken",
    cancel: "Nee, terug zonder in te trekken",
  },
  sharing: {
    sharedWith: "Gedeeld met",
  },
};

export default pages;
