/** Less reading: help on request, collapsed groups of questions (English). Merged into en.ts as `reading`. */
import type nl from "./reading.nl";

const reading: typeof nl = {
  more: {
    help: "Explanation",
    sources: "Source",
    dialogue: "Question for the conversation:",
    kernpunten: "Core points:",
  },
  save: { live: "Answers are saved as you give them." },
  group: {
    count_one: "{{count}} question, {{answered}} answered",
    count_other: "{{count}} questions, {{answered}} answered",
  },
};

export default reading;
