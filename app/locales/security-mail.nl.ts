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
  factor: {
    "totp-enrolled": "Authenticator-app ingesteld voor uw account",
    "totp-removed": "Authenticator-app verwijderd van uw account",
    "passkey-added": "Passkey toegevoegd aan uw account",
    "passkey-removed": "Passkey verwijderd van uw account",
    "recovery-used": "Herstelcode gebruikt om in te loggen",
    "recovery-regenerated": "Nieuwe herstelcodes gemaakt voor uw account",
    "password-changed": "Wachtwoord van uw account gewijzigd",
    body: "Hallo,\n\nBij uw account in Kernwaardenscan is zojuist dit gebeurd: {{what}}.\n\nWas u dit zelf? Dan hoeft u niets te doen.\nWas u dit niet? Kies dan direct een nieuw wachtwoord via \"Wachtwoord vergeten?\" op de inlogpagina en meld het aan de beheerder van uw organisatie.\n\nKernwaardenscan",
  },
  signup: {
    subject: "Bevestig uw aanmelding bij Kernwaardenscan",
    body: "Hallo,\n\nU meldde {{organisation}} aan bij Kernwaardenscan. Bevestig uw e-mailadres en maak het account aan via deze link ({{hours}} uur geldig, één keer te gebruiken):\n{{link}}\n\nHeeft u zich niet aangemeld? Negeer deze e-mail dan; er wordt niets aangemaakt.\n\nKernwaardenscan",
  },
  signupExisting: {
    subject: "Aanmelding met uw e-mailadres bij Kernwaardenscan",
    body: "Hallo,\n\nIemand probeerde een nieuwe organisatie aan te melden met uw e-mailadres. U heeft al een account, dus er is niets aangemaakt.\n\nWas u dit zelf? Log dan in: {{login}}\nWachtwoord kwijt? Kies een nieuw: {{reset}}\nWilt u aansluiten bij een andere organisatie? Vraag de beheerder daar om een uitnodiging.\n\nWas u dit niet? Dan hoeft u niets te doen.\n\nKernwaardenscan",
  },
};

export default securityMail;
