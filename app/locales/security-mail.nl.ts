/** Mails of trust and sign-in (Dutch), in the server namespace as `securityMail`. */
const securityMail = {
  setPassword: {
    subject: "Uw account als platformbeheerder van Kernwaardenscan",
    body: "Hallo {{name}},\n\nEr is voor u een account als platformbeheerder van Kernwaardenscan aangemaakt. Kies een wachtwoord via deze link ({{hours}} uur geldig, één keer te gebruiken):\n{{link}}\n\nBij de eerste keer inloggen stelt u daarna tweestapsverificatie in; zonder die tweede stap komt u niet verder.\n\nVerwachtte u dit niet? Negeer deze e-mail dan.\n\nKernwaardenscan",
  },
  verification: {
    verified: {
      subject: "{{organisation}} is geverifieerd in Kernwaardenscan",
      body: "Hallo,\n\nHet platformbeheer van Kernwaardenscan heeft {{organisation}} geverifieerd. Uw organisatie kan nu delen, verzoeken versturen en praktijken opzoeken, en andere organisaties zien bij uw naam het kenmerk \"geverifieerd\".\n\nToelichting: {{note}}\n\nKernwaardenscan",
    },
    refused: {
      subject: "{{organisation}} is niet geverifieerd in Kernwaardenscan",
      body: "Hallo,\n\nHet platformbeheer van Kernwaardenscan heeft {{organisation}} (nog) niet geverifieerd.\n\nToelichting: {{note}}\n\nU kunt uw eigen werk blijven doen. Op de pagina Organisatie en leden kunt u uw gegevens verbeteren en opnieuw om verificatie vragen.\n\nKernwaardenscan",
    },
    withdrawn: {
      subject: "De verificatie van {{organisation}} is ingetrokken",
      body: "Hallo,\n\nHet platformbeheer van Kernwaardenscan heeft de verificatie van {{organisation}} ingetrokken. Dat geldt direct: uw organisatie kan niet meer delen, verzoeken versturen, praktijken opzoeken of gegevens van anderen inzien.\n\nToelichting: {{note}}\n\nOp de pagina Organisatie en leden kunt u opnieuw om verificatie vragen.\n\nKernwaardenscan",
    },
  },
};

export default securityMail;
