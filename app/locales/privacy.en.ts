/** Data and privacy (English). `satisfies` makes a missing key a type error. Merged into en.ts as `privacy`. */
import type { PrivacyTexts } from "./privacy.nl";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const privacy = {
  section: {
    title: "Data and privacy",
    manage: "Download the data, erase people, close the organisation",
    eraseSelf: "Erase your own account",
  },
  page: {
    title: "Data and privacy",
    lead: "The data of {{organisation}} belongs to the organisation itself. Here you download it, erase people and close the organisation.",
    erased: "The person has been erased.",
    exportTitle: "Download all data",
    exportBody:
      "One JSON file with the organisation, its people (name, email address and role; never passwords), the assessments with answers and explanations, conversation notes, shares, requests, uploads (without their rows) and the audit trail about the organisation. The download is recorded in the audit trail.",
    exportLink: "Download the data (JSON)",
    peopleTitle: "Erase people",
    peopleBody: "Whoever you erase disappears from the organisation: name, email address, password and sessions. Answers and other records stay, without the name.",
    eraseLink: "Erase {{name}}",
    eraseSelfLink: "Erase your own account",
    retentionTitle: "How long data is kept",
    retention: {
      sessions: "A session: until you sign out, after {{idle}} minutes without activity, or after {{hours}} hours.",
      tokens: "A link from an email (invitation, new password): until an hour after it was used or expired.",
      outbox: "Demo mail: {{days}} days.",
      imports: "An upload that was neither confirmed nor discarded: {{days}} days, then it is discarded.",
      notes: "A removed conversation note: {{days}} days.",
      audit: "The audit trail: {{years}} years. Of erased people the events stay, without name or email address.",
    },
    closeTitle: "Close the organisation",
    closeBody: "Closing erases the organisation's people and deletes what it recorded. It cannot be undone.",
    closeLink: "Close the organisation…",
  },
  password: {
    label: "Your password",
    help: "To confirm that it is you.",
    errors: {
      missing: "Enter your password.",
      wrong: "This password is not correct.",
      "too-many": "Too many wrong attempts. Try again in a quarter of an hour.",
    },
  },
  close: {
    title: "Close {{organisation}}",
    lead: "Closing cannot be undone. This happens at once:",
    people_one: "The organisation's {{count}} person is erased and signed out at once.",
    people_other: "The organisation's {{count}} people are erased and signed out at once. Whoever also belongs to another organisation only loses the membership of this one.",
    content: "Deleted: {{assessments}} assessments with their answers and explanations, {{notes}} conversation notes and {{imports}} uploads of practice facts.",
    shares: "{{shares}} shares are revoked and {{requests}} open requests closed.",
    others: "What other organisations recorded about your practice (their assessment, imported facts, notes) is theirs and stays with them.",
    audit: "The audit trail is kept for {{years}} years, without names and email addresses.",
    exportFirst: "Want to keep the data? Download it first.",
    name: "Type the organisation's name to confirm",
    nameHelp: "The name is: {{organisation}}",
    nameMismatch: "This is not the organisation's name.",
    submit: "Close the organisation for good",
    cancel: "Cancel",
  },
  member: {
    title: "Erase {{name}}",
    everywhere: "The account of {{name}} ({{email}}) is erased: name, email address, password, sessions and links. Answers and other records stay, without the name; the audit trail keeps the events, without the name.",
    elsewhere: "{{name}} also belongs to another organisation. The membership of {{organisation}} ends, and the data and audit trail of {{organisation}} no longer show the name; the account itself stays.",
    submit: "Erase {{name}} for good",
  },
  self: {
    title: "Erase your account",
    lead: "Your name, email address, password, sessions and links are erased; you are signed out afterwards. Answers and other records stay, without your name; the audit trail keeps the events, without your name.",
    memberships: "You belong to:",
    membership: "{{organisation}} ({{role}})",
    blocked: "You cannot erase your account yet:",
    "last-beheerder": "You are the last administrator of {{organisation}}. Make someone else administrator first.",
    "only-member": "You are the only member of {{organisation}}. Close the organisation; that erases your account too.",
    toOrganisation: "To the organisation's people",
    toClose: "Close the organisation",
    submit: "Erase my account for good",
  },
  erased: {
    title: "Erased",
    organisation: "The organisation has been closed and its personal data erased. You have been signed out.",
    person: "Your account has been erased. You have been signed out.",
    home: "To the home page",
  },
  erasedPerson: "erased person",
} satisfies Shape<PrivacyTexts>;

export default privacy;
