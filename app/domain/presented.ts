/**
 * What the pages show, as plain data: the shapes of a report, a conversation guide and a note form's
 * errors, built by the models (in the reader's language) and laid out by the components. Types only.
 */
import type { LocalizedText, SignalId } from "./content/schema";
import type { KernpuntStatus } from "./overview";
import type { RulesVersion, SignalResult, SignalStatus } from "./signals";

export interface LabelledValue {
  label: string;
  value: string;
}

export interface ReportSignal {
  id: SignalId;
  title: string;
  status: SignalStatus;
  statusLabel: string;
  reason: string;
  evidence: LabelledValue[];
  figure: string | null;
  kernpunten: Array<{ id: string; text: string }>;
  source: string;
  reading: string;
  questions: string[];
  context: string | null;
  contextRevision: number;
  result: SignalResult;
}

export interface ReportKernpunt {
  id: string;
  text: string;
  status: KernpuntStatus;
  statusLabel: string;
  /** `shown`: asked for these answers; a statement skipped by design says "niet gevraagd", never "niet beantwoord". */
  statements: Array<{ questionId: string; sectionId: string; text: string; answer: string; status: KernpuntStatus; note: string | null; autoReason: string | null; shown: boolean }>;
}

/** Which rules the signals shown were computed with, and what the rules in force would say where they differ. */
export interface ReportRules {
  /** The version that computed the signals shown. */
  version: RulesVersion;
  /** The version in force. */
  current: RulesVersion;
  /** The signals shown are the stored results of a submitted version, as computed. */
  asComputed: boolean;
  /** For results as computed: every signal as the rules in force would have it; null when they are the rules in force. */
  currentWouldSay: Array<{ id: SignalId; title: string; status: SignalStatus; statusLabel: string; reason: string; differs: boolean }> | null;
}

export type GuideEntryKind = "signal" | "unknown" | "difference" | "gap" | "requirement";

export interface GuideEntry {
  id: string;
  kind: GuideEntryKind;
  /** The signal the entry is about, for the way to how it is decided. */
  signalId?: SignalId;
  heading: string;
  /** For the badge: a signal status or a kernpunt status, with its word. */
  status: { kind: string; label: string } | null;
  /** Which source the entry rests on, in words. */
  basis: string;
  evidence: LabelledValue[];
  kernpunten: Array<{ id: string; text: string }>;
  source: string | null;
  questions: string[];
  /** The practice's own words: its context en borging, its toelichting on a statement. */
  context: Array<{ label: string; text: string }>;
  /** A difference: what each side answered. */
  sides: { self: string; own: string } | null;
}

export interface GuideSection {
  id: string;
  title: string;
  entries: GuideEntry[];
}

export interface BeforeJoining {
  title: string;
  intro: string;
  advice: string[];
  questions: Array<{ topic: string; question: string }>;
  source: string;
}

export type NoteErrors = Partial<Record<"kind" | "text" | "onDate" | "dueDate", string>>;

/** Where an answer came from and what changed since the previous version, worded for the page. */
export interface AnswerMarkView {
  /** "Overgenomen uit …": the source and date; null when the answer was given here. */
  origin: string | null;
  /** When both sources had a value: what the other said and which rule chose. */
  other: string | null;
  /** "Bevestigd door … op …"; null while not confirmed. */
  confirmed: string | null;
  /** "Gewijzigd sinds versie N" with the previous value. */
  changed: { label: string; was: string } | null;
}

/** A section in the navigation, with its progress. */
export interface NavItem {
  id: string;
  title: LocalizedText;
  answered: number;
  total: number;
  essential: boolean;
  /** A next version: whether the section was confirmed ("Klopt nog"); undefined for a first version. */
  confirmed?: boolean;
}
