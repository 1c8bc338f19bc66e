/**
 * The burden of a walk through the questionnaire, counted on the pages as the person sees them
 * (issue 13, item 9). A walk does its clicks and typing through a BurdenMeter; the meter counts them
 * and, on every page the walk arrives at, the questions shown and the words always visible.
 *
 *   M = (C × 8 s + F × 20 s) / 60 + W / 200   (minutes, one decimal)
 *
 * - Q questions shown: question blocks (`[id^="q-"]`) in <main> that can be seen on arrival (not in a
 *   closed <details>, not hidden).
 * - C choices: every click on a radio, checkbox, select, summary or button the walk needs.
 * - F fields typed: every text field the walk types into.
 * - W words always visible: the words of <main> on arrival, as the eye reads them: text outside closed
 *   <details> (their summary counts), rendered and larger than a pixel (so `.visually-hidden` text does
 *   not count), a select's chosen option only, the placeholder of an empty field. A word is a run
 *   without spaces that holds a letter or a digit ("4.500" and "3511" count, "·" and "–" do not).
 *
 * A second walk (next year, nothing changed) measures the same way: make a new meter, walk, read line().
 */
import type { Locator, Page } from "playwright-core";

export interface PageBurden {
  path: string;
  questions: number;
  words: number;
  /** The text counted, piece by piece (to see where the words are). */
  text: string[];
}

export interface Burden {
  questions: number;
  choices: number;
  typed: number;
  words: number;
  minutes: number;
  /** Fields typed that the register will give (praktijknaam, AGB, …), and the minutes without them. */
  registerTyped: number;
  minutesWithoutRegister: number;
  pages: PageBurden[];
}

export const burdenMinutes = (b: { choices: number; typed: number; words: number }) =>
  Math.round(((b.choices * 8 + b.typed * 20) / 60 + b.words / 200) * 10) / 10;

/** The questions and words of <main> as the page stands now (run in the page). */
function seenNow(): { questions: number; words: number; text: string[] } {
  const main = document.querySelector("main");
  if (!main) return { questions: 0, words: 0, text: [] };
  const inClosedDetails = (el: Element) => {
    for (let e: Element | null = el; e && e !== main; e = e.parentElement) {
      const details = e.parentElement;
      if (details instanceof HTMLDetailsElement && !details.open && !(e instanceof HTMLElement && e.tagName === "SUMMARY")) return true;
    }
    return false;
  };
  const visible = (el: Element) => {
    if (inClosedDetails(el)) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    // .visually-hidden (1 × 1 px, clipped) is for screen readers, not for the eye.
    return box.width > 1 && box.height > 1;
  };
  const count = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let words = 0;
  const seen: string[] = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || ["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(parent.tagName)) continue;
    const option = parent.closest("option");
    if (option) {
      // A closed select shows its chosen option only.
      const select = option.closest("select");
      if (select && option.selected && visible(select)) {
        words += count(node.textContent ?? "");
        seen.push(node.textContent ?? "");
      }
      continue;
    }
    if (visible(parent)) {
      words += count(node.textContent ?? "");
      seen.push(node.textContent ?? "");
    }
  }
  for (const field of main.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input[placeholder], textarea[placeholder]")) {
    if (field.value === "" && visible(field)) {
      words += count(field.placeholder);
      seen.push(field.placeholder);
    }
  }
  const questions = [...main.querySelectorAll('[id^="q-"]')].filter(visible).length;
  return { questions, words, text: seen };
}

export class BurdenMeter {
  private choices = 0;
  private typed = 0;
  private registerTyped = 0;
  private readonly pages: PageBurden[] = [];

  constructor(private readonly page: Page) {}

  /** The page the walk has just arrived at, as the person first sees it. */
  async arrive(): Promise<PageBurden> {
    await this.page.waitForLoadState("load");
    const seen = await this.page.evaluate(seenNow);
    const entry = { path: new URL(this.page.url()).pathname, ...seen };
    this.pages.push(entry);
    return entry;
  }

  /** A click the walk needs: a button, a summary, a radio or a checkbox. */
  async click(locator: Locator) {
    await locator.click();
    this.choices++;
  }

  /** A click that takes the walk to another page: waits until that page is there (its URL and its heading). */
  async go(locator: Locator) {
    const from = { url: this.page.url(), heading: await this.page.locator("main h1").first().textContent() };
    await this.click(locator);
    await this.page.waitForFunction(
      (f) => location.href !== f.url && (document.querySelector("main h1")?.textContent ?? null) !== f.heading,
      from,
    );
  }

  /** A radio or checkbox ticked (a click; nothing when it already is). */
  async check(locator: Locator) {
    if (await locator.isChecked()) return;
    await locator.check();
    this.choices++;
  }

  async select(locator: Locator, value: string) {
    await locator.selectOption(value);
    this.choices++;
  }

  /** A field typed; `register` marks the facts the register will give (so M can be told without them). */
  async fill(locator: Locator, value: string, options: { register?: boolean } = {}) {
    await locator.fill(value);
    await locator.blur();
    this.typed++;
    if (options.register) this.registerTyped++;
  }

  result(): Burden {
    const questions = this.pages.reduce((n, p) => n + p.questions, 0);
    const words = this.pages.reduce((n, p) => n + p.words, 0);
    const b = { choices: this.choices, typed: this.typed, words };
    return {
      questions,
      ...b,
      minutes: burdenMinutes(b),
      registerTyped: this.registerTyped,
      minutesWithoutRegister: burdenMinutes({ ...b, typed: this.typed - this.registerTyped }),
      pages: [...this.pages],
    };
  }
}

/**
 * Walks the sections from the page the walk is on (a section, or the assessment's page with its
 * "Beginnen"/"Verder" link) to the overview: on each section it measures the page as it arrives (and
 * runs `check`, e.g. axe), lets `onSection` answer it, and goes on with "Opslaan en verder". Returns the
 * section ids in the order walked.
 */
export async function walkSections(
  page: Page,
  meter: BurdenMeter,
  onSection: (sectionId: string) => Promise<void>,
  check: (page: Page) => Promise<void> = async () => {},
): Promise<string[]> {
  if (/\/assessments\/[0-9a-f-]{36}$/.test(page.url())) {
    await meter.arrive();
    await check(page);
    await meter.go(page.locator("main p.actions a.button").first());
  }
  const walked: string[] = [];
  while (!/\/overview$/.test(new URL(page.url()).pathname)) {
    const sectionId = /\/sections\/([a-z-]+)$/.exec(new URL(page.url()).pathname)?.[1];
    if (!sectionId) throw new Error(`not a section page: ${page.url()}`);
    // Hydrated: the autosave is on before anything is answered (the live save line).
    await page.locator("#autosave-status").filter({ hasText: /meteen opgeslagen|saved as you give them/ }).waitFor();
    await meter.arrive();
    await check(page);
    await onSection(sectionId);
    await meter.go(page.getByRole("button", { name: /^(Opslaan en (verder|naar het overzicht)|Save and (continue|go to the overview))/ }));
    walked.push(sectionId);
  }
  return walked;
}

/** The one line the issue asks for. */
export const burdenLine = (b: Burden) =>
  `burden: ${b.questions} questions shown, ${b.choices} choices, ${b.typed} fields typed, ${b.words} words always visible, ${b.minutes.toFixed(1)} minutes`;
