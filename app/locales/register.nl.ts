/** The practice register (issue 13) and the ways in from every practice: Dutch. */
const register = {
  title: "Register van de praktijk",
  lead: "Naam, AGB-code, KvK-nummer, postcode en regio van de praktijk staan op één plek: hier. De vragenlijst neemt ze over en vraagt ze niet opnieuw.",
  readOnly: "Alleen een beheerder van de organisatie kan het register wijzigen.",
  none: "Uw organisatie houdt geen praktijk in het register bij.",
  identifierNote:
    "Wijzigt u de AGB-code of het KvK-nummer van een geverifieerde organisatie, dan controleert het platformbeheer het nieuwe nummer; tot dan wacht uw organisatie weer op verificatie.",
  fields: {
    name: "Naam van de praktijk",
    agb: "AGB-code",
    agbHelp: "Acht cijfers, ook als de code met een nul begint.",
    kvk: "KvK-nummer van de organisatie",
    kvkHelp: "Acht cijfers.",
    postcode: "Postcode",
    postcodeHelp: "Bijvoorbeeld 3511 AB.",
    region: "Huisartsenregio",
    regionNone: "Geen regio gekozen",
    regionHelp: "De regio bepaalt welke regionale cijfers uit de signaleringsmatrix naast de praktijk staan.",
    none: "–",
  },
  save: "Register opslaan",
  saved: "Het register is opgeslagen.",
  savedReset:
    "Het register is opgeslagen. Omdat de AGB-code of het KvK-nummer is gewijzigd, controleert het platformbeheer uw organisatie opnieuw; tot dan deelt u niets en beantwoordt u geen verzoeken.",
  unchanged: "Er was niets gewijzigd.",
  changed: "Laatst gewijzigd op {{date}} door {{name}}.",
  changedNoName: "Laatst gewijzigd op {{date}}.",
  asSignedUp: "Zoals bij aanmelding of inlezen vastgelegd.",
  errors: {
    nameRequired: "Vul de naam van de praktijk in.",
    nameTooLong: "Maximaal {{max}} tekens.",
    agbRequired: "Vul de AGB-code in: acht cijfers.",
    agbTaken:
      "Deze AGB-code staat in het register bij een andere praktijk. Is het de code van uw praktijk? Neem contact op met het platformbeheer: {{contact}}.",
    region: "Kies een regio uit de lijst.",
  },
  given: {
    lead: "Deze gegevens komen uit het register van de praktijk en worden hier niet gevraagd.",
    changed: "Uit het register, gewijzigd op {{date}} door {{name}}.",
    changedNoName: "Uit het register, gewijzigd op {{date}}.",
    asSignedUp: "Uit het register, zoals bij aanmelding of inlezen vastgelegd.",
    snapshot: "Uit het register, zoals het was bij indienen op {{date}}.",
    empty: "Nog niet in het register",
    edit: "Wijzigen in het register",
  },
  home: {
    edit: "Naam, AGB-code, postcode en regio wijzigen",
    where: "Deze gegevens staan in het register op de organisatiepagina.",
  },
  start: {
    label: "{{action}}: {{practice}}",
    unverified: "Een eigen beoordeling, afweging of gespreksvoorbereiding starten kan zodra het platformbeheer uw organisatie heeft geverifieerd.",
    lezer: "Een lezer kan geen eigen beoordeling starten; vraag een beheerder of invuller van uw organisatie.",
  },
  empty: {
    own: "U heeft nog geen eigen beoordelingen. Zoek een praktijk op AGB-code hieronder, of open er een in uw portefeuille.",
    portfolio: "Open de portefeuille",
    portfolioEmpty:
      "Uw portefeuille is nog leeg. Start hierboven een eigen beoordeling met de AGB-code van een praktijk, vraag een praktijk om haar zelfevaluatie, of lees praktijkgegevens in.",
    portfolioUnverified: "Uw portefeuille blijft leeg tot het platformbeheer uw organisatie heeft geverifieerd; tot dan werkt u alleen aan uw eigen zaken.",
    home: "Naar de startpagina",
    import: "Praktijkgegevens inlezen",
    compareNoOwn: "U heeft nog geen eigen beoordeling van deze praktijk; start er een om te kunnen vergelijken.",
    compareNoSelf: "Er is geen zelfevaluatie van deze praktijk met u gedeeld. Vraag de praktijk erom op de praktijkpagina; dan kunt u vergelijken.",
    toPractice: "Naar de praktijkpagina",
    noSelfAssessment: "Nog geen zelfevaluatie.",
  },
};

export default register;
