/**
 * The regional signaleringsmatrix (issue 6; leidraad continuïteit en toegankelijkheid 2027/2028,
 * sections 2-3): region indicator values per year from public sources, the criteria in force (content,
 * with an agreed cut-off where a beheerder set one), the coloured matrix, a region over the years, and
 * the region's row beside a practice's signals. The matrix is public data: every signed-in person may
 * read it. National data belongs to the platform: only the platform beheerder imports figures and
 * publishes criteria, each publication with its basis (who agreed it, source, date). A beheerder of an
 * insurer or toezichthouder may keep cut-offs of its own, for its own view only ("eigen grenswaarden").
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { getDb } from "../../db/index.server";
import { buildMatrix, matrixYears, regionKey, type ColouredMatrix, type ColouredRegion, type RegionYearValues } from "../domain/regional/colouring";
import { getRegionalCriteria } from "~/models/regional-content.server";
import { type RegionCsvMessage, type RegionRow } from "../domain/regional/region-row";
import { readRegionCsv } from "../utils/spreadsheet-messages";
import { CriteriaSchema, INDICATOR_IDS, type Criteria, type IndicatorId, type RegionalCriteria } from "../domain/regional/schema";
import { recordEvent } from "./audit.server";
import type { Lng } from "~/i18n";
import { platformActor } from "./platform.server";
import type { PlatformViewer, Viewer } from "./viewer.server";

/** Whose organisation may have cut-offs of its own: insurers and toezichthouders (all their people see that view). */
export const mayViewOwnCriteria = (viewer: Viewer) => viewer.organisationKind === "zorgverzekeraar" || viewer.organisationKind === "toezichthouder";
/** Who sets them: a beheerder of such an organisation. */
export const canKeepOwnCriteria = (viewer: Viewer) => viewer.role === "beheerder" && mayViewOwnCriteria(viewer);

type Db = Awaited<ReturnType<typeof getDb>>;

export interface StoredRegionYear extends RegionYearValues {
  regionId: string;
  source: string;
}

/** Every region's values of every year (30 regions × a few years: a small table, read whole). */
export async function loadRegionRows(db?: Db): Promise<StoredRegionYear[]> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .selectFrom("region_year as y")
    .innerJoin("region as r", "r.id", "y.region_id")
    .select(["r.id", "r.code", "r.name", "y.year", "y.indicator_values", "y.counts", "y.source"])
    .orderBy("r.code")
    .orderBy("y.year")
    .execute();
  return rows.map((r) => ({
    regionId: r.id,
    code: r.code,
    name: r.name,
    year: r.year,
    values: { ...emptyIndicatorValues(), ...(JSON.parse(r.indicator_values) as Partial<Record<IndicatorId, number | null>>) },
    counts: r.counts ? JSON.parse(r.counts) : undefined,
    source: r.source,
  }));
}

const emptyIndicatorValues = () => Object.fromEntries(INDICATOR_IDS.map((id) => [id, null])) as Record<IndicatorId, number | null>;

/** The basis of a national publication: who agreed the cut-offs, where that is written, when. */
export interface PublicationBasis {
  agreedBy: string;
  source: string;
  agreedOn: string;
  publishedAt: string;
  publishedBy: string | null;
}

export interface CriteriaOverride {
  indicatorId: IndicatorId;
  criteria: Criteria;
  /** "national": published by the platform with its basis; "own": the reading organisation's own cut-offs. */
  kind: "national" | "own";
  basis: PublicationBasis | null;
  changedAt: string;
  changedBy: string | null;
}

/** The latest publication of each indicator (its criteria, or null: back to the content's). */
async function latestPublications(conn: Db) {
  const rows = await conn
    .selectFrom("criteria_publication as c")
    .leftJoin("person as p", "p.id", "c.published_by")
    .select(["c.indicator_id", "c.criteria", "c.agreed_by", "c.source", "c.agreed_on", "c.published_at", "p.name as published_by"])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("criteria_publication as later")
            .select("later.id")
            .whereRef("later.indicator_id", "=", "c.indicator_id")
            .where((l) => l.or([l("later.published_at", ">", l.ref("c.published_at")), l.and([l("later.published_at", "=", l.ref("c.published_at")), l("later.id", ">", l.ref("c.id"))])])),
        ),
      ),
    )
    .execute();
  return rows.filter((r) => (INDICATOR_IDS as readonly string[]).includes(r.indicator_id));
}

/**
 * The content's criteria with the platform's published cut-offs in their place; with `ownOf`, that
 * organisation's own cut-offs over those (its own view only).
 */
export async function getCriteriaInForce(db?: Db, ownOf?: string): Promise<{ criteria: RegionalCriteria; overrides: CriteriaOverride[] }> {
  const conn = db ?? (await getDb());
  const content = getRegionalCriteria();
  const overrides: CriteriaOverride[] = [];
  for (const r of await latestPublications(conn)) {
    if (r.criteria === null) continue;
    const basis = { agreedBy: r.agreed_by, source: r.source, agreedOn: r.agreed_on, publishedAt: r.published_at, publishedBy: r.published_by };
    overrides.push({ indicatorId: r.indicator_id as IndicatorId, criteria: CriteriaSchema.parse(JSON.parse(r.criteria)), kind: "national", basis, changedAt: r.published_at, changedBy: r.published_by });
  }
  if (ownOf) {
    const own = await conn
      .selectFrom("own_criteria as o")
      .leftJoin("person as p", "p.id", "o.changed_by")
      .select(["o.indicator_id", "o.criteria", "o.changed_at", "p.name as person"])
      .where("o.organisation_id", "=", ownOf)
      .execute();
    for (const r of own.filter((r) => (INDICATOR_IDS as readonly string[]).includes(r.indicator_id))) {
      const at = overrides.findIndex((o) => o.indicatorId === r.indicator_id);
      if (at >= 0) overrides.splice(at, 1);
      overrides.push({ indicatorId: r.indicator_id as IndicatorId, criteria: CriteriaSchema.parse(JSON.parse(r.criteria)), kind: "own", basis: null, changedAt: r.changed_at, changedBy: r.person });
    }
  }
  const byId = new Map(overrides.map((o) => [o.indicatorId, o.criteria]));
  return { criteria: { ...content, indicators: content.indicators.map((i) => (byId.has(i.id) ? { ...i, criteria: byId.get(i.id)! } : i)) }, overrides };
}

/** Whether an organisation keeps any cut-offs of its own. */
export async function hasOwnCriteria(organisationId: string) {
  const db = await getDb();
  return Boolean(await db.selectFrom("own_criteria").select("indicator_id").where("organisation_id", "=", organisationId).limit(1).executeTakeFirst());
}

export interface RegionalMatrix {
  years: number[];
  year: number | null;
  matrix: ColouredMatrix | null;
  criteria: RegionalCriteria;
  overrides: CriteriaOverride[];
  /** The sources the figures of that year came from, per region (import source text). */
  sources: string[];
  regionIds: Record<string, string>;
}

/** The matrix of one year (default: the latest with data), coloured by the criteria in force (with `ownOf`: that organisation's view). */
export async function getRegionalMatrix(year?: number, ownOf?: string): Promise<RegionalMatrix> {
  const db = await getDb();
  const [rows, { criteria, overrides }] = await Promise.all([loadRegionRows(db), getCriteriaInForce(db, ownOf)]);
  const years = matrixYears(rows);
  const chosen = year !== undefined && years.includes(year) ? year : (years.at(-1) ?? null);
  const matrix = chosen === null ? null : buildMatrix(criteria, rows, chosen);
  const sources = [...new Set(rows.filter((r) => r.year === chosen).map((r) => r.source))].sort();
  return { years, year: chosen, matrix, criteria, overrides, sources, regionIds: Object.fromEntries(rows.map((r) => [regionKey(r.code), r.regionId])) };
}

export interface RegionPage {
  regionId: string;
  code: string;
  name: string;
  /** The region's row of the matrix in each year, coloured among that year's regions. */
  history: Array<{ year: number; row: ColouredRegion; source: string }>;
  criteria: RegionalCriteria;
}

export async function getRegionPage(code: string): Promise<RegionPage | undefined> {
  const db = await getDb();
  const region = await db.selectFrom("region").select(["id", "code", "name"]).where("code", "=", regionKey(code)).executeTakeFirst();
  if (!region) return undefined;
  const [rows, { criteria }] = await Promise.all([loadRegionRows(db), getCriteriaInForce(db)]);
  const own = rows.filter((r) => r.regionId === region.id);
  const history = own.map((r) => ({ year: r.year, row: buildMatrix(criteria, rows, r.year).regions.find((x) => regionKey(x.code) === regionKey(region.code))!, source: r.source }));
  return { regionId: region.id, code: region.code, name: region.name, history, criteria };
}

/** The row of the latest matrix for a region: the context beside a practice's signals. */
export async function getRegionContext(regionId: string | null) {
  if (!regionId) return null;
  const m = await getRegionalMatrix();
  if (!m.matrix) return null;
  const row = m.matrix.regions.find((r) => m.regionIds[regionKey(r.code)] === regionId);
  return row ? { year: m.year!, row, indicators: m.criteria.indicators } : null;
}

/** Per region id, its red cells in the latest matrix: the portfolio's region column. */
export async function redCellsByRegion(): Promise<Record<string, number>> {
  const m = await getRegionalMatrix();
  if (!m.matrix) return {};
  return Object.fromEntries(m.matrix.regions.map((r) => [m.regionIds[regionKey(r.code)]!, r.red]));
}

/** Every region, for a practice's explicit choice. */
export async function listRegions() {
  const db = await getDb();
  return db.selectFrom("region").select(["id", "code", "name"]).orderBy("name").execute();
}

// ---------------------------------------------------------------------------------------------------
// Import: the platform beheerder's, previewed before anything changes

export interface RegionImportPreview {
  rows: RegionRow[];
  errors: RegionCsvMessage[];
  warnings: RegionCsvMessage[];
  /** Region codes not in Kernwaardenscan yet: they are added. */
  newRegions: string[];
}

export type RegionPreviewResult = { ok: true; id: string } | { ok: false; problems: RegionCsvMessage[] };

export async function previewRegionImport(input: { admin: PlatformViewer; fileName: string; bytes: Buffer; source: string }): Promise<RegionPreviewResult> {
  const { admin } = input;
  const read = readRegionCsv(input.bytes, { fileName: input.fileName });
  if (!read.ok) return { ok: false, problems: read.problems };
  const db = await getDb();
  const known = new Set((await db.selectFrom("region").select("code").execute()).map((r) => regionKey(r.code)));
  const preview: RegionImportPreview = {
    rows: read.rows,
    errors: read.errors,
    warnings: read.warnings,
    newRegions: [...new Set(read.rows.map((r) => regionKey(r.code)).filter((c) => !known.has(c)))],
  };
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("region_import")
      .values({
        id,
        status: "preview",
        file_name: input.fileName,
        source: input.source,
        row_count: read.rows.length + read.rejectedRows,
        error_count: read.rejectedRows,
        preview: JSON.stringify(preview),
        created_by: admin.personId,
        created_at: now,
        decided_at: null,
      })
      .execute();
    await recordEvent(trx, { viewer: platformActor(admin), at: now, action: "regions.previewed", subjectType: "region-import", subjectId: id, detail: { rows: read.rows.length, errors: read.rejectedRows } });
  });
  return { ok: true, id };
}

/** A region import with its preview parsed, or undefined. */
export async function getRegionImport(id: string) {
  const db = await getDb();
  const row = await db
    .selectFrom("region_import as f")
    .leftJoin("person", "person.id", "f.created_by")
    .selectAll("f")
    .select("person.name as created_by_name")
    .where("f.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, preview: row.preview ? (JSON.parse(row.preview) as RegionImportPreview) : null };
}

/** The latest region imports, newest first. */
export async function listRegionImports() {
  const db = await getDb();
  return db
    .selectFrom("region_import as f")
    .leftJoin("person", "person.id", "f.created_by")
    .select(["f.id", "f.status", "f.file_name", "f.source", "f.row_count", "f.error_count", "f.created_at", "f.decided_at", "person.name as created_by_name"])
    .orderBy("f.created_at", "desc")
    .limit(50)
    .execute();
}

export class RegionImportStateError extends Error {}

/** Stores every good row (a region+year replaces its earlier figures); new regions are added. All or nothing. */
export async function decideRegionImport(admin: PlatformViewer, id: string, confirm: boolean) {
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("region_import").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    if (row.status !== "preview" || !row.preview) throw new RegionImportStateError(row.status);
    const now = new Date().toISOString();
    const preview = JSON.parse(row.preview) as RegionImportPreview;
    if (confirm) await storeRegionRows(trx, preview.rows, { importId: id, source: row.source, at: now });
    await trx.updateTable("region_import").set({ status: confirm ? "confirmed" : "discarded", decided_at: now, preview: null }).where("id", "=", id).execute();
    await recordEvent(trx, {
      viewer: platformActor(admin),
      at: now,
      action: confirm ? "regions.imported" : "regions.discarded",
      subjectType: "region-import",
      subjectId: id,
      detail: { rows: preview.rows.length, newRegions: preview.newRegions.length, source: row.source },
    });
    return { rows: preview.rows.length, newRegions: preview.newRegions.length, latestYear: preview.rows.length ? Math.max(...preview.rows.map((r) => r.year)) : null };
  });
}

/** Regions by code (added when new, renamed when the source names them otherwise) and their figures per year. */
export async function storeRegionRows(trx: Kysely<Database> | Transaction<Database>, rows: readonly RegionYearValues[], meta: { importId: string | null; source: string; at: string }) {
  const existing = new Map((await trx.selectFrom("region").select(["id", "code", "name"]).execute()).map((r) => [regionKey(r.code), r]));
  for (const row of rows) {
    const key = regionKey(row.code);
    let region = existing.get(key);
    if (!region) {
      region = { id: randomUUID(), code: key, name: row.name };
      await trx.insertInto("region").values(region).execute();
      existing.set(key, region);
    } else if (region.name !== row.name) {
      await trx.updateTable("region").set({ name: row.name }).where("id", "=", region.id).execute();
    }
    // The trend is derived from the years, never stored: a later import of an earlier year changes it.
    const { "trend-zonder-vaste-huisarts": _trend, ...measured } = row.values;
    const values = { region_id: region.id, year: row.year, indicator_values: JSON.stringify(measured), counts: row.counts ? JSON.stringify(row.counts) : null, import_id: meta.importId, source: meta.source, updated_at: meta.at };
    await trx
      .insertInto("region_year")
      .values(values)
      .onConflict((oc) => oc.columns(["region_id", "year"]).doUpdateSet({ indicator_values: values.indicator_values, counts: values.counts, import_id: values.import_id, source: values.source, updated_at: values.updated_at }))
      .execute();
  }
}

// ---------------------------------------------------------------------------------------------------
// Criteria: national publications (the platform) and an organisation's own cut-offs

export interface PublicationInput {
  agreedBy: string;
  source: string;
  /** YYYY-MM-DD */
  agreedOn: string;
}

/**
 * The platform beheerder publishes cut-offs for one indicator with their basis, or (null) returns it
 * to the content's criteria. Fixed cut-offs lie the right way round for the indicator's direction
 * (checked by the caller, as the content schema does). Kept as history; audited.
 */
export async function publishCriteria(admin: PlatformViewer, indicatorId: IndicatorId, criteria: Criteria | null, basis: PublicationInput) {
  const db = await getDb();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto("criteria_publication")
      .values({ id, indicator_id: indicatorId, criteria: criteria === null ? null : JSON.stringify(criteria), agreed_by: basis.agreedBy, source: basis.source, agreed_on: basis.agreedOn, published_by: admin.personId, published_at: now })
      .execute();
    await recordEvent(trx, {
      viewer: platformActor(admin),
      at: now,
      action: criteria === null ? "criteria.withdrawn" : "criteria.published",
      subjectType: "matrix-criteria",
      subjectId: indicatorId,
      detail: { publication: id, criteria: criteria ?? "content", ...basis },
    });
  });
}

/** Every national publication, newest first: the matrix's history of criteria. */
export async function listPublications() {
  const db = await getDb();
  return db
    .selectFrom("criteria_publication as c")
    .leftJoin("person as p", "p.id", "c.published_by")
    .select(["c.id", "c.indicator_id", "c.criteria", "c.agreed_by", "c.source", "c.agreed_on", "c.published_at", "p.name as published_by"])
    .orderBy("c.published_at", "desc")
    .orderBy("c.id", "desc")
    .limit(100)
    .execute();
}

/** An insurer's or toezichthouder's own cut-offs for one indicator (null: none), for its own view only. */
export async function setOwnCriteria(viewer: Viewer, indicatorId: IndicatorId, criteria: Criteria | null) {
  if (!canKeepOwnCriteria(viewer)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("own_criteria").select("criteria").where("organisation_id", "=", viewer.organisationId).where("indicator_id", "=", indicatorId).executeTakeFirst();
    if (criteria === null) await trx.deleteFrom("own_criteria").where("organisation_id", "=", viewer.organisationId).where("indicator_id", "=", indicatorId).execute();
    else {
      const values = { organisation_id: viewer.organisationId, indicator_id: indicatorId, criteria: JSON.stringify(criteria), changed_by: viewer.personId, changed_at: now };
      await trx
        .insertInto("own_criteria")
        .values(values)
        .onConflict((oc) => oc.columns(["organisation_id", "indicator_id"]).doUpdateSet({ criteria: values.criteria, changed_by: values.changed_by, changed_at: now }))
        .execute();
    }
    await recordEvent(trx, {
      viewer,
      at: now,
      action: criteria === null ? "own-criteria.reset" : "own-criteria.changed",
      subjectType: "own-criteria",
      subjectId: indicatorId,
      detail: { from: before ? JSON.parse(before.criteria) : "national", to: criteria ?? "national" },
    });
  });
}

/** The organisation's own changes to its cut-offs, newest first (nobody else's). */
export async function listOwnCriteriaChanges(viewer: Viewer) {
  const db = await getDb();
  return db
    .selectFrom("audit_event as e")
    .leftJoin("person as p", "p.id", "e.actor_person_id")
    .select(["e.id", "e.at", "e.action", "e.subject_id", "p.name as person"])
    .where("e.actor_org_id", "=", viewer.organisationId)
    .where("e.action", "in", ["own-criteria.changed", "own-criteria.reset"])
    .orderBy("e.at", "desc")
    .limit(50)
    .execute();
}

const SOURCE_NAMES: Record<RegionalCriteria["indicators"][number]["source"], string> = { vektis: "Vektis", cbs: "CBS", nivel: "Nivel" };

/** The indicators as a page shows them, in the reader's language. */
export function indicatorViews(criteria: RegionalCriteria, lng: Lng) {
  return criteria.indicators.map((i) => ({
    id: i.id,
    title: i.title[lng],
    unit: i.unit[lng],
    source: SOURCE_NAMES[i.source],
    sourceDetail: i.sourceDetail[lng],
    explanation: i.explanation[lng],
    decimals: i.decimals,
    group: i.group,
  }));
}

/** A region's row of the latest matrix, ready for the page beside a practice's signals (or null). */
export async function regionContextView(regionId: string | null, lng: Lng) {
  const context = await getRegionContext(regionId);
  if (!context) return null;
  const views = new Map(indicatorViews({ ...getRegionalCriteria(), indicators: context.indicators }, lng).map((v) => [v.id, v]));
  return {
    regionId: regionId!,
    code: context.row.code,
    name: context.row.name,
    year: context.year,
    red: context.row.red,
    cells: context.indicators.map((i) => ({ indicator: views.get(i.id)!, cell: context.row.cells[i.id] })),
  };
}

/** A practice's region: its own (set by the practice or the register), else what the organisation imported. */
export async function practiceRegionId(practiceId: string, organisationId: string) {
  const db = await getDb();
  const row = await db
    .selectFrom("practice as p")
    .leftJoin("imported_facts as i", (join) => join.onRef("i.practice_id", "=", "p.id").on("i.organisation_id", "=", organisationId))
    .select(["p.region_id", "i.region_id as imported_region_id"])
    .where("p.id", "=", practiceId)
    .executeTakeFirst();
  return row?.region_id ?? row?.imported_region_id ?? null;
}

