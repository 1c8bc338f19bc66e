import { useTranslation } from "react-i18next";
import type { KernpuntStatus } from "~/domain/overview";

const ICONS: Record<KernpuntStatus, string> = { geborgd: "✓", deels: "◐", niet: "✗", onbekend: "?", nvt: "–" };

/** Status in words and icon, never colour alone. */
export function StatusBadge({ status, small }: { status: KernpuntStatus; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}${small ? " badge--small" : ""}`}>
      <span aria-hidden="true">{ICONS[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}
