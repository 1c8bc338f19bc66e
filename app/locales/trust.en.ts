/** Verified organisations (English): the mark, what an unverified organisation may do, identifiers. Merged into en.ts as `trust`. */
const trust = {
  mark: "verified",
  markTitle: "The platform administration checked this organisation's details (KvK, AGB or UZOVI).",
  markOption: "{{name}} (verified)",
  status: { pending: "awaiting verification", verified: "verified", refused: "not verified", withdrawn: "verification withdrawn" },
  banner: {
    pending: {
      title: "Your organisation awaits verification",
      body: "The platform administration checks the details you gave when signing up. Until then you work on your own things only.",
    },
    refused: {
      title: "Your organisation has not been verified",
      body: "The platform administration could not confirm your details. You work on your own things only; on the page Organisation and members you can correct your details and ask for verification again.",
    },
    withdrawn: {
      title: "Your organisation's verification has been withdrawn",
      body: "This applies at once. You work on your own things only; on the page Organisation and members you can ask for verification again.",
    },
    note: "Note from the platform administration: {{note}}",
    more: "More about your organisation's verification",
  },
  limits: {
    praktijk: "You fill in and submit your self-assessment; sharing it with an insurer, supervisor or GP is possible after verification.",
    keten: "You see the self-assessments of member practices only after verification, and only then speak for practices without an account of their own.",
    zorgverzekeraar: "Looking up practices, starting a review of a practice, asking for a self-assessment and importing practice data are possible after verification.",
    toezichthouder: "Looking up practices, starting a conversation preparation, asking for a self-assessment and importing practice data are possible after verification.",
    huisarts: "Looking up practices, starting a weighing of a practice and asking for a self-assessment are possible after verification.",
  },
  claim: {
    open: "Your claim on the practice {{name}} (AGB {{agb}}) awaits the platform administration. Once approved, you fill in that practice's self-assessment.",
    approved: "Your claim on the practice {{name}} (AGB {{agb}}) has been approved.",
    refused: "Your claim on the practice {{name}} (AGB {{agb}}) has been refused.",
  },
  errors: {
    agbRequired: "Enter the practice's AGB code: 8 digits, for example 01234567.",
    kvk: "A KvK number has exactly 8 digits, for example 12345678.",
    kvkRequired: "Enter your organisation's KvK number: 8 digits.",
    uzovi: "A UZOVI code has exactly 4 digits, for example 3311.",
    uzoviRequired: "Enter the insurer's UZOVI code: 4 digits.",
    agbVerified:
      "This AGB code belongs to a practice with a verified account. Do you work in that practice? Ask its beheerder for an invitation. Is this your practice and is something wrong? Contact the platform administration: {{contact}}.",
    shareUnverified: "Sharing is possible once the platform administration has verified your practice. Declining is possible now.",
  },
  fields: {
    agb: "AGB code of the practice",
    agbHelp: "Only for a general practice, and then required: 8 digits, for example 01234567.",
    kvk: "KvK number (Chamber of Commerce)",
    kvkHelp: "8 digits. Required for a chain and an insurer; for the other kinds if your organisation has one.",
    uzovi: "UZOVI code",
    uzoviHelp: "Only for a health insurer, and then required: 4 digits.",
  },
  signup: {
    identifiersLead:
      "With these numbers the platform administration checks that your organisation is who it says it is. Until that check you work on your own things only; afterwards everyone sees the mark “verified” beside your name.",
  },
  requests: {
    messageHelp: "At most {{max}} characters.",
    messageTooLong: "Your note is longer than {{max}} characters. Make it shorter; nothing was sent.",
    alreadyOpen: "You already asked this practice for its self-assessment; that request is still open.",
    dailyLimit: "Your organisation has already sent {{max}} requests today, the maximum per 24 hours. Try again tomorrow.",
  },
  sharing: {
    unverified: "Sharing is possible once the platform administration has verified your practice. Until then this version stays with you.",
  },
  organisation: {
    title: "Verification",
    status: "Status: {{status}}",
    verifiedOn: "Verified on {{date}}.",
    basis: "Checked: {{checked}}.",
    note: "Note from the platform administration: {{note}}",
    identifiers: "Your numbers",
    none: "not given",
    checks: { kvk: "KvK number", agb: "AGB code", uzovi: "UZOVI code", other: "another source" },
    askAgain: {
      title: "Ask for verification again",
      lead: "Correct your numbers if needed and say what changed. The platform administration looks again.",
      note: "Note for the platform administration",
      submit: "Ask for verification again",
      done: "Your request for verification has been sent.",
      noteRequired: "Say briefly what changed.",
      noteTooLong: "At most {{max}} characters.",
    },
  },
};

export default trust;
