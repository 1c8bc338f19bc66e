import { Link } from "@remix-run/react";
import { Icon } from "~/components/icon";
import { useTranslation } from "react-i18next";
import { useLng } from "~/utils/content-text";
import type { NavItem } from "~/domain/presented";
export type { NavItem };


/** The sections with their progress: where you are, what is done, what is essential. */
export function SectionNav({ assessmentId, practiceName, items, current }: { assessmentId: string; practiceName: string; items: NavItem[]; current?: string }) {
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <nav className="section-nav" aria-label={t("nav.sections")}>
      <p className="section-nav-title">
        <Link to={`/assessments/${assessmentId}`}>{practiceName}</Link>
      </p>
      <ol>
        {items.map((item) => {
          // A next version's sections are done once confirmed: carried-over answers alone say nothing.
          const done = item.confirmed === undefined ? item.total > 0 && item.answered === item.total : item.confirmed;
          return (
            <li key={item.id} className={done ? "done" : undefined}>
              <Link to={`/assessments/${assessmentId}/sections/${item.id}`} aria-current={item.id === current ? "page" : undefined}>
                <span className="nav-title">
                  {item.essential ? <Icon name="star" /> : null}
                  {item.title[lng]}
                  {item.essential ? <span className="visually-hidden"> ({t("section.essential")})</span> : null}
                </span>
                <span className="nav-progress">
                  {done ? <Icon name="check" /> : null}
                  {t("nav.progress", { answered: item.answered, total: item.total })}
                  {item.confirmed === undefined ? null : <span className="nav-confirmed"> · {t(item.confirmed ? "known.nav.confirmed" : "known.nav.toConfirm")}</span>}
                </span>
              </Link>
            </li>
          );
        })}
        <li>
          <Link to={`/assessments/${assessmentId}/overview`} aria-current={current === "overview" ? "page" : undefined}>
            <span className="nav-title">{t("overview.title")}</span>
          </Link>
        </li>
      </ol>
    </nav>
  );
}
