/**
 * The portfolio's filters, sort, grouping and page as URL search parameters, read on the server for the
 * page and its CSV export (links are written by portfolio-search.ts, without zod in the browser). An
 * unknown value falls back to the default rather than failing: a pasted or old link still opens.
 */
import * as z from "zod/mini";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import { DEFAULT_QUERY, GROUPS, NATURAL_DESC, SORTS, SOURCES, STATUSES, type PortfolioQuery } from "~/domain/portfolio";

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.catch(z.optional(z.enum(values)), undefined);

const ParamsSchema = z.object({
  signal: optionalEnum([...SIGNAL_IDS, "any"] as const),
  status: optionalEnum(STATUSES),
  keten: z.catch(z.optional(z.string().check(z.maxLength(300))), undefined),
  region: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
  self: optionalEnum(["ja", "nee"] as const),
  source: optionalEnum(SOURCES),
  differs: optionalEnum(["1"] as const),
  changed: optionalEnum(["1"] as const),
  q: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
  sort: z.catch(z.enum(SORTS), DEFAULT_QUERY.sort),
  // Empty: the sort's own direction (names A to Z, most signals first).
  dir: optionalEnum(["asc", "desc"] as const),
  group: z.catch(z.enum(GROUPS), DEFAULT_QUERY.group),
  page: z.catch(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)), 1),
});

export type PortfolioParams = z.output<typeof ParamsSchema>;

export function readPortfolioParams(search: URLSearchParams): PortfolioParams {
  const raw = Object.fromEntries([...search].filter(([, v]) => v !== ""));
  return ParamsSchema.parse(raw);
}

export function toPortfolioQuery(p: PortfolioParams, pageSize = DEFAULT_QUERY.pageSize): PortfolioQuery {
  return {
    filter: {
      signal: p.signal,
      status: p.signal && p.signal !== "any" ? p.status : undefined,
      keten: p.keten,
      region: p.region,
      hasSelf: p.self === undefined ? undefined : p.self === "ja",
      source: p.source,
      differs: p.differs === "1" || undefined,
      changed: p.changed === "1" || undefined,
      q: p.q?.trim() || undefined,
    },
    sort: p.sort,
    desc: p.dir === undefined ? NATURAL_DESC[p.sort] : p.dir === "desc",
    group: p.group,
    page: p.page,
    pageSize,
  };
}

