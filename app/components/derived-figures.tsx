/** The derived figures: computed from the facts, shown beside them, never asked. */
import { Icon } from "~/components/icon";
import { useTranslation } from "react-i18next";
import { WEEKDAYS } from "~/domain/answers";
import type { Parameters } from "~/domain/content/schema";
import type { DerivedFigures } from "~/domain/derived";
import { useLng } from "~/utils/content-text";
import { formatNumber, formatPercent } from "~/domain/format";

export function DerivedFiguresPanel({ figures, parameters, live }: { figures: DerivedFigures; parameters: Parameters; live?: boolean }) {
  const { t } = useTranslation();
  const lng = useLng();
  const n = (v: number | null, digits = 0) => (v === null ? t("derived.unknown") : formatNumber(v, lng, digits));
  const perFte = figures.patientsWithoutHuisartsHours ? t("derived.noHours") : n(figures.patientsPerFte);
  const line =
    figures.aboveMaxPatientsPerFte === null
      ? null
      : figures.aboveMaxPatientsPerFte
        ? t("derived.aboveLine", { max: formatNumber(parameters.maxPatientsPerFte, lng) })
        : t("derived.belowLine", { max: formatNumber(parameters.maxPatientsPerFte, lng) });
  return (
    <section className="derived" aria-labelledby="derived-title" aria-live={live ? "polite" : undefined}>
      <h2 id="derived-title">{t("derived.title")}</h2>
      <p className="hint">{t("derived.intro")}</p>
      <dl>
        <div>
          <dt>{t("derived.fte")}</dt>
          <dd>
            {n(figures.fteHuisarts, 2)}
            {figures.huisartsHoursPerWeek !== null ? (
              <span className="hint"> ({t("derived.hours", { hours: n(figures.huisartsHoursPerWeek, 1), perFte: parameters.hoursPerFte })})</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("derived.patientsPerFte")}</dt>
          <dd>
            <strong>{perFte}</strong>
            {line ? (
              <span className={figures.aboveMaxPatientsPerFte ? "flag flag--attention" : "flag flag--ok"}>
                <span aria-hidden="true">{figures.aboveMaxPatientsPerFte ? "▲ " : "✓ "}</span>
                {line}
              </span>
            ) : null}
            <span className="hint">
              {" "}
              {t("derived.norm", {
                norm: formatNumber(parameters.normPatientsPerFte, lng),
                ratio: figures.normRatio === null ? t("derived.unknown") : formatPercent(figures.normRatio, lng),
              })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("derived.consultsPerDayPerFte")}</dt>
          <dd>
            {n(figures.consultsPerDayPerFte, 1)}
            <span className="hint">
              {" "}
              {t("derived.consultsBasis", {
                consults: formatNumber(parameters.consultsPerPatientPerYear, lng, 1),
                days: parameters.workingDaysPerYear,
              })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("derived.consultsPerDay")}</dt>
          <dd>{n(figures.consultsPerDay, 0)}</dd>
        </div>
        <div>
          <dt>{t("derived.waarnemerShare")}</dt>
          <dd>{figures.waarnemerShare === null ? t("derived.unknown") : formatPercent(figures.waarnemerShare, lng)}</dd>
        </div>
      </dl>
      {/* A row per weekday, so every word keeps its width in the narrow aside and on a phone (no word broken). */}
      <table className="presence">
        <caption>{t("derived.presence")}</caption>
        <tbody>
          {WEEKDAYS.map((d) => {
            const count = figures.presence?.[d];
            return (
              <tr key={d}>
                <th scope="row">{t(`weekday.long.${d}`)}</th>
                <td className={count === 0 ? "presence--none" : undefined}>
                  {count === undefined ? t("derived.unknown") : count === 0 ? (
                    <>
                      <Icon name="up" />
                      {t("derived.nobody")}
                    </>
                  ) : (
                    t("derived.present", { count })
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {figures.huisartsenWithoutDays > 0 ? <p className="hint">{t("signalRules.presence.withoutDays", { count: figures.huisartsenWithoutDays })}</p> : null}
      {figures.huisartsenBelowMinDays !== null ? (
        <dl>
          <div>
            <dt>{t("signalRules.presence.belowMin", { min: parameters.minDaysPresentPerWeek })}</dt>
            <dd>{n(figures.huisartsenBelowMinDays)}</dd>
          </div>
          {figures.onlyWaarnemers ? (
            <div>
              <dt>{t("signalRules.presence.onlyWaarnemers")}</dt>
              <dd>{t("signals.value.ja")}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
