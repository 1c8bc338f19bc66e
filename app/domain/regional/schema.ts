/**
 * The format of the regional signaleringsmatrix content (content/regional/vN/matrix.yaml): which
 * indicators, which way is worse, where the figures come from and how each is coloured. Parsed by
 * these schemas at load, so a typo in the criteria fails the content test and the start-up, never the
 * matrix page. Source: Leidraad continuïteit en toegankelijkheid van de huisartsenzorg 2027/2028
 * (../shared/seeds/000_307c37e290a0aaf8.txt), sections 2 and 3.
 */
import { z } from "zod";

/**
 * The indicators of section 3 (3.1 zorgaanbod a-b, 3.2 zorgvraag a-d; 3.2a is "niveau en trend", so
 * two columns). A fixed list in code, not free content: the spreadsheet reader maps columns and
 * converts units for each of them, so a new indicator needs code as well as content.
 */
export const INDICATOR_IDS = [
  "huisartsendichtheid",
  "verwachte-uitstroom",
  "zonder-vaste-huisarts",
  "trend-zonder-vaste-huisarts",
  "bevolkingsgroei",
  "aandeel-ouderen",
  "aandeel-lage-ses",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Indicators computed from other indicators over the years, never read from a spreadsheet column. */
export const DERIVED_INDICATORS = ["trend-zonder-vaste-huisarts"] as const satisfies readonly IndicatorId[];

export const DIRECTIONS = ["higher-is-worse", "lower-is-worse"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Section 3's two headings: 3.1 zorgaanbod, 3.2 zorgvraag. */
export const INDICATOR_GROUPS = ["zorgaanbod", "zorgvraag"] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** Section 1: "objectieve criteria ... van onder andere Vektis, het CBS en Nivel". */
export const DATA_SOURCES = ["vektis", "cbs", "nivel"] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

const LocalizedTextSchema = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/**
 * Agreed cut-offs in the indicator's own unit. `rood` is the bound of the red band, `oranje` of the
 * orange band, both inclusive and read in the indicator's direction: for higher-is-worse a value of at
 * least `rood` is red, at least `oranje` orange; for lower-is-worse at most.
 */
export const FixedCriteriaSchema = z.strictObject({
  kind: z.literal("fixed"),
  rood: z.number(),
  oranje: z.number(),
});
export type FixedCriteria = z.infer<typeof FixedCriteriaSchema>;

/**
 * The default until cut-offs are agreed: colour by rank among the regions with data in the same year.
 * The worst `roodShare` red, the next `oranjeShare` orange, the rest green; below `minRegions` regions
 * with data no region is compared at all (app/domain/regional/colouring.ts has the rules).
 */
export const RelativeCriteriaSchema = z
  .strictObject({
    kind: z.literal("relative"),
    roodShare: z.number().gt(0).lt(1),
    oranjeShare: z.number().min(0).lt(1),
    minRegions: z.int().min(2),
  })
  .refine((c) => c.roodShare + c.oranjeShare <= 1, { message: "roodShare + oranjeShare is at most 1", path: ["oranjeShare"] });
export type RelativeCriteria = z.infer<typeof RelativeCriteriaSchema>;

export const CriteriaSchema = z.discriminatedUnion("kind", [FixedCriteriaSchema, RelativeCriteriaSchema]);
export type Criteria = z.infer<typeof CriteriaSchema>;

export const IndicatorSchema = z
  .strictObject({
    id: z.enum(INDICATOR_IDS),
    group: z.enum(INDICATOR_GROUPS),
    title: LocalizedTextSchema,
    unit: LocalizedTextSchema,
    direction: z.enum(DIRECTIONS),
    source: z.enum(DATA_SOURCES),
    /** What the source is asked, as section 3 words it. */
    sourceDetail: LocalizedTextSchema,
    explanation: LocalizedTextSchema,
    /**
     * Decimals a value is shown with. Colouring compares values at this precision too, so two cells
     * that print the same never get different colours.
     */
    decimals: z.int().min(0).max(4),
    criteria: CriteriaSchema,
    /**
     * Counted as one score with another indicator when regions are ranked by red scores: level and
     * trend of one indicator of the leidraad (3.2a, "niveau en trend") are one score, red when either
     * cell is red, never two.
     */
    scoresWith: z.enum(INDICATOR_IDS).optional(),
  })
  .superRefine((indicator, ctx) => {
    const { criteria, direction } = indicator;
    if (criteria.kind !== "fixed") return;
    // The red band lies beyond the orange one in the worse direction, or nothing could be orange.
    const ordered = direction === "higher-is-worse" ? criteria.rood >= criteria.oranje : criteria.rood <= criteria.oranje;
    if (!ordered) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria", "rood"],
        message: `with direction ${direction}, rood (${criteria.rood}) must be ${direction === "higher-is-worse" ? "at least" : "at most"} oranje (${criteria.oranje})`,
      });
    }
  });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const RegionalCriteriaFileSchema = z
  .strictObject({
    version: z.int().positive(),
    published: z.iso.date(),
    /** The document the matrix rests on and the sections it follows. */
    source: z.strictObject({ title: LocalizedTextSchema, publisher: z.string().min(1), sections: z.string().min(1) }),
    /** The leidraad's own caveat: the matrix starts a conversation and decides nothing about funding. */
    caveat: LocalizedTextSchema,
    /** Which kind of criteria is in force and why, shown on the matrix. */
    criteriaNote: LocalizedTextSchema,
    /** The product's own choices where the leidraad leaves something open, named as such (/signalen). */
    choices: z.array(LocalizedTextSchema).min(1),
    indicators: z.array(IndicatorSchema),
  })
  .superRefine((file, ctx) => {
    const ids = file.indicators.map((i) => i.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: "custom", path: ["indicators", index, "id"], message: `indicator ${id} appears more than once` });
    });
    const missing = INDICATOR_IDS.filter((id) => !ids.includes(id));
    if (missing.length > 0) ctx.addIssue({ code: "custom", path: ["indicators"], message: `indicators missing: ${missing.join(", ")}` });
    file.indicators.forEach((indicator, index) => {
      const partner = indicator.scoresWith === undefined ? undefined : file.indicators.find((i) => i.id === indicator.scoresWith);
      if (indicator.scoresWith !== undefined && (partner === undefined || partner.id === indicator.id || partner.scoresWith !== undefined)) {
        ctx.addIssue({ code: "custom", path: ["indicators", index, "scoresWith"], message: `scoresWith must name another indicator that scores on its own` });
      }
    });
  });
export type RegionalCriteria = z.infer<typeof RegionalCriteriaFileSchema>;
