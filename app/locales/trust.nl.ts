/** Verified organisations (Dutch): the mark, what an unverified organisation may do, identifiers. Merged into nl.ts as `trust`. */
const trust = {
  mark: "geverifieerd",
  markTitle: "Het platformbeheer heeft de gegevens van deze organisatie gecontroleerd (KvK, AGB of UZOVI).",
  markOption: "{{name}} (geverifieerd)",
  status: { pending: "wacht op verificatie", verified: "geverifieerd", refused: "niet geverifieerd", withdrawn: "verificatie ingetrokken" },
  banner: {
    pending: {
      title: "Uw organisatie wacht op verificatie",
      body: "Het platformbeheer controleert de gegevens die u bij het aanmelden gaf. Tot dan werkt u alleen aan uw eigen zaken.",
    },
    refused: {
      title: "Uw organisatie is niet geverifieerd",
      body: "Het platformbeheer kon uw gegevens niet bevestigen. U werkt alleen aan uw eigen zaken; op de pagina Organisatie en leden kunt u uw gegevens verbeteren en opnieuw om verificatie vragen.",
    },
    withdrawn: {
      title: "De verificatie van uw organisatie is ingetrokken",
      body: "Dat geldt direct. U werkt alleen aan uw eigen zaken; op de pagina Organisatie en leden kunt u opnieuw om verificatie vragen.",
    },
    note: "Toelichting van het platformbeheer: {{note}}",
    more: "Meer over de verificatie van uw organisatie",
  },
  limits: {
    praktijk: "U vult uw zelfevaluatie in en dient haar in; delen met een zorgverzekeraar, toezichthouder of huisarts kan pas na de verificatie.",
    keten: "De zelfevaluaties van de aangesloten praktijken ziet u pas na de verificatie, en u spreekt dan pas voor praktijken zonder eigen account.",
    zorgverzekeraar: "Praktijken opzoeken, een beoordeling over een praktijk beginnen, om een zelfevaluatie vragen en praktijkgegevens inlezen kan pas na de verificatie.",
    toezichthouder: "Praktijken opzoeken, een gespreksvoorbereiding beginnen, om een zelfevaluatie vragen en praktijkgegevens inlezen kan pas na de verificatie.",
    huisarts: "Praktijken opzoeken, een afweging over een praktijk beginnen en om een zelfevaluatie vragen kan pas na de verificatie.",
  },
  claim: {
    open: "Uw aanspraak op de praktijk {{name}} (AGB {{agb}}) wacht op het platformbeheer. Na goedkeuring vult u de zelfevaluatie van die praktijk in.",
    approved: "Uw aanspraak op de praktijk {{name}} (AGB {{agb}}) is goedgekeurd.",
    refused: "Uw aanspraak op de praktijk {{name}} (AGB {{agb}}) is afgewezen.",
  },
  errors: {
    agbRequired: "Vul de AGB-code van de praktijk in: 8 cijfers, bijvoorbeeld 01234567.",
    kvk: "Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 12345678.",
    kvkRequired: "Vul het KvK-nummer van uw organisatie in: 8 cijfers.",
    uzovi: "Een UZOVI-code bestaat uit precies 4 cijfers, bijvoorbeeld 3311.",
    uzoviRequired: "Vul de UZOVI-code van de zorgverzekeraar in: 4 cijfers.",
    agbVerified:
      "Deze AGB-code hoort bij een praktijk met een geverifieerd account. Werkt u in die praktijk? Vraag de beheerder daar om een uitnodiging. Is dit uw praktijk en klopt er iets niet? Neem contact op met het platformbeheer: {{contact}}.",
    shareUnverified: "Delen kan pas als het platformbeheer uw praktijk heeft geverifieerd. Afwijzen kan wel.",
  },
  fields: {
    agb: "AGB-code van de praktijk",
    agbHelp: "Alleen voor een huisartsenpraktijk, en dan verplicht: 8 cijfers, bijvoorbeeld 01234567.",
    kvk: "KvK-nummer",
    kvkHelp: "8 cijfers. Verplicht voor een keten en een zorgverzekeraar; voor de andere soorten als uw organisatie er een heeft.",
    uzovi: "UZOVI-code",
    uzoviHelp: "Alleen voor een zorgverzekeraar, en dan verplicht: 4 cijfers.",
  },
  signup: {
    identifiersLead:
      "Met deze nummers controleert het platformbeheer of uw organisatie is wie zij zegt te zijn. Tot die controle werkt u alleen aan uw eigen zaken; daarna ziet iedereen bij uw naam het kenmerk “geverifieerd”.",
  },
  requests: {
    messageHelp: "Hoogstens {{max}} tekens.",
    messageTooLong: "Uw toelichting is langer dan {{max}} tekens. Maak haar korter; er is niets verstuurd.",
    alreadyOpen: "U heeft deze praktijk al om haar zelfevaluatie gevraagd; dat verzoek staat nog open.",
    dailyLimit: "Uw organisatie heeft vandaag al {{max}} verzoeken verstuurd, het maximum per 24 uur. Probeer het morgen opnieuw.",
  },
  sharing: {
    unverified: "Delen kan zodra het platformbeheer uw praktijk heeft geverifieerd. Tot dan blijft deze versie alleen bij u.",
  },
  organisation: {
    title: "Verificatie",
    status: "Status: {{status}}",
    verifiedOn: "Geverifieerd op {{date}}.",
    basis: "Gecontroleerd: {{checked}}.",
    note: "Toelichting van het platformbeheer: {{note}}",
    identifiers: "Uw nummers",
    none: "niet opgegeven",
    checks: { kvk: "KvK-nummer", agb: "AGB-code", uzovi: "UZOVI-code", other: "andere bron" },
    askAgain: {
      title: "Opnieuw om verificatie vragen",
      lead: "Verbeter zo nodig uw nummers en schrijf erbij wat er veranderd is. Het platformbeheer kijkt er opnieuw naar.",
      note: "Toelichting voor het platformbeheer",
      submit: "Opnieuw om verificatie vragen",
      done: "Uw verzoek om verificatie is verstuurd.",
      noteRequired: "Schrijf kort wat er veranderd is.",
      noteTooLong: "Hoogstens {{max}} tekens.",
    },
  },
};

export default trust;
