/** Saving answers: status, refused values, conflicts between colleagues (English). Merged into en.ts as `saving`. */
import type nl from "./saving.nl";

const saving: typeof nl = {
  taken: "Their answer taken",
  notSaved_one: "Not saved: {{fields}}.",
  notSaved_other: "{{count}} answers not saved: {{fields}}.",
  reason: {
    invalid: "check the input",
    conflict: "choose which answer stays",
    offline: "no connection, trying again",
    "signed-out": "you are signed out; sign in in another tab, then save again",
    frozen: "this version has been submitted",
  },
  field: "{{label}} ({{reason}})",
  tokenRenewed: "The form was renewed after a new session; your answers are saved as usual.",
  conflict: {
    title: "Someone else has changed this answer in the meantime",
    byAt: "{{by}} changed this answer on {{at}}.",
    byUnknown: "This answer was changed on {{at}}.",
    theirs: "Their answer",
    mine: "Your answer",
    choose: "Choose which answer stays. Until you choose, this question is not saved; nothing is overwritten.",
    take: "Take their answer",
    keep: "Keep my answer",
    someone: "A colleague",
  },
  summary: {
    errors_one: "Nothing was saved: one answer is not right yet.",
    errors_other: "Nothing was saved: {{count}} answers are not right yet.",
    conflicts_one: "One answer was changed by someone else in the meantime and was not overwritten. Choose at the question which answer stays; the other answers were saved.",
    conflicts_other: "{{count}} answers were changed by someone else in the meantime and were not overwritten. Choose at each question which answer stays; the other answers were saved.",
  },
};

export default saving;
