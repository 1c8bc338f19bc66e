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
  factor: {
    "totp-enrolled": "Authenticator app set up for your account",
    "totp-removed": "Authenticator app removed from your account",
    "passkey-added": "Passkey added to your account",
    "passkey-removed": "Passkey removed from your account",
    "recovery-used": "Recovery code used to sign in",
    "recovery-regenerated": "New recovery codes made for your account",
    "password-changed": "Your account's password changed",
    body: "Hello,\n\nThis just happened to your account in Kernwaardenscan: {{what}}.\n\nWas it you? Then there is nothing to do.\nWas it not you? Choose a new password at once with \"Forgot password?\" on the sign-in page and tell your organisation's beheerder.\n\nKernwaardenscan",
  },
  signup: {
    subject: "Confirm your sign-up at Kernwaardenscan",
    body: "Hello,\n\nYou signed {{organisation}} up at Kernwaardenscan. Confirm your e-mail address and create the account with this link (valid for {{hours}} hours, works once):\n{{link}}\n\nDid you not sign up? Then ignore this mail; nothing is created.\n\nKernwaardenscan",
  },
  signupExisting: {
    subject: "A sign-up with your e-mail address at Kernwaardenscan",
    body: "Hello,\n\nSomeone tried to sign up a new organisation with your e-mail address. You already have an account, so nothing was created.\n\nWas it you? Then sign in: {{login}}\nForgot your password? Choose a new one: {{reset}}\nWant to join another organisation? Ask its beheerder for an invitation.\n\nWas it not you? Then there is nothing to do.\n\nKernwaardenscan",
  },
};

export default securityMail;
