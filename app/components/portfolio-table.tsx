/**
 * Practices × the five signals: every cell its status in words and an icon (never colour alone), the
 * source that speaks for the row, and a mark where the self-assessment and the reader's own differ.
 * Grouped rows come in one <tbody> per group with its header row.
 */
import { VerifiedMark } from "~/components/verified-mark";
import { ScrollRegion } from "./scroll-region";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import type { PortfolioRow } from "~/domain/portfolio";
import { useLng } from "~/utils/content-text";
import { formatNumber } from "~/domain/format";
import { Icon } from "./icon";
import { SignalStatusBadge } from "./signal-card";
import { StartOwn, type OwnStartView } from "./start-own";

export interface RowGroup {
  key: string;
  label: string;
  count: number | null;
  rows: PortfolioRow[];
}

/** Consecutive rows with the same group key, in order. */
export function groupRows(
  rows: PortfolioRow[],
  group: "none" | "keten" | "region",
  label: (row: PortfolioRow) => string,
  counts: Record<string, number>,
): RowGroup[] {
  if (group === "none") return [{ key: "", label: "", count: null, rows }];
  const out: RowGroup[] = [];
  for (const row of rows) {
    const key = (group === "keten" ? row.ketenKey : row.regionId) ?? "";
    const last = out.at(-1);
    if (last && last.key === key) last.rows.push(row);
    else
      out.push({
        key,
        label: label(row),
        count: counts[key] ?? null,
        rows: [row],
      });
  }
  return out;
}

/** The five signals as column headers, in their short names. */
export function SignalHeaders() {
  const { t } = useTranslation();
  return (
    <>
      {SIGNAL_IDS.map((id) => (
        <th scope="col" key={id}>
          {t(`workspaces.signalShort.${id}`)}
        </th>
      ))}
    </>
  );
}

export function PortfolioTable({
  groups,
  caption,
  showKeten = true,
  regionRed,
  currentRules,
  start = null,
}: {
  groups: RowGroup[];
  caption: string;
  showKeten?: boolean;
  /** Red cells of each region in the latest signaleringsmatrix: the region's context beside the signals. */
  regionRed?: Record<string, number>;
  /** The rules version in force: a row computed with another says so. */
  currentRules: number;
  /** What the reader may start about a practice (issue 13): offered on every row without its own assessment. */
  start?: OwnStartView | null;
}) {
  const { t } = useTranslation();
  const lng = useLng();
  const columns = 5 + SIGNAL_IDS.length + (showKeten ? 1 : 0);
  return (
    <ScrollRegion label={caption}>
      <table className="portfolio">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("workspaces.portfolio.columns.practice")}</th>
            {showKeten ? <th scope="col">{t("workspaces.portfolio.columns.keten")}</th> : null}
            <th scope="col">{t("workspaces.portfolio.columns.region")}</th>
            <th scope="col">{t("workspaces.portfolio.columns.source")}</th>
            <SignalHeaders />
            <th scope="col">{t("workspaces.portfolio.columns.patientsPerFte")}</th>
            <th scope="col">{t("workspaces.portfolio.columns.differs")}</th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.key || "all"}>
            {g.label ? (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={columns}>
                  {g.count === null
                    ? g.label
                    : t("workspaces.portfolio.groupHeader", {
                        label: g.label,
                        count: g.count,
                      })}
                </th>
              </tr>
            ) : null}
            {g.rows.map((row) => (
              <tr key={row.practiceId}>
                <th scope="row">
                  <Link to={`/practices/${row.practiceId}`}>{row.name}</Link> <VerifiedMark verification={row.practiceVerified ? "verified" : null} />
                  <span className="hint block">
                    {t("home.agb")} {row.agb ?? "–"}
                  </span>
                  {start?.allowed && !row.hasOwn ? <StartOwn practiceId={row.practiceId} practiceName={row.name} start={start} compact /> : null}
                </th>
                {showKeten ? (
                  <td>
                    {row.ketenKey && row.ketenName ? (
                      <>
                        <Link to={`/ketens/${encodeURIComponent(row.ketenKey)}`}>{row.ketenName}</Link> <VerifiedMark verification={row.ketenVerified ? "verified" : null} />
                      </>
                    ) : (
                      t("workspaces.portfolio.noKeten")
                    )}
                  </td>
                ) : null}
                <td>
                  {row.regionName ?? t("workspaces.portfolio.noRegion")}
                  {row.regionId && regionRed?.[row.regionId] !== undefined ? (
                    <span className="hint block">{t("workspaces.portfolio.regionRed", { count: regionRed[row.regionId] })}</span>
                  ) : null}
                </td>
                <td>
                  {t(`workspaces.source.${row.source}`)}
                  {row.versionNo ? <span className="hint block">{t("sharing.version", { version: row.versionNo })}</span> : null}
                  {row.signalsChanged !== null && row.source !== "import" ? (
                    row.signalsChanged ? (
                      <Link to={`/assessments/${row.sourceId}/versions/compare`} className="badge badge--difference block">
                        {t("known.portfolio.changed")}
                      </Link>
                    ) : (
                      <span className="hint block">{t("known.portfolio.unchanged")}</span>
                    )
                  ) : null}
                  {row.rulesVersion !== null && row.rulesVersion !== currentRules ? (
                    <span className="hint block">{t("signalRules.rulesBadge", { version: row.rulesVersion })}</span>
                  ) : null}
                </td>
                {SIGNAL_IDS.map((id) => {
                  const status = row.signals[id] ?? "unknown";
                  return (
                    <td key={id}>
                      <SignalStatusBadge status={status} label={t(`signals.status.${status}`)} />
                      {row.contextGiven.includes(id) ? <span className="hint block context-given">{t("signalRules.contextGiven")}</span> : null}
                    </td>
                  );
                })}
                <td className="num">{row.patientsPerFte === null ? t("derived.unknown") : formatNumber(row.patientsPerFte, lng)}</td>
                <td>
                  {row.differs ? (
                    <Link to={`/practices/${row.practiceId}/compare`} className="badge badge--difference">
                      <Icon name="warn" />
                      {t("workspaces.compare.differs")}
                    </Link>
                  ) : (
                    <span className="hint">{row.hasSelf && row.hasOwn ? t("workspaces.compare.same") : "–"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
