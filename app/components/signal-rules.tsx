/**
 * Which rules computed the signals shown (issue 12): "berekend met regels v1" for a submitted version
 * that keeps its results, and beside it what the rules in force would say; always a way to the page
 * that says how the signals are decided.
 */
import { useTranslation } from "react-i18next";
import type { SignalId } from "~/domain/signal-ids";
import type { SignalStatus } from "~/domain/signals/types";
import { HowDecidedLink, SignalStatusBadge } from "./signal-card";

/** The report's rules as a page receives them (models/report.server.ts ReportRules). */
export interface RulesView {
  version: number;
  current: number;
  asComputed: boolean;
  currentWouldSay: Array<{ id: SignalId; title: string; status: SignalStatus; statusLabel: string; reason: string; differs: boolean }> | null;
}

export function RulesVersionNote({ rules }: { rules: RulesView }) {
  const { t } = useTranslation();
  const older = rules.version !== rules.current;
  const differing = rules.currentWouldSay?.filter((s) => s.differs) ?? [];
  if (!rules.asComputed || (!older && differing.length === 0)) {
    return (
      <p className="hint rules-note">
        {t("signalRules.computedWith", { version: rules.version })} <HowDecidedLink />
      </p>
    );
  }
  return (
    <div className="callout rules-note">
      <p>
        {older ? t("signalRules.computedWithOld", { version: rules.version, current: rules.current }) : t("signalRules.computedWith", { version: rules.version })}{" "}
        <HowDecidedLink />
      </p>
      {rules.currentWouldSay ? (
        <details open={differing.length > 0}>
          <summary>{t("signalRules.currentTitle", { current: rules.current })}</summary>
          <p className="hint">{t("signalRules.currentIntro")}</p>
          <ul className="plain current-rules">
            {rules.currentWouldSay.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong> <SignalStatusBadge status={s.status} label={s.statusLabel} />{" "}
                <span className="hint">({t(s.differs ? "signalRules.differs" : "signalRules.same")})</span>
                <span className="block">{s.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
