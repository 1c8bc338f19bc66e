/**
 * A keten's practices as the reader may see them, with the signals rolled up ("7 of 12 practices above
 * 4000 per fte") and the chain's governance answers side by side (issue 5, "A keten view").
 */
import { VerifiedMark } from "~/components/verified-mark";
import { ScrollRegion } from "~/components/scroll-region";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icon";
import { HowDecidedLink } from "~/components/signal-card";
import { groupRows, PortfolioTable } from "~/components/portfolio-table";
import i18next, { requestLng } from "~/i18next.server";
import { STATEMENT_CHOICES } from "~/domain/answers";
import { getKetenView, rollupSentence } from "~/models/keten.server";
import { requireViewer } from "~/models/viewer.server";
import { ownStart } from "~/models/start-own.server";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const lng = await requestLng(request);
  const view = await getKetenView(viewer, params.ketenKey ?? "", lng);
  if (!view) throw new Response("Not found", { status: 404 });
  const t = await i18next.getFixedT(lng);
  return {
    pageTitle: await titleFor(request, "keten", view.name),
    key: view.key,
    name: view.name,
    verified: view.rows[0]?.ketenVerified ?? false,
    total: view.total,
    rows: view.rows,
    rollup: view.rollup.map((r) => ({
      id: r.id,
      title: r.title,
      counts: r.counts,
      sentence: rollupSentence(r, view.total, t),
    })),
    governance: view.governance.map(({ answers, ...g }) => ({
      ...g,
      answers: answers.filter((a) => a.choice === "nee" || a.choice === "deels" || a.choice === "weet-niet"),
    })),
    withAnswers: view.withAnswers,
    currentRules: getCurrentQuestionnaire().parameters.rulesVersion,
    start: ownStart(viewer),
  };
}

export default function KetenPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/ketens/${encodeURIComponent(d.key)}`;
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/portfolio">{t("workspaces.portfolio.title")}</Link>
      </p>
      <h1>
        {d.name} <VerifiedMark verification={d.verified ? "verified" : null} />
      </h1>
      <p className="lead">{t("workspaces.keten.lead", { count: d.total })}</p>
      <p className="actions">
        <Link className="button" to={`${base}/guide`}>
          {t("workspaces.keten.guide")}
        </Link>
        <Link className="button secondary" to={`/portfolio?keten=${encodeURIComponent(d.key)}`}>
          {t("workspaces.keten.inPortfolio")}
        </Link>
      </p>

      <section aria-labelledby="rollup-title">
        <h2 id="rollup-title">{t("workspaces.keten.rollupTitle")}</h2>
        <p className="hint">
          <HowDecidedLink />
        </p>
        <ul className="plain rollup">
          {d.rollup.map((r) => (
            <li key={r.id} className={r.counts.signal > 0 ? "rollup--signal" : undefined}>
              <Icon name={r.counts.signal > 0 ? "up" : r.counts.unknown > 0 ? "unknown" : "check"} />
              <strong>{r.sentence}</strong>
              <span className="hint block">
                {t("workspaces.keten.rollupCounts", {
                  signal: r.counts.signal,
                  unknown: r.counts.unknown,
                  none: r.counts["no-signal"],
                })}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <PortfolioTable
        groups={groupRows(d.rows, "none", () => "", {})}
        caption={t("workspaces.keten.caption", {
          name: d.name,
          count: d.total,
        })}
        showKeten={false}
        currentRules={d.currentRules}
        start={d.start}
      />

      <section aria-labelledby="governance-title">
        <h2 id="governance-title">{t("workspaces.keten.governanceTitle")}</h2>
        <p className="hint">
          {t("workspaces.keten.governanceLead", {
            n: d.withAnswers,
            total: d.total,
          })}
        </p>
        {d.governance.length === 0 || d.withAnswers === 0 ? (
          <p className="callout">{t("workspaces.keten.noGovernance")}</p>
        ) : (
          <ScrollRegion labelledBy="governance-title">
            <table className="compare">
              <thead>
                <tr>
                  <th scope="col">{t("workspaces.compare.question")}</th>
                  {STATEMENT_CHOICES.map((c) => (
                    <th scope="col" key={c}>
                      {t(`statement.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t("workspaces.keten.unanswered")}</th>
                </tr>
              </thead>
              <tbody>
                {d.governance.map((g) => (
                  <tr key={g.questionId} className={g.counts.nee > 0 ? "differs" : undefined}>
                    <th scope="row">
                      {g.text}
                      {g.answers.length > 0 ? (
                        <details>
                          <summary>{t("workspaces.keten.which")}</summary>
                          <ul className="plain">
                            {g.answers.map((a) => (
                              <li key={a.practiceId}>
                                <Link to={`/practices/${a.practiceId}`}>{a.name}</Link>: {t(`statement.${a.choice!}`)}
                                {a.note ? <span className="note-text block">{a.note}</span> : null}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </th>
                    {STATEMENT_CHOICES.map((c) => (
                      <td key={c} className="num">
                        {g.counts[c]}
                      </td>
                    ))}
                    <td className="num">{g.counts.unanswered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
