/** Mails of trust and sign-in (English), in the server namespace as `securityMail`. */
const securityMail = {
  setPassword: {
    subject: "Your platform administrator account for Kernwaardenscan",
    body: "Hello {{name}},\n\nA platform administrator account for Kernwaardenscan has been created for you. Choose a password with this link (valid for {{hours}} hours, works once):\n{{link}}\n\nWhen you first sign in you will then set up two-step verification; without that second step you cannot go on.\n\nNot expecting this? Then ignore this mail.\n\nKernwaardenscan",
  },
  verification: {
    verified: {
      subject: "{{organisation}} has been verified in Kernwaardenscan",
      body: "Hello,\n\nThe platform administration of Kernwaardenscan has verified {{organisation}}. Your organisation can now share, send requests and look up practices, and other organisations see the mark \"verified\" beside your name.\n\nNote: {{note}}\n\nKernwaardenscan",
    },
    refused: {
      subject: "{{organisation}} has not been verified in Kernwaardenscan",
      body: "Hello,\n\nThe platform administration of Kernwaardenscan has not verified {{organisation}} (yet).\n\nNote: {{note}}\n\nYou can go on with your own work. On the page Organisation and members you can correct your details and ask for verification again.\n\nKernwaardenscan",
    },
    withdrawn: {
      subject: "The verification of {{organisation}} has been withdrawn",
      body: "Hello,\n\nThe platform administration of Kernwaardenscan has withdrawn the verification of {{organisation}}. This applies at once: your organisation can no longer share, send requests, look up practices or read other organisations' data.\n\nNote: {{note}}\n\nOn the page Organisation and members you can ask for verification again.\n\nKernwaardenscan",
    },
  },
};

export default securityMail;
