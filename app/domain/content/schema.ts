/**
 * The questionnaire content format. Every file under content/vN/ is parsed by these schemas at load,
 * so a typo in a YAML file fails the content test and the start-up, never a page in production.
 * Content ids are stable strings: the database stores ids and values, never copied text.
 */
import { z } from "zod";
import { RULES_VERSIONS, SIGNAL_IDS } from "../signal-ids";
import { REGISTER_FACTS } from "../register";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const PERSPECTIVES = ["zelfevaluatie", "afweging", "beoordeling", "toezicht"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export const KERNWAARDEN = [
  "continuiteit",
  "persoonsgericht",
  "gezamenlijk",
  "medisch-generalistisch",
] as const;
export type Kernwaarde = (typeof KERNWAARDEN)[number];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are kebab-case");
export const KernpuntIdSchema = z
  .string()
  .regex(/^(continuiteit|persoonsgericht|gezamenlijk|medisch-generalistisch)-\d{1,2}$/);

export const LocalizedTextSchema = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Wording per perspective: the practice speaks as "wij" (self); an insurer, toezichthouder or a
 * huisarts weighing a provider reads "de praktijk" (assessor). Neutral text is a plain LocalizedText.
 */
export const PerspectiveTextSchema = z.union([
  LocalizedTextSchema,
  z.strictObject({ self: LocalizedTextSchema, assessor: LocalizedTextSchema }),
]);
export type PerspectiveText = z.infer<typeof PerspectiveTextSchema>;

export const PARAMETER_NAMES = [
  "hoursPerFte",
  "normPatientsPerFte",
  "maxPatientsPerFte",
  "consultsPerPatientPerYear",
  "workingDaysPerYear",
  "minDaysPresentPerWeek",
] as const;

/** A number in a condition, or a reference to a parameter in parameters.yaml. */
const NumberRefSchema = z.union([z.number(), z.strictObject({ param: z.enum(PARAMETER_NAMES) })]);
export type NumberRef = z.infer<typeof NumberRefSchema>;

export const DERIVED_FIGURES = [
  "fteHuisarts",
  "patientsPerFte",
  "consultsPerDayPerFte",
  "waarnemerShare",
  "weekdaysWithoutHuisarts",
] as const;
export type DerivedFigureName = (typeof DERIVED_FIGURES)[number];

const Comparison = {
  gt: NumberRefSchema.optional(),
  gte: NumberRefSchema.optional(),
  lt: NumberRefSchema.optional(),
  lte: NumberRefSchema.optional(),
};

/**
 * Skip logic, kept in content. A condition on an unanswered question or an unknown figure is false,
 * except `answered: false`.
 */
export type Condition =
  | { question: string; equals: string | number | boolean }
  | { question: string; in: Array<string | number> }
  | { question: string; answered: boolean }
  | { question: string; path: string; gt?: NumberRef; gte?: NumberRef; lt?: NumberRef; lte?: NumberRef }
  | { derived: DerivedFigureName; gt?: NumberRef; gte?: NumberRef; lt?: NumberRef; lte?: NumberRef }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: id, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ question: id, in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ question: id, answered: z.boolean() }),
    z.strictObject({ question: id, path: z.string().min(1), ...Comparison }),
    z.strictObject({ derived: z.enum(DERIVED_FIGURES), ...Comparison }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

const OptionSchema = z.strictObject({ id, label: LocalizedTextSchema });
export type Option = z.infer<typeof OptionSchema>;

/** Fields that may stand alone or inside a list item. */
const common = {
  id,
  text: PerspectiveTextSchema,
  /** A short line always shown beside the question: what must be seen to answer it (a format, a warning). */
  hint: PerspectiveTextSchema.optional(),
  /** Explanation shown on request (a closed <details>), with the kernpunten and sources. */
  help: PerspectiveTextSchema.optional(),
  showWhen: ConditionSchema.optional(),
};
const TextFieldSchema = z.strictObject({
  ...common,
  type: z.literal("text"),
  format: z.enum(["agb", "kvk", "postcode", "free"]).default("free"),
  maxLength: z.number().int().positive().default(200),
});
const IntegerFieldSchema = z.strictObject({
  ...common,
  type: z.literal("integer"),
  min: z.number().int(),
  max: z.number().int(),
  unit: LocalizedTextSchema.optional(),
});
const DecimalFieldSchema = z.strictObject({
  ...common,
  type: z.literal("decimal"),
  min: z.number(),
  max: z.number(),
  unit: LocalizedTextSchema.optional(),
});
const ChoiceFieldSchema = z.strictObject({
  ...common,
  type: z.literal("choice"),
  options: z.array(OptionSchema).min(2),
});
const WeekdaysFieldSchema = z.strictObject({ ...common, type: z.literal("weekdays") });

export const ItemFieldSchema = z.discriminatedUnion("type", [
  TextFieldSchema,
  IntegerFieldSchema,
  DecimalFieldSchema,
  ChoiceFieldSchema,
  WeekdaysFieldSchema,
]);
export type ItemField = z.infer<typeof ItemFieldSchema>;

const KernpuntLink = {
  /** Kernpunt ids this question serves; one question may serve several (asked once). */
  kernpunten: z.array(KernpuntIdSchema).default([]),
  /** Sources the help text cites, e.g. "KNMG-richtlijn Omgaan met medische gegevens". */
  sources: z.array(z.string().min(1)).default([]),
};

/** ja / deels / nee / weet niet, with an optional toelichting. Answers a kernpunt or a checklist item. */
const StatementSchema = z.strictObject({
  ...common,
  ...KernpuntLink,
  type: z.literal("statement"),
  /** When the question is hidden by showWhen: the kernpunt counts as niet van toepassing or onbekend. */
  whenHidden: z.enum(["nvt", "onbekend"]).default("nvt"),
  /** Status taken from the facts instead of asking, e.g. continuiteit-8 when patients per fte ≤ 4000. */
  autoStatus: z
    .array(
      z.strictObject({
        when: ConditionSchema,
        status: z.enum(["geborgd", "nvt"]),
        reason: LocalizedTextSchema,
      }),
    )
    .default([]),
  /** Suggested open question for the conversation when the answer is nee, deels or weet niet. */
  dialogue: PerspectiveTextSchema.optional(),
});

const ListSchema = z.strictObject({
  ...common,
  ...KernpuntLink,
  type: z.literal("list"),
  itemLabel: LocalizedTextSchema,
  item: z.array(ItemFieldSchema).min(1),
  minItems: z.number().int().min(0).default(0),
  maxItems: z.number().int().positive().default(30),
});

const GridSchema = z.strictObject({
  ...common,
  ...KernpuntLink,
  type: z.literal("grid"),
  rows: z.array(OptionSchema).min(1),
  columns: z
    .array(
      z.strictObject({
        id,
        label: LocalizedTextSchema,
        type: z.enum(["integer", "decimal"]),
        min: z.number(),
        max: z.number(),
      }),
    )
    .min(1),
});

export const QuestionSchema = z.discriminatedUnion("type", [
  TextFieldSchema.extend({
    ...KernpuntLink,
    /**
     * A fact of the practice register (issue 13): shown as a given fact with where it comes from, never
     * asked. A concept reads the register; a submitted version keeps what it said when submitted.
     */
    register: z.enum(REGISTER_FACTS).optional(),
  }),
  IntegerFieldSchema.extend(KernpuntLink),
  DecimalFieldSchema.extend(KernpuntLink),
  ChoiceFieldSchema.extend(KernpuntLink),
  WeekdaysFieldSchema.extend(KernpuntLink),
  StatementSchema,
  ListSchema,
  GridSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question["type"];
export type StatementQuestion = Extract<Question, { type: "statement" }>;
export type ListQuestion = Extract<Question, { type: "list" }>;
export type GridQuestion = Extract<Question, { type: "grid" }>;

export const SectionSchema = z.strictObject({
  id,
  title: LocalizedTextSchema,
  intro: PerspectiveTextSchema.optional(),
  /** Set on the four kernwaarde sections. */
  kernwaarde: z.enum(KERNWAARDEN).optional(),
  /**
   * Skip logic for the whole section: when the condition holds, the section moves to the front (right
   * after the section that holds the condition's question) and is marked essential with this note.
   */
  priority: z.strictObject({ when: ConditionSchema, note: PerspectiveTextSchema }).optional(),
  questions: z.array(QuestionSchema).min(1),
  /**
   * Consecutive questions shown together under a title. When `essentialWhen` holds the group stands open
   * and is marked essential with its note; otherwise it is collapsed (a closed <details>) until opened.
   * Its questions are asked either way (and posted with the form); only how much is read changes.
   */
  groups: z
    .array(
      z.strictObject({
        id,
        title: LocalizedTextSchema,
        questions: z.array(id).min(1),
        essentialWhen: ConditionSchema,
        note: PerspectiveTextSchema,
      }),
    )
    .default([]),
});
export type Section = z.infer<typeof SectionSchema>;
export type QuestionGroup = Section["groups"][number];

export const KernpuntSchema = z.strictObject({
  id: KernpuntIdSchema,
  text: LocalizedTextSchema,
  sources: z.array(z.string().min(1)).min(1),
});
export type Kernpunt = z.infer<typeof KernpuntSchema>;

export const KernpuntenFileSchema = z.strictObject({
  kernwaarden: z
    .array(
      z.strictObject({
        id: z.enum(KERNWAARDEN),
        title: LocalizedTextSchema,
        summary: LocalizedTextSchema,
        kernpunten: z.array(KernpuntSchema).min(1),
      }),
    )
    .length(4),
});

export const ParametersFileSchema = z.strictObject({
  /**
   * The version of the signal rules in force (app/domain/signals/vN.ts). New and concept assessments
   * and new imports are evaluated by it; a submitted version keeps the results of the version that
   * computed them. Raise it when a rule changes meaning, never edit a version that has been used.
   */
  rulesVersion: z.literal(RULES_VERSIONS, { error: `rulesVersion must be one of ${RULES_VERSIONS.join(", ")}` }),
  /** Hours of huisarts time that make one fte (source: 40, although huisartsen work 48 on average). */
  hoursPerFte: z.number().positive(),
  /** The normpraktijk: an average, not a norm. */
  normPatientsPerFte: z.number().positive(),
  /** Above this many patients per fte the continuity must be demonstrably safeguarded (2x normpraktijk). */
  maxPatientsPerFte: z.number().positive(),
  consultsPerPatientPerYear: z.number().positive(),
  workingDaysPerYear: z.number().positive(),
  /** Huisartsen preferably attached and physically present at least this many days a week. */
  minDaysPresentPerWeek: z.number().int().positive(),
});
export type Parameters = z.infer<typeof ParametersFileSchema>;

export const ManifestSchema = z.strictObject({
  version: z.number().int().positive(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: LocalizedTextSchema,
  /** Section files in their default order, relative to the version folder. */
  sections: z.array(z.string().min(1)).min(1),
  sources: z.array(
    z.strictObject({ id, title: LocalizedTextSchema, publisher: z.string(), year: z.number().int() }),
  ),
});

// The ids live in a module without zod, so pages can list the signals without shipping the schemas.
export { SIGNAL_IDS, type SignalId } from "../signal-ids";

/**
 * How one signal is decided, for the page that says so (/signalen): the source's words and where they
 * are, the product's reading, what counts as unknown, and which parts are the product's interpretation.
 */
const SignalExplanationSchema = z.strictObject({
  /** The parameters the rule uses, shown with their values. */
  parameters: z.array(z.enum(PARAMETER_NAMES)).default([]),
  /** The source quoted (nl), and an English rendering of it (en). */
  quote: LocalizedTextSchema,
  section: LocalizedTextSchema,
  rule: LocalizedTextSchema,
  unknown: LocalizedTextSchema,
  interpretation: LocalizedTextSchema,
});

/** signals.yaml: the five signals' wording, kernpunten, source and dialogue questions. Rules are code. */
export const SignalsFileSchema = z.strictObject({
  /** The framework's status and the versions of the rules (par. 3.5, 3.7), for /signalen. */
  rules: z.strictObject({
    implementation: LocalizedTextSchema,
    evaluation: LocalizedTextSchema,
    versions: z.array(z.strictObject({ version: z.literal(RULES_VERSIONS), published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), changes: LocalizedTextSchema })).min(1),
  }),
  /** How every signal must be read (section 3.3-3.4): an indication for dialogue, never a verdict. */
  reading: LocalizedTextSchema,
  signals: z
    .array(
      z.strictObject({
        id: z.enum(SIGNAL_IDS),
        title: LocalizedTextSchema,
        kernpunten: z.array(KernpuntIdSchema).min(1),
        /** The source and its sections, with notes in each language. */
        source: LocalizedTextSchema,
        /** What the source says about reading this signal. */
        reading: LocalizedTextSchema,
        explanation: SignalExplanationSchema,
        questions: z.strictObject({
          signal: z.array(PerspectiveTextSchema).min(1),
          unknown: z.array(PerspectiveTextSchema).min(1),
        }),
      }),
    )
    .length(SIGNAL_IDS.length),
});
export type SignalsFile = z.infer<typeof SignalsFileSchema>;
export type SignalContent = SignalsFile["signals"][number];

const AfwegingQuestionSchema = z.strictObject({ topic: LocalizedTextSchema, question: LocalizedTextSchema });

/** dialogue.yaml: texts of the conversation guide, the comparison and the afweging's questions (issue 5). */
export const DialogueFileSchema = z.strictObject({
  guide: z.strictObject({ title: LocalizedTextSchema, reading: LocalizedTextSchema, order: LocalizedTextSchema }),
  comparison: z.strictObject({ reading: LocalizedTextSchema, question: LocalizedTextSchema }),
  afweging: z.strictObject({
    title: LocalizedTextSchema,
    intro: LocalizedTextSchema,
    source: LocalizedTextSchema,
    /** Shown when patients per fte is above the line. */
    "above-line": LocalizedTextSchema,
    /** Shown when the practice is run only by waarnemers (the presence figure beside no-gp-present). */
    "only-waarnemers": LocalizedTextSchema,
    /** The five criteria huisartsen use themselves for a (new) initiative (002, par. 4.2 Continuïteit). */
    criteria: z.array(AfwegingQuestionSchema).length(5),
    /** The minimum arrangements (Praktijkhouderschap en praktijkeigenaarschap). */
    arrangements: z.array(AfwegingQuestionSchema).min(1),
    /** A vaste huisarts, not only changing waarnemers. */
    waarnemers: AfwegingQuestionSchema,
    /** Questions a huisarts asks any provider, whatever the signals. */
    general: z.array(LocalizedTextSchema).min(1),
  }),
});
export type DialogueFile = z.infer<typeof DialogueFileSchema>;
