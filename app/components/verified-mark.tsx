import { useTranslation } from "react-i18next";

const CHECK = "✓";

/**
 * The one visible "geverifieerd" mark beside an organisation's name wherever another organisation sees
 * it: the platform beheerder checked its identifiers. Words and an icon, never colour alone; nothing
 * for an organisation that is not verified (its name then simply stands without the mark).
 */
export function VerifiedMark({ verification }: { verification: string | null | undefined }) {
  const { t } = useTranslation();
  if (verification !== "verified") return null;
  return (
    <span className="badge badge--small verified-mark" title={t("trust.markTitle")}>
      <span aria-hidden="true">{CHECK} </span>
      {t("trust.mark")}
    </span>
  );
}
