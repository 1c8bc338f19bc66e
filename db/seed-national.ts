/**
 * The whole country at benchmark scale: 30 regions, 300 keten organisations and 5,700 praktijk
 * organisations, each with its practice and ONE complete self-assessment (an answer for every question
 * of content v1). Fictitious: names, AGB and KvK numbers are made up. Used by `npm run bench`, so that
 * page and save timings are measured against a database the size of production, not the demo's four rows.
 *
 * Values are generated from the content itself (question types, bounds, options) and stored as
 * `questionSchema(question)` would output them: numbers as numbers, statements as {choice, note}.
 * A seeded PRNG makes every run insert the same country.
 */
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { sql, type Insertable, type Kysely, type Transaction } from "kysely";
import {
  WEEKDAYS,
  questionSchema,
  type AnswerValue,
  type GridValue,
  type ListItemValue,
  type StatementValue,
  type Weekday,
} from "../app/domain/answers";
import { getQuestionnaire } from "../app/models/content.server";
import type { Questionnaire } from "../app/domain/content/questionnaire";
import type { ItemField, Question } from "../app/domain/content/schema";
import { DEMO_PRACTICE_EMAIL as DEMO_VIEWER_EMAIL } from "./seed";
import type { AnswerTable, AssessmentTable, Database, OrganisationTable, PracticeTable, RegionTable } from "./schema";

export type Rng = () => number;

/** mulberry32: small, fast and good enough to vary seed data repeatably. */
export function seededRng(seed = 20261123): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHUNK = 500;
const CONTENT_VERSION = 1;

const REGION_NAMES = [
  "Groningen", "Friesland", "Drenthe", "Twente", "Salland", "IJssel-Vecht", "Flevoland", "Gelderse Vallei",
  "Arnhem", "Nijmegen", "Rivierenland", "Utrecht Stad", "Utrecht West", "Eemland", "Gooi en Vechtstreek",
  "Amsterdam", "Zaanstreek-Waterland", "Noord-Holland Noord", "Kennemerland", "Haaglanden", "Leiden",
  "Rijnmond", "Zuid-Holland Zuid", "Zeeland", "West-Brabant", "Midden-Brabant", "Noordoost-Brabant",
  "Zuidoost-Brabant", "Noord-Limburg", "Zuid-Limburg",
];
/** First two postcode digits that roughly belong to each region above (same order). */
const REGION_POSTCODES = [
  97, 89, 94, 75, 80, 81, 13, 67, 68, 65, 40, 35, 34, 38, 12, 10, 15, 18, 20, 25, 23, 30, 33, 43, 46, 50, 53, 56, 59, 62,
];
const NAME_PARTS = [
  "De Linde", "Het Anker", "De Brug", "Centrum", "Oost", "West", "De Eik", "Het Park", "De Molen", "Zuid",
  "Noord", "De Haven", "Het Plein", "De Vaart", "Kerkstraat", "Het Hof", "De Dijk", "Wijkcentrum", "De Esch",
  "Het Veld", "De Bron", "De Kaai", "Ter Borch", "De Hoven", "Het Spoor", "De Wiekslag", "Marktzicht", "De Horst",
];
const NOTES = [
  "Besproken in het teamoverleg; verbeterpunt voor dit jaar.",
  "Geldt voor de meeste patiënten, niet voor de nieuwe wijk.",
  "Staat in het praktijkhandboek.",
  "Afhankelijk van de bezetting in de vakantieperiode.",
  "Wordt opgepakt met de hagro.",
  "Nog niet vastgelegd, wel afgesproken.",
  "Loopt via de zorggroep.",
];

type Value = AnswerValue;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join("");
/** Weighted choice: pairs of [value, weight]. */
function weighted<T>(rng: Rng, pairs: ReadonlyArray<readonly [T, number]>): T {
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  let r = rng() * total;
  for (const [value, w] of pairs) {
    r -= w;
    if (r < 0) return value;
  }
  return pairs.at(-1)![0];
}

function postcode(rng: Rng, prefix: number) {
  const letters = "ABCDEGHJKLMNPRTVWXZ"; // no SA/SD/SS and the letters PostNL leaves out
  return `${prefix}${digits(rng, 2)} ${pick(rng, [...letters])}${pick(rng, [...letters])}`;
}

function weekdays(rng: Rng, count: number): Weekday[] {
  const chosen = new Set<Weekday>();
  while (chosen.size < Math.min(count, WEEKDAYS.length)) chosen.add(pick(rng, WEEKDAYS));
  return WEEKDAYS.filter((d) => chosen.has(d));
}

function statement(rng: Rng, bias = 0): StatementValue {
  const choice = weighted(rng, [
    ["ja", 55 + bias],
    ["deels", 25],
    ["nee", 12],
    ["weet-niet", 8],
  ] as const);
  return { choice, note: rng() < 0.2 ? pick(rng, NOTES) : null };
}

/** A value for any field from its type and bounds: the fallback for questions without a realistic model. */
function fieldValue(rng: Rng, field: ItemField): string | number | Weekday[] {
  switch (field.type) {
    case "text":
      if (field.format === "agb" || field.format === "kvk") return digits(rng, 8);
      if (field.format === "postcode") return postcode(rng, int(rng, 10, 99));
      return `Benchmarktekst ${digits(rng, 4)}`.slice(0, field.maxLength);
    case "integer":
      return int(rng, field.min, field.max);
    case "decimal":
      return Math.round((field.min + rng() * (field.max - field.min)) * 2) / 2;
    case "choice":
      return pick(rng, field.options).id;
    case "weekdays":
      return weekdays(rng, int(rng, 1, 5));
  }
}

export interface PracticeProfile {
  name: string;
  agb: string;
  kvk: string;
  postcode: string;
  region: string;
  inKeten: boolean;
}

/**
 * One practice's complete set of answers. The facts follow a simple model so the derived figures vary
 * as in the country: 2,000-12,000 patients, mostly 1,700-3,200 per fte, about one in ten above 4,000.
 */
export function generateAnswers(questionnaire: Questionnaire, rng: Rng, profile: PracticeProfile) {
  const patients = int(rng, 2000, 12000);
  const overloaded = rng() < 0.1;
  const perFte = overloaded ? int(rng, 4100, 6000) : int(rng, 1700, 3200);
  const fte = patients / perFte;
  const owner = weighted(rng, [
    ["huisarts", 84],
    ["andere-zorgverlener", 7],
    ["bestuurder", 7],
    ["onbekend", 2],
  ] as const);
  const count = Math.max(1, Math.min(6, Math.round(fte / 0.85) + (rng() < 0.3 ? 1 : 0)));
  const hoursEach = (fte * 40) / count;
  const huisartsen: ListItemValue[] = Array.from({ length: count }, (_, i) => {
    const hours = Math.max(4, Math.min(80, Math.round(hoursEach * (0.8 + rng() * 0.4) * 2) / 2));
    const rol =
      i === 0
        ? owner === "huisarts"
          ? "praktijkhouder"
          : "huisarts-in-dienst"
        : weighted(rng, [
            [owner === "huisarts" ? "praktijkhouder" : "huisarts-in-dienst", 40],
            ["huisarts-in-dienst", 30],
            ["vaste-waarnemer", 20],
            ["incidentele-waarnemer", 10],
          ] as const);
    return {
      rol,
      "uren-per-week": hours,
      "dagen-aanwezig": weekdays(rng, Math.max(1, Math.min(5, Math.round(hours / 9)))),
      "jaren-verbonden": int(rng, 0, 30),
    };
  });
  const rechtsvorm = profile.inKeten && rng() < 0.6 ? "keten-bv" : pick(rng, ["eenmanszaak", "maatschap", "bv", "cooperatie", "stichting", "anders"]);
  const hagro = weighted(rng, [
    ["ja", 78],
    ["nee", 14],
    ["onbekend", 8],
  ] as const);

  const answers: Record<string, Value> = {};
  for (const question of questionnaire.questionById.values()) {
    answers[question.question.id] = questionValue(question.question, rng, {
      praktijknaam: profile.name,
      "agb-code": profile.agb,
      "kvk-nummer": profile.kvk,
      postcode: profile.postcode,
      regio: profile.region,
      eigenaar: owner,
      rechtsvorm,
      "ingeschreven-patienten": patients,
      huisartsen,
      "hagro-aanwezig": hagro,
    });
  }
  return answers;
}

function questionValue(question: Question, rng: Rng, known: Record<string, Value>): Value {
  const given = known[question.id];
  if (given !== undefined) return given;
  switch (question.type) {
    case "statement":
      // Practices owned by a huisarts answer the governance statements a little more often with ja.
      return statement(rng, known.eigenaar === "huisarts" ? 10 : -10);
    case "list": {
      const rows = int(rng, 1, Math.min(6, question.maxItems));
      return Array.from({ length: rows }, () => Object.fromEntries(question.item.map((f) => [f.id, fieldValue(rng, f)])));
    }
    case "grid":
      return teamGrid(question, rng);
    default:
      return fieldValue(rng, question);
  }
}

/** The team grid: every row and column present (as the schema outputs it), null where a role is absent. */
function teamGrid(question: Extract<Question, { type: "grid" }>, rng: Rng): GridValue {
  const likely: Record<string, [number, number, number]> = {
    // row: [chance present, max people, hours per person]
    "poh-somatiek": [0.97, 3, 24],
    "poh-ggz": [0.9, 2, 20],
    doktersassistent: [1, 6, 28],
    pa: [0.15, 1, 36],
    vs: [0.1, 1, 32],
    aios: [0.25, 1, 38],
    anios: [0.08, 1, 36],
    praktijkmanager: [0.6, 1, 20],
  };
  const grid: GridValue = {};
  for (const row of question.rows) {
    const [chance, maxPeople, hoursPer] = likely[row.id] ?? [0.5, 2, 20];
    const present = rng() < chance;
    const people = present ? int(rng, 1, maxPeople) : null;
    grid[row.id] = Object.fromEntries(
      question.columns.map((c) => {
        if (people === null) return [c.id, null];
        const v = c.id === "personen" ? people : c.id === "uren" ? people * hoursPer + int(rng, -4, 4) : int(rng, Math.ceil(c.min), Math.floor(c.max));
        return [c.id, Math.max(c.min, Math.min(c.max, v))];
      }),
    );
  }
  return grid;
}

/** Checks a generated set against the shared schema: parsing a stored value must give it back unchanged. */
export function assertValidAnswers(questionnaire: Questionnaire, answers: Record<string, Value>) {
  for (const { question } of questionnaire.questionById.values()) {
    const value = answers[question.id];
    const parsed = questionSchema(question).safeParse(value);
    if (!parsed.success || !isDeepStrictEqual(parsed.data, value)) {
      throw new Error(`seed value for ${question.id} does not pass its schema: ${JSON.stringify(value)}`);
    }
  }
}

async function insertChunked<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: Array<Insertable<Database[T]>>,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot narrow the values type of a generic table.
    await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as any).execute();
  }
}

export interface SeedNationalOptions {
  practices?: number;
  ketens?: number;
  regions?: number;
  rng?: Rng;
  /** Also answer every open question of the demo practice's own assessment (default true). */
  completeDemo?: boolean;
  /** How many practices' generated answers to check against the schemas (all of them is slow). */
  validateSample?: number;
}

export interface SeedNationalResult {
  regions: number;
  organisations: number;
  practices: number;
  assessments: number;
  answers: number;
  demoAnswersAdded: number;
  ms: { organisations: number; answers: number; demo: number; total: number };
}

export async function seedNational(db: Kysely<Database>, options: SeedNationalOptions = {}): Promise<SeedNationalResult> {
  const { practices = 5700, ketens = 300, regions = 30, rng = seededRng(), completeDemo = true, validateSample = 200 } = options;
  const questionnaire = getQuestionnaire(CONTENT_VERSION);
  const t0 = performance.now();
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

  // AGB codes already in the database (the demo practices) stay unique.
  const taken = new Set((await db.selectFrom("practice").select("agb").execute()).map((r) => r.agb).filter((a): a is string => a !== null));
  const newAgb = () => {
    for (;;) {
      const agb = `0${digits(rng, 7)}`; // the huisartsenpraktijk range starts with a zero; kept as text
      if (!taken.has(agb)) {
        taken.add(agb);
        return agb;
      }
    }
  };

  const regionRows: Array<Insertable<RegionTable>> = Array.from({ length: regions }, (_, i) => ({
    id: randomUUID(),
    code: `R${String(i + 1).padStart(2, "0")}`,
    name: `${REGION_NAMES[i % REGION_NAMES.length]}${i >= REGION_NAMES.length ? ` ${Math.floor(i / REGION_NAMES.length) + 1}` : ""}`,
  }));
  const ketenRows: Array<Insertable<OrganisationTable>> = Array.from({ length: ketens }, (_, i) => ({
    id: randomUUID(),
    kind: "keten",
    name: `Zorggroep ${pick(rng, NAME_PARTS)} ${i + 1}`,
    created_at: iso(int(rng, 400, 900) * 86_400_000),
  }));
  const praktijkRows: Array<Insertable<OrganisationTable>> = [];
  const practiceRows: Array<Insertable<PracticeTable>> = [];
  const assessmentRows: Array<Insertable<AssessmentTable>> = [];
  const profiles: PracticeProfile[] = [];
  for (let i = 0; i < practices; i++) {
    const regionIndex = int(rng, 0, regions - 1);
    const region = regionRows[regionIndex]!;
    const name = `Huisartsenpraktijk ${pick(rng, NAME_PARTS)} ${i + 1}`;
    const inKeten = rng() < 2 / 3;
    const created = iso(int(rng, 30, 365) * 86_400_000);
    const updated = iso(int(rng, 0, 29) * 86_400_000 + int(rng, 0, 86_399_999));
    const orgId = randomUUID();
    const practiceId = randomUUID();
    const profile: PracticeProfile = {
      name,
      agb: newAgb(),
      kvk: digits(rng, 8),
      postcode: postcode(rng, REGION_POSTCODES[regionIndex % REGION_POSTCODES.length]!),
      region: region.name,
      inKeten,
    };
    profiles.push(profile);
    praktijkRows.push({ id: orgId, kind: "praktijk", name, created_at: created });
    practiceRows.push({
      id: practiceId,
      organisation_id: orgId,
      keten_id: inKeten ? pick(rng, ketenRows).id : null,
      region_id: region.id,
      agb: profile.agb,
      name,
      postcode: profile.postcode,
      created_at: created,
      updated_at: created,
    });
    assessmentRows.push({
      id: randomUUID(),
      practice_id: practiceId,
      author_org_id: orgId,
      perspective: "zelfevaluatie",
      content_version: CONTENT_VERSION,
      status: "concept",
      version_no: 1,
      previous_id: null,
      created_by: null,
      created_at: created,
      updated_at: updated,
      submitted_at: null,
    });
  }

  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, "region", regionRows);
    await insertChunked(trx, "organisation", [...ketenRows, ...praktijkRows]);
    await insertChunked(trx, "practice", practiceRows);
    await insertChunked(trx, "assessment", assessmentRows);
  });
  const t1 = performance.now();

  // Answers: ~60 per practice, so a few transactions of about 100k rows each.
  let answerCount = 0;
  const perTransaction = 1500;
  for (let start = 0; start < practices; start += perTransaction) {
    const rows: Array<Insertable<AnswerTable>> = [];
    for (let i = start; i < Math.min(practices, start + perTransaction); i++) {
      const answers = generateAnswers(questionnaire, rng, profiles[i]!);
      if (i < validateSample) assertValidAnswers(questionnaire, answers);
      const at = assessmentRows[i]!.updated_at!;
      for (const [questionId, value] of Object.entries(answers)) {
        rows.push({ assessment_id: assessmentRows[i]!.id, question_id: questionId, value: JSON.stringify(value), revision: 1, updated_at: at, updated_by: null });
      }
    }
    await db.transaction().execute((trx) => insertChunked(trx, "answer", rows));
    answerCount += rows.length;
  }
  const t2 = performance.now();

  const demoAnswersAdded = completeDemo ? await completeDemoAssessment(db, questionnaire, rng) : 0;
  const t3 = performance.now();

  return {
    regions,
    organisations: ketens + practices,
    practices,
    assessments: practices,
    answers: answerCount,
    demoAnswersAdded,
    ms: { organisations: t1 - t0, answers: t2 - t1, demo: t3 - t2, total: t3 - t0 },
  };
}

/**
 * Answers every question the demo practice's self-assessment has not answered yet, keeping what the
 * demo seed gave (DEMO_ANSWERS), so every section page the bench renders is complete.
 */
export async function completeDemoAssessment(db: Kysely<Database>, questionnaire: Questionnaire, rng: Rng) {
  const assessment = await db
    .selectFrom("assessment")
    .innerJoin("membership", "membership.organisation_id", "assessment.author_org_id")
    .innerJoin("person", "person.id", "membership.person_id")
    .select(["assessment.id", "membership.person_id"])
    .where("person.email", "=", DEMO_VIEWER_EMAIL)
    .where("assessment.perspective", "=", "zelfevaluatie")
    .where("assessment.status", "=", "concept")
    .executeTakeFirst();
  if (!assessment) throw new Error("the demo practice has no self-assessment: run seedDemo first");
  const existing = await db.selectFrom("answer").select(["question_id", "value"]).where("assessment_id", "=", assessment.id).execute();
  const given: Record<string, Value> = Object.fromEntries(existing.map((r) => [r.question_id, JSON.parse(r.value) as Value]));
  const at = new Date().toISOString();
  const rows: Array<Insertable<AnswerTable>> = [];
  for (const { question } of questionnaire.questionById.values()) {
    if (question.id in given) continue;
    const value = questionValue(question, rng, given);
    const parsed = questionSchema(question).safeParse(value);
    if (!parsed.success || !isDeepStrictEqual(parsed.data, value)) throw new Error(`demo value for ${question.id} does not pass its schema`);
    rows.push({ assessment_id: assessment.id, question_id: question.id, value: JSON.stringify(value), revision: 1, updated_at: at, updated_by: assessment.person_id });
  }
  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, "answer", rows);
    await trx.updateTable("assessment").set({ updated_at: at }).where("id", "=", assessment.id).execute();
  });
  return rows.length;
}

export interface SeedWorkspacesResult {
  imported: number;
  shared: number;
  ownAssessments: number;
  ms: number;
}

/**
 * The insurer's side of the country (issue 5, "Scale"): it imported the facts of every practice, one in
 * ten practices submitted its self-assessment and shared it with the insurer, and the insurer wrote its
 * own beoordeling of one in a hundred. Facts are generated per practice and run through the real
 * signals engine, so the portfolio's columns hold what an import would have stored.
 */
export async function seedNationalWorkspaces(db: Kysely<Database>, options: { insurerOrgId: string; rng?: Rng }): Promise<SeedWorkspacesResult> {
  const t0 = performance.now();
  const rng = options.rng ?? seededRng(20261201);
  const { evaluateSignals } = await import("../app/domain/signals");
  const { storedSignalColumns } = await import("../app/models/signal-store.server");
  const parameters = getQuestionnaire(CONTENT_VERSION).parameters;
  const now = new Date().toISOString();
  const practices = await db
    .selectFrom("practice")
    .innerJoin("assessment", (join) => join.onRef("assessment.practice_id", "=", "practice.id").on("assessment.perspective", "=", "zelfevaluatie"))
    .select(["practice.id", "practice.name", "assessment.id as assessment_id"])
    .where("practice.organisation_id", "is not", null)
    // The demo practices keep their own story (the bench edits De Linde's concept).
    .where("practice.name", "not like", "%(demo)%")
    .execute();
  const importId = randomUUID();
  const tri = () => weighted(rng, [["ja", 80], ["nee", 10], ["onbekend", 10]] as const);
  const facts = practices.map((p, i) => {
    const patients = int(rng, 2000, 12000);
    const perFte = rng() < 0.1 ? int(rng, 4100, 6000) : int(rng, 1700, 3200);
    const signalFacts = {
      owner: weighted(rng, [["huisarts", 84], ["andere-zorgverlener", 7], ["bestuurder", 7], ["onbekend", 2]] as const),
      registeredPatients: patients,
      huisartsHoursPerWeek: rng() < 0.03 ? null : Math.round(((patients / perFte) * 40) * 2) / 2,
      weekdaysPresent: rng() < 0.05 ? null : weekdays(rng, rng() < 0.15 ? int(rng, 2, 4) : 5),
      huisartsenWithoutDays: 0,
      huisartsen: null,
      medicallyResponsibleGp: tri(),
      governanceDocumented: tri(),
      ketenOrHolding: weighted(rng, [["nee", 70], ["ja", 20], ["onbekend", 10]] as const),
      hagro: weighted(rng, [["ja", 78], ["nee", 10], ["geen-hagro", 4], ["onbekend", 8]] as const),
      nearbyCooperation: tri(),
      anw: tri(),
    };
    return {
      id: randomUUID(),
      organisation_id: options.insurerOrgId,
      practice_id: p.id,
      import_id: importId,
      row_number: i + 2,
      name: p.name,
      keten_id: null,
      keten_name: null,
      region_id: null,
      facts: JSON.stringify(signalFacts),
      imported_at: now,
      ...storedSignalColumns(evaluateSignals(signalFacts, parameters), parameters.rulesVersion),
    };
  });
  const shared = practices.filter(() => rng() < 0.1);
  const own = practices.filter(() => rng() < 0.01);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("facts_import")
      .values({ id: importId, organisation_id: options.insurerOrgId, status: "confirmed", file_name: "landelijk.csv", source: "Benchmark (fictief)", source_date: now.slice(0, 10), row_count: facts.length, error_count: 0, preview: null, created_by: null, created_at: now, decided_at: now })
      .execute();
    await insertChunked(trx, "imported_facts", facts);
    for (let i = 0; i < shared.length; i += CHUNK) {
      await trx.updateTable("assessment").set({ status: "ingediend", submitted_at: now }).where("id", "in", shared.slice(i, i + CHUNK).map((p) => p.assessment_id)).execute();
    }
    await insertChunked(
      trx,
      "share",
      shared.map((p) => ({ id: randomUUID(), assessment_id: p.assessment_id, organisation_id: options.insurerOrgId, granted_by: null, created_at: now, revoked_at: null, revoked_by: null })),
    );
    // The insurer's own beoordelingen copy the practice's answers: the keten view reads their governance.
    const ownRows = own.map((p) => ({ practice: p, id: randomUUID() }));
    await insertChunked(
      trx,
      "assessment",
      ownRows.map(({ practice, id }) => ({
        id,
        practice_id: practice.id,
        author_org_id: options.insurerOrgId,
        perspective: "beoordeling" as const,
        content_version: CONTENT_VERSION,
        status: "concept" as const,
        version_no: 1,
        previous_id: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        signals_at: null,
      })),
    );
    for (const { practice, id } of ownRows) {
      await sql`insert into answer (assessment_id, question_id, value, revision, updated_at, updated_by)
        select ${id}, question_id, value, 1, ${now}, null from answer where assessment_id = ${practice.assessment_id}`.execute(trx);
    }
  });
  return { imported: facts.length, shared: shared.length, ownAssessments: own.length, ms: performance.now() - t0 };
}
