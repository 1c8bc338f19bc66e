/** Less reading: help on request, collapsed groups of questions (Dutch). Merged into nl.ts as `reading`. */
const reading = {
  more: {
    help: "Uitleg",
    sources: "Bron",
    dialogue: "Vraag voor het gesprek:",
    kernpunten: "Kernpunten:",
  },
  /** The save line once JavaScript runs (without it, save.hint says to use the button). */
  save: { live: "Antwoorden worden meteen opgeslagen." },
  group: {
    count_one: "{{count}} vraag, {{answered}} beantwoord",
    count_other: "{{count}} vragen, {{answered}} beantwoord",
  },
};

export default reading;
