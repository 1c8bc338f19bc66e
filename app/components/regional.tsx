/**
 * The signaleringsmatrix's pieces: a cell (its value in Dutch number format, its colour in a word and
 * an icon, never colour alone), the criteria in force for a column in words, and a region's row of the
 * matrix beside a practice's signals.
 */
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ColouredCell, IndicatorCutOffs } from "~/domain/regional/colouring";

const COLOURS = ["rood", "oranje", "groen", "geen-gegevens"] as const satisfies readonly ColouredCell["colour"][];
import type { Lng } from "~/i18n";
import { useLng } from "~/utils/content-text";
import { formatNumber } from "~/domain/format";
import { Icon, type IconName } from "./icon";

const COLOUR_ICON: Record<ColouredCell["colour"], IconName> = { rood: "up", oranje: "partly", groen: "check", "geen-gegevens": "dash" };

/** What the page needs of an indicator, in the reader's language. */
export interface IndicatorView {
  id: string;
  title: string;
  unit: string;
  source: string;
  decimals: number;
}

/** The indicators as column headers: title and unit. */
export function IndicatorHeaders({ indicators }: { indicators: ReadonlyArray<Pick<IndicatorView, "id" | "title" | "unit">> }) {
  return (
    <>
      {indicators.map((i) => (
        <th scope="col" key={i.id}>
          {i.title}
          <span className="hint block">{i.unit}</span>
        </th>
      ))}
    </>
  );
}

export function formatIndicator(value: number | null, decimals: number, lng: Lng) {
  return value === null ? null : formatNumber(value, lng, decimals, decimals);
}

/** The words of the colours, looked up once per table rather than once per cell (a matrix has hundreds). */
export function useColourWords() {
  const { t } = useTranslation();
  const lng = useLng();
  const words = Object.fromEntries(COLOURS.map((c) => [c, t(`matrix.colour.${c}`)])) as Record<ColouredCell["colour"], string>;
  const withUnit = (value: string, unit: string) => t("pages.units.withUnit", { value, unit });
  return { lng, words, tooFew: t("matrix.colour.tooFew"), withUnit };
}

/** A cell of the matrix; with `unit` (outside a table whose headers name the units) the value reads with it. */
export function MatrixCell({ cell, decimals, words, unit }: { cell: ColouredCell; decimals: number; words: ReturnType<typeof useColourWords>; unit?: string }) {
  const value = formatIndicator(cell.value, decimals, words.lng);
  return (
    <span className={`cell cell--${cell.colour}`}>
      <span className="cell-value">{value === null ? "–" : unit ? words.withUnit(value, unit) : value}</span>
      <span className="cell-colour">
        <Icon name={COLOUR_ICON[cell.colour]} />
        {cell.reason === "too-few-regions" ? words.tooFew : words.words[cell.colour]}
      </span>
    </span>
  );
}

/** "rood ≤ 6,1 · oranje ≤ 6,8 (relatief: slechtste 20% en volgende 30%)" in the reader's language. */
/** The cut-offs in words; `own`: they are the reading organisation's own, not agreed ones. */
export function cutOffText(c: IndicatorCutOffs, t: TFunction, lng: Lng, own = false) {
  const n = (v: number | null) => (v === null ? "–" : formatNumber(v, lng, c.decimals, c.decimals));
  const op = c.operator === "<=" ? "≤" : "≥";
  if (c.kind === "fixed") return t(own ? "regions.cutOffs.own" : "regions.cutOffs.fixed", { op, rood: n(c.rood), oranje: n(c.oranje) });
  if (!c.applied) return t("regions.cutOffs.notApplied", { min: c.minRegions, n: c.regionsWithData });
  return t("regions.cutOffs.relative", {
    op,
    rood: n(c.rood),
    oranje: n(c.oranje),
    roodShare: Math.round(c.roodShare * 100),
    oranjeShare: Math.round(c.oranjeShare * 100),
  });
}

export interface RegionContextView {
  regionId: string;
  code: string;
  name: string;
  year: number;
  red: number;
  cells: Array<{ indicator: IndicatorView; cell: ColouredCell }>;
}

/** The practice's region in the matrix: context for the dialogue, not a signal of the practice. */
export function RegionContext({ region }: { region: RegionContextView | null }) {
  const { t } = useTranslation();
  const words = useColourWords();
  if (!region) return <p className="hint">{t("matrix.context.none")}</p>;
  return (
    <section className="panel region-context" aria-labelledby="region-context-title">
      <h2 id="region-context-title">{t("matrix.context.title", { name: region.name, year: region.year })}</h2>
      <p className="hint">{t("matrix.context.lead", { count: region.red })}</p>
      <ul className="region-cells">
        {region.cells.map(({ indicator, cell }) => (
          <li key={indicator.id}>
            <span className="region-cell-title">{indicator.title}</span> <MatrixCell cell={cell} decimals={indicator.decimals} words={words} unit={indicator.unit} />
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/regions/${encodeURIComponent(region.code)}`}>{t("matrix.context.open", { name: region.name })}</Link>
      </p>
    </section>
  );
}
