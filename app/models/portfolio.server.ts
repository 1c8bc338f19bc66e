/**
 * The portfolio: every practice an organisation may see, with the five signals, filtered, sorted,
 * grouped, counted and paginated in SQL (issue 5, "Scale"), so the whole country stays fast.
 *
 * What an organisation may see of a practice (authorization in the query):
 * - a self-assessment version shared with it by a live grant (or, for a keten's beheerder, a member's);
 * - its own assessments of the practice (beoordeling, toezicht, afweging);
 * - the practice facts it imported itself.
 * One source speaks for a row, in that order: the practice's own word first (its latest visible
 * self-assessment), then the organisation's own latest assessment, then its imported facts. Imported
 * facts never overwrite what a practice answered; they fill the rows nobody answered yet.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { getDb } from "../../db/index.server";
import { streamRows } from "../../db/stream.server";
import {
  SIGNAL_COLUMN,
  DEFAULT_QUERY,
  GROUPS,
  ketenKeyOfName,
  SORTS,
  SOURCES,
  STATUSES,
  type PortfolioFilter,
  type PortfolioGroup,
  type PortfolioQuery,
  type PortfolioRow,
  type PortfolioSort,
  type SignalStatusValue,
  type SourceKind,
  SIGNAL_COLUMNS,
} from "../domain/portfolio";
import { SIGNAL_IDS, type SignalId } from "../domain/content/schema";
import { isVerified, type Viewer } from "./viewer.server";

export { DEFAULT_QUERY, GROUPS, ketenKeyOfName, SORTS, SOURCES, STATUSES };
export type { PortfolioFilter, PortfolioGroup, PortfolioQuery, PortfolioRow, PortfolioSort, SourceKind };

export type StatusCounts = Record<SignalId, Record<SignalStatusValue, number>>;

export interface PortfolioPage {
  rows: PortfolioRow[];
  total: number;
  counts: StatusCounts;
  /** Practices per group over the whole filtered set (for the group headers), when grouped. */
  groups: Map<string, number>;
  page: number;
  pages: number;
}

type Db = Awaited<ReturnType<typeof getDb>>;

/**
 * May this organisation have a portfolio at all? Verified insurers and toezichthouders; a verified
 * keten's beheerder sees its members. An unverified organisation reads no other organisation's practice.
 */
export function hasPortfolio(viewer: Viewer) {
  if (!isVerified(viewer)) return false;
  return viewer.organisationKind === "zorgverzekeraar" || viewer.organisationKind === "toezichthouder" || (viewer.organisationKind === "keten" && viewer.role === "beheerder");
}

const SIGNAL_FIELDS = [
  ...SIGNAL_COLUMNS,
  "patients_per_fte",
  "signal_count",
  "signals_rules_version",
] as const;
const assessmentSignals = SIGNAL_FIELDS.map((f) => `a.${f}` as const);
const importSignals = SIGNAL_FIELDS.map((f) => `i.${f}` as const);

/** Whose portfolio is computed: an organisation, and whether it reads as a keten (its members' self-assessments). */
interface PortfolioOwner {
  id: string;
  kind: Viewer["organisationKind"];
}

/**
 * Every source of every practice the organisation may see (or of the given practices), the latest
 * version of each kind per practice kept, ranked (self, own, import), with what the practice has of
 * each kind and whether the self-assessment and the organisation's own assessment disagree on a signal.
 * This is the definition of a portfolio; portfolio_entry stores its rows for reading.
 */
function rankedSources(db: Db, owner: PortfolioOwner, practiceIds?: readonly string[]) {
  const org = owner.id;
  const only = <QB extends { where: (...args: any[]) => QB }>(qb: QB, column: string) => (practiceIds ? qb.where(column, "in", practiceIds) : qb);
  const self = only(
    db
      .selectFrom("assessment as a")
      .innerJoin("practice as p", "p.id", "a.practice_id")
      .select(["a.practice_id", "a.id as source_id", sql<SourceKind>`'self'`.as("source"), sql<number>`1`.as("rank"), sql<number | null>`a.version_no`.as("version_no"), "a.updated_at as at", ...assessmentSignals])
      .where("a.perspective", "=", "zelfevaluatie")
      .where((eb) =>
        eb.or([
          eb.exists(
            eb.selectFrom("share as s").select("s.id").whereRef("s.assessment_id", "=", "a.id").where("s.organisation_id", "=", org).where("s.revoked_at", "is", null),
          ),
          // A keten reads its members' self-assessments (its beheerder; the read checks the role).
          ...(owner.kind === "keten" ? [eb("p.keten_id", "=", org)] : []),
        ]),
      ),
    "a.practice_id",
  );
  const own = only(
    db
      .selectFrom("assessment as a")
      .select(["a.practice_id", "a.id as source_id", sql<SourceKind>`'own'`.as("source"), sql<number>`2`.as("rank"), sql<number | null>`a.version_no`.as("version_no"), "a.updated_at as at", ...assessmentSignals])
      .where("a.author_org_id", "=", org)
      .where("a.perspective", "!=", "zelfevaluatie"),
    "a.practice_id",
  );
  const imported = only(
    db
      .selectFrom("imported_facts as i")
      .select(["i.practice_id", "i.id as source_id", sql<SourceKind>`'import'`.as("source"), sql<number>`3`.as("rank"), sql<number | null>`null`.as("version_no"), "i.imported_at as at", ...importSignals])
      .where("i.organisation_id", "=", org),
    "i.practice_id",
  );

  const w = sql`(partition by practice_id)`;
  const disagree = (column: string) =>
    sql`min(case when source <> 'import' then ${sql.ref(column)} end) over ${w} <> max(case when source <> 'import' then ${sql.ref(column)} end) over ${w}`;
  return db
    .with("sources", () => self.unionAll(own).unionAll(imported))
    .with("latest", (qc) =>
      qc
        .selectFrom("sources")
        .selectAll()
        .select(sql<number>`row_number() over (partition by practice_id, source order by version_no desc, at desc)`.as("rs"))
        // Issue 13: whether the signals changed since the previous version of the same kind this organisation
        // may see (the next row in this order); null when there is none (a first version, an import).
        .select(
          sql<number | null>`case when lead(source_id) over (partition by practice_id, source order by version_no desc, at desc) is null then null when ${sql.join(
            SIGNAL_STATUS_COLUMNS.map(
              (c) => sql`coalesce(${sql.ref(c)}, '') <> coalesce(lead(${sql.ref(c)}) over (partition by practice_id, source order by version_no desc, at desc), '')`,
            ),
            sql` or `,
          )} then 1 else 0 end`.as("signals_changed"),
        ),
    )
    .with("ranked", (qc) =>
      qc
        .selectFrom("latest")
        .selectAll()
        .select([
          sql<number>`row_number() over (partition by practice_id order by rank)`.as("rn"),
          sql<number>`max(case when source = 'self' then 1 else 0 end) over ${w}`.as("has_self"),
          sql<number>`max(case when source = 'own' then 1 else 0 end) over ${w}`.as("has_own"),
          sql<number>`max(case when source = 'import' then 1 else 0 end) over ${w}`.as("has_import"),
          sql<number>`case when ${sql.join(
            SIGNAL_COLUMNS.map(disagree),
            sql` or `,
          )} then 1 else 0 end`.as("differs"),
        ])
        .where("rs", "=", 1),
    );
}

const SIGNAL_STATUS_COLUMNS = ["sig_owner_not_gp", "sig_patients_per_fte", "sig_no_gp_present", "sig_unclear_organisation", "sig_regional_cooperation"] as const;

const ENTRY_COLUMNS = [
  "practice_id",
  "source",
  "source_id",
  "at",
  "version_no",
  ...SIGNAL_FIELDS,
  "has_self",
  "has_own",
  "has_import",
  "differs",
  "signals_changed",
] as const;

/** The portfolio as its definition gives it (not the stored rows): for refreshing them, and for tests. */
export async function computePortfolioEntries(db: Db | Transaction<Database>, owner: PortfolioOwner, practiceIds?: readonly string[]) {
  return rankedSources(db as Db, owner, practiceIds)
    .selectFrom("ranked")
    .select([...ENTRY_COLUMNS])
    .where("rn", "=", 1)
    .execute();
}

/**
 * Rewrites the stored portfolio of an organisation: of the given practices, or whole. Called inside the
 * transaction of every change that can alter a portfolio, so the stored rows never lag the sources.
 */
export async function refreshPortfolio(db: Db | Transaction<Database>, owner: PortfolioOwner, practiceIds?: readonly string[]) {
  if (practiceIds && practiceIds.length === 0) return;
  // Many practices at once (an import of the country): one pass over the whole portfolio is cheaper.
  const ids = practiceIds && practiceIds.length <= 500 ? [...new Set(practiceIds)] : undefined;
  const rows = await computePortfolioEntries(db, owner, ids);
  let del = db.deleteFrom("portfolio_entry").where("organisation_id", "=", owner.id);
  if (ids) del = del.where("practice_id", "in", ids);
  await del.execute();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("portfolio_entry")
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, organisation_id: owner.id, source: r.source as SourceKind })))
      .execute();
  }
}

/**
 * After an assessment changed (saved, started, submitted, a new version): the portfolios that can show
 * it: its author's (an assessment about another practice), the organisations holding a live grant on
 * it, and the keten of its practice (a self-assessment).
 */
export async function refreshPortfoliosOfAssessment(db: Db | Transaction<Database>, assessmentId: string) {
  const a = await db
    .selectFrom("assessment")
    .innerJoin("practice", "practice.id", "assessment.practice_id")
    .innerJoin("organisation", "organisation.id", "assessment.author_org_id")
    .select(["assessment.practice_id", "assessment.perspective", "assessment.author_org_id", "organisation.kind as author_kind", "practice.keten_id"])
    .where("assessment.id", "=", assessmentId)
    .executeTakeFirst();
  if (!a) return;
  const owners = new Map<string, PortfolioOwner>();
  if (a.perspective !== "zelfevaluatie") owners.set(a.author_org_id, { id: a.author_org_id, kind: a.author_kind });
  if (a.perspective === "zelfevaluatie" && a.keten_id) owners.set(a.keten_id, { id: a.keten_id, kind: "keten" });
  const grantees = await db
    .selectFrom("share")
    .innerJoin("organisation", "organisation.id", "share.organisation_id")
    .select(["organisation.id", "organisation.kind"])
    .where("share.assessment_id", "=", assessmentId)
    .where("share.revoked_at", "is", null)
    .execute();
  for (const g of grantees) owners.set(g.id, { id: g.id, kind: g.kind });
  for (const owner of owners.values()) await refreshPortfolio(db, owner, [a.practice_id]);
}

/** After a grant or its revocation: the grantee's portfolio row of that practice. */
export async function refreshPortfolioOfShare(db: Db | Transaction<Database>, shareId: string) {
  const s = await db
    .selectFrom("share")
    .innerJoin("assessment", "assessment.id", "share.assessment_id")
    .innerJoin("organisation", "organisation.id", "share.organisation_id")
    .select(["organisation.id", "organisation.kind", "assessment.practice_id"])
    .where("share.id", "=", shareId)
    .executeTakeFirst();
  if (s) await refreshPortfolio(db, { id: s.id, kind: s.kind }, [s.practice_id]);
}

/**
 * Every organisation's portfolio from scratch: at start-up when the stored rows are missing (a new
 * database, a seed written directly) and in the benchmark. Practices never have a portfolio.
 */
export async function rebuildPortfolios(db: Db) {
  const owners = await db.selectFrom("organisation").select(["id", "kind"]).where("kind", "!=", "praktijk").execute();
  for (const owner of owners) await db.transaction().execute((trx) => refreshPortfolio(trx, owner));
  return owners.length;
}

/** At start-up: a database whose portfolios were never stored (a new migration, a seed written directly) gets them. */
export async function rebuildPortfoliosIfMissing(db: Db) {
  const any = await db.selectFrom("portfolio_entry").select("practice_id").limit(1).executeTakeFirst();
  return any ? 0 : rebuildPortfolios(db);
}

/** A stored row as its values, comparable with the definition's (numbers and flags as SQLite gives them). */
const entryKey = (row: Record<string, unknown>) => JSON.stringify(ENTRY_COLUMNS.map((c) => (row[c] === undefined ? null : row[c])));

/**
 * Compares a sample of the stored portfolios with their definition: up to `owners` organisations with a
 * portfolio, and in each up to `practices` practices (some stored, some the definition has). Returns
 * the differences found, in words for the log; empty when the stored rows agree.
 */
export async function checkPortfolioSample(db: Db, options: { owners?: number; practices?: number } = {}) {
  const { owners: ownerCount = 5, practices: practiceCount = 40 } = options;
  const owners = await db.selectFrom("organisation").select(["id", "kind"]).where("kind", "!=", "praktijk").orderBy(sql`random()`).limit(ownerCount).execute();
  const differences: string[] = [];
  for (const owner of owners) {
    const stored = await db.selectFrom("portfolio_entry").selectAll().where("organisation_id", "=", owner.id).orderBy(sql`random()`).limit(practiceCount).execute();
    const defined = await computePortfolioEntries(db, owner, stored.length > 0 ? stored.map((r) => r.practice_id) : undefined);
    const sample = stored.length > 0 ? defined : defined.slice(0, practiceCount);
    const storedByPractice = new Map(stored.map((r) => [r.practice_id, entryKey(r)]));
    if (stored.length === 0 && sample.length > 0) {
      differences.push(`${owner.id}: no stored rows, the definition has ${defined.length}`);
      continue;
    }
    for (const row of sample) {
      if (storedByPractice.get(row.practice_id) !== entryKey(row)) differences.push(`${owner.id}/${row.practice_id}: stored row differs from the definition`);
      storedByPractice.delete(row.practice_id);
    }
    for (const practiceId of storedByPractice.keys()) differences.push(`${owner.id}/${practiceId}: stored, but not in the definition`);
  }
  return differences;
}

/** The stored rows the viewer may read, joined to the practice, its keten and its region. */
function portfolioBase(db: Db, viewer: Viewer) {
  const base = db
    .selectFrom("portfolio_entry as r")
    .innerJoin("practice as p", "p.id", "r.practice_id")
    .leftJoin("imported_facts as imp", (join) => join.onRef("imp.practice_id", "=", "p.id").on("imp.organisation_id", "=", viewer.organisationId))
    .leftJoin("organisation as k", (join) => join.on(sql`k.id`, "=", sql`coalesce(p.keten_id, imp.keten_id)`))
    .leftJoin("region as g", (join) => join.on(sql`g.id`, "=", sql`coalesce(p.region_id, imp.region_id)`))
    // The organisation that speaks for the practice, for the "geverifieerd" mark beside its name.
    .leftJoin("organisation as po", "po.id", "p.organisation_id")
    .where("r.organisation_id", "=", viewer.organisationId);
  // A keten's members are read by its beheerder only (as getAssessment decides); an unverified
  // organisation reads no other organisation's practice (its status is read with the viewer, per request).
  return (viewer.organisationKind === "keten" && viewer.role !== "beheerder") || !isVerified(viewer) ? base.where(sql<boolean>`1 = 0`) : base;
}

type BaseEb = ExpressionBuilder<any, any>;
const ketenKeyExpr = sql<string | null>`coalesce(k.id, 'n:' || lower(imp.keten_name))`;
const ketenNameExpr = sql<string | null>`coalesce(k.name, imp.keten_name)`;
const regionIdExpr = sql<string | null>`g.id`;

function filterExpr(eb: BaseEb, filter: PortfolioFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (filter.signal === "any") parts.push(eb("r.signal_count", ">", 0));
  else if (filter.signal) parts.push(eb(`r.${SIGNAL_COLUMN[filter.signal]}`, "=", filter.status ?? "signal"));
  if (filter.keten) parts.push(eb(ketenKeyExpr, "=", filter.keten));
  if (filter.region) parts.push(eb(regionIdExpr, "=", filter.region));
  if (filter.hasSelf !== undefined) parts.push(eb("r.has_self", "=", filter.hasSelf ? 1 : 0));
  if (filter.source) parts.push(eb("r.source", "=", filter.source));
  if (filter.differs) parts.push(eb("r.differs", "=", 1));
  if (filter.changed) parts.push(eb("r.signals_changed", "=", 1));
  if (filter.q) {
    const q = filter.q.trim();
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(eb.or([eb(sql`lower(p.name)`, "like", sql`${like} escape '\\'`), eb("p.agb", "=", q.replace(/[\s.]/g, ""))]));
  }
  return eb.and(parts);
}

function toRow(r: Record<string, any>): PortfolioRow {
  return {
    practiceId: r.practice_id,
    name: r.name,
    agb: r.agb,
    ketenKey: r.keten_key,
    ketenName: r.keten_name,
    regionId: r.region_id,
    regionName: r.region_name,
    source: r.source,
    sourceId: r.source_id,
    sourceAt: r.at,
    versionNo: r.version_no,
    signals: Object.fromEntries(SIGNAL_IDS.map((id) => [id, r[SIGNAL_COLUMN[id]] ?? null])) as PortfolioRow["signals"],
    patientsPerFte: r.patients_per_fte,
    signalCount: Number(r.signal_count ?? 0),
    rulesVersion: r.signals_rules_version === null || r.signals_rules_version === undefined ? null : Number(r.signals_rules_version),
    contextGiven: [],
    hasSelf: Number(r.has_self) === 1,
    hasOwn: Number(r.has_own) === 1,
    hasImport: Number(r.has_import) === 1,
    differs: Number(r.differs) === 1,
    signalsChanged: r.signals_changed === null || r.signals_changed === undefined ? null : Number(r.signals_changed) === 1,
    practiceVerified: r.practice_verification === "verified",
    ketenVerified: r.keten_verification === "verified",
  };
}

function orderings(query: PortfolioQuery) {
  const dir = query.desc ? "desc" : "asc";
  const byName = [sql`lower(p.name) asc`, sql`p.id asc`];
  const primary = {
    name: [sql`lower(p.name) ${sql.raw(dir)}`],
    signals: [sql`r.signal_count ${sql.raw(dir)}`],
    // Unknown figures last whichever way round.
    "patients-per-fte": [sql`case when r.patients_per_fte is null then 1 else 0 end`, sql`r.patients_per_fte ${sql.raw(dir)}`],
    keten: [sql`case when ${ketenNameExpr} is null then 1 else 0 end`, sql`lower(${ketenNameExpr}) ${sql.raw(dir)}`],
    region: [sql`case when g.name is null then 1 else 0 end`, sql`g.name ${sql.raw(dir)}`],
  }[query.sort];
  const group =
    query.group === "keten"
      ? [sql`case when ${ketenNameExpr} is null then 1 else 0 end`, sql`lower(${ketenNameExpr})`, ketenKeyExpr]
      : query.group === "region"
        ? [sql`case when g.name is null then 1 else 0 end`, sql`g.name`]
        : [];
  return [...group, ...primary, ...byName];
}

const rowColumns = [
  "r.practice_id",
  "r.source",
  "r.source_id",
  "r.at",
  "r.version_no",
  ...SIGNAL_COLUMNS.map((c) => `r.${c}` as const),
  "r.patients_per_fte",
  "r.signal_count",
  "r.signals_rules_version",
  "r.has_self",
  "r.has_own",
  "r.has_import",
  "r.differs",
  "r.signals_changed",
  "p.name",
  "p.agb",
  "g.name as region_name",
  "po.verification as practice_verification",
  "k.verification as keten_verification",
] as const;

function countColumns() {
  return SIGNAL_IDS.flatMap((id) =>
    STATUSES.map((status) => sql<number>`sum(case when ${sql.ref(`r.${SIGNAL_COLUMN[id]}`)} = ${status} then 1 else 0 end)`.as(`${id}:${status}`)),
  );
}

/**
 * Per row, the signals beside which the practice wrote its own context en borging (002, par. 3.4): on
 * its self-assessment, the source that speaks for the row when there is one. One query per page.
 */
export async function withPracticeContext(db: Db, rows: PortfolioRow[]): Promise<PortfolioRow[]> {
  const selfIds = rows.filter((r) => r.source === "self").map((r) => r.sourceId);
  if (selfIds.length === 0) return rows;
  const given = new Map<string, SignalId[]>();
  for (let i = 0; i < selfIds.length; i += 500) {
    const found = await db
      .selectFrom("signal_context")
      .select(["assessment_id", "signal_id"])
      .where("assessment_id", "in", selfIds.slice(i, i + 500))
      .where("text", "!=", "")
      .execute();
    for (const f of found) given.set(f.assessment_id, [...(given.get(f.assessment_id) ?? []), f.signal_id as SignalId]);
  }
  return rows.map((r) => (r.source === "self" ? { ...r, contextGiven: SIGNAL_IDS.filter((id) => given.get(r.sourceId)?.includes(id)) } : r));
}

/** One page of the portfolio, its total, the counts per column and per group, all over the filtered set. */
export async function getPortfolio(viewer: Viewer, query: PortfolioQuery): Promise<PortfolioPage> {
  const db = await getDb();
  const base = () => portfolioBase(db, viewer).where((eb) => filterExpr(eb, query.filter));
  const [countRow, groupRows] = await Promise.all([
    base()
      .select([sql<number>`count(*)`.as("total"), ...countColumns()])
      .executeTakeFirstOrThrow(),
    query.group === "none"
      ? Promise.resolve([])
      : base()
          .select([(query.group === "keten" ? ketenKeyExpr : regionIdExpr).as("key"), sql<number>`count(*)`.as("n")])
          .groupBy(query.group === "keten" ? ketenKeyExpr : regionIdExpr)
          .execute(),
  ]);
  const total = Number(countRow.total);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  let rows = base().select([...rowColumns, ketenKeyExpr.as("keten_key"), ketenNameExpr.as("keten_name"), regionIdExpr.as("region_id")]);
  for (const o of orderings(query)) rows = rows.orderBy(o);
  const found = await rows.limit(query.pageSize).offset((page - 1) * query.pageSize).execute();
  const counts = Object.fromEntries(
    SIGNAL_IDS.map((id) => [id, Object.fromEntries(STATUSES.map((s) => [s, Number((countRow as Record<string, unknown>)[`${id}:${s}`] ?? 0)]))]),
  ) as StatusCounts;
  return {
    rows: await withPracticeContext(db, found.map(toRow)),
    total,
    counts,
    groups: new Map(groupRows.map((g) => [String(g.key ?? ""), Number(g.n)])),
    page,
    pages,
  };
}

/** The rows of the filtered portfolio, in order: for lists that are small by their filter (a keten, a region). */
export async function listPortfolio(viewer: Viewer, query: Omit<PortfolioQuery, "page" | "pageSize">) {
  const db = await getDb();
  return (await portfolioRows(db, viewer, query).execute()).map(toRow);
}

function portfolioRows(db: Db, viewer: Viewer, query: Omit<PortfolioQuery, "page" | "pageSize">) {
  let rows = portfolioBase(db, viewer)
    .where((eb) => filterExpr(eb, query.filter))
    .select([...rowColumns, ketenKeyExpr.as("keten_key"), ketenNameExpr.as("keten_name"), regionIdExpr.as("region_id")]);
  for (const o of orderings({ ...query, page: 1, pageSize: 0 })) rows = rows.orderBy(o);
  return rows;
}

/**
 * Every row of the filtered portfolio, in order, in batches, for the CSV export: read in a worker
 * thread (db/stream.server.ts), so an export of 200,000 rows neither blocks other requests nor sits
 * in memory.
 */
export async function* streamPortfolio(viewer: Viewer, query: Omit<PortfolioQuery, "page" | "pageSize">): AsyncGenerator<PortfolioRow[]> {
  const db = await getDb();
  for await (const batch of streamRows(portfolioRows(db, viewer, query))) yield batch.map(toRow);
}

/** The ketens and regions present in the viewer's portfolio, for the filter menus. */
export async function listPortfolioFacets(viewer: Viewer) {
  const db = await getDb();
  const [ketens, regions] = await Promise.all([
    portfolioBase(db, viewer)
      .select([ketenKeyExpr.as("key"), ketenNameExpr.as("name"), sql<number>`count(*)`.as("n")])
      .where(ketenKeyExpr, "is not", null)
      .groupBy([ketenKeyExpr, ketenNameExpr])
      .orderBy(sql`lower(${ketenNameExpr})`)
      .execute(),
    portfolioBase(db, viewer)
      .select(["g.id as key", "g.name as name", "g.code as code", sql<number>`count(*)`.as("n")])
      .where("g.id", "is not", null)
      .groupBy(["g.id", "g.name", "g.code"])
      .orderBy("g.name")
      .execute(),
  ]);
  return {
    ketens: ketens.map((k) => ({ key: String(k.key), name: String(k.name), n: Number(k.n) })),
    regions: regions.map((g) => ({ key: String(g.key), name: String(g.name), code: String(g.code), n: Number(g.n) })),
  };
}

/** One practice's row in the viewer's portfolio, or undefined: the drill-down's authorization. */
export async function getPortfolioRow(viewer: Viewer, practiceId: string) {
  const db = await getDb();
  const row = await portfolioBase(db, viewer)
    .where("r.practice_id", "=", practiceId)
    .select([...rowColumns, ketenKeyExpr.as("keten_key"), ketenNameExpr.as("keten_name"), regionIdExpr.as("region_id")])
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** The latest source of each kind the viewer may see for one practice (self, own, import), in rank order. */
export async function listPracticeSources(viewer: Viewer, practiceId: string) {
  const db = await getDb();
  if ((viewer.organisationKind === "keten" && viewer.role !== "beheerder") || !isVerified(viewer)) return [];
  const rows = await rankedSources(db, { id: viewer.organisationId, kind: viewer.organisationKind }, [practiceId])
    .selectFrom("ranked as r")
    .select(["r.source", "r.source_id", "r.at", "r.version_no"])
    .orderBy("r.rank")
    .execute();
  return rows.map((r) => ({ kind: r.source, id: r.source_id, at: r.at, versionNo: r.version_no }));
}
