import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The platform beheerder's own navigation (its pages are outside every organisation). */
export function BeheerNav() {
  const { t } = useTranslation();
  const links = [
    ["/beheer", "dashboard"],
    ["/beheer/organisations", "organisations"],
    ["/beheer/regions/import", "regions"],
    ["/beheer/criteria", "criteria"],
    ["/beheer/audit", "audit"],
  ] as const;
  return (
    <nav aria-label={t("beheer.title")} className="beheer-nav no-print">
      <ul className="plain inline-list">
        {links.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end>
              {t(`beheer.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
