import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HowDecidedLink, SignalStatusBadge } from "~/components/signal-card";
import { RulesVersionNote } from "~/components/signal-rules";
import { BeforeJoiningView } from "~/components/guide";
import { RegionContext } from "~/components/regional";
import { KernpuntTable } from "~/components/kernpunt-table";
import { AssessmentSummaryLine } from "~/components/assessment-summary";
import { loadReport } from "~/models/report-context.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { changesSincePrevious } from "~/models/known-view.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report, summary, beforeJoining, region, ctx, t, lng } = await loadReport(request, params);
  const { raw: _raw, signals, ...rest } = report;
  return {
    ...rest,
    pageTitle: await titleFor(request, "report", report.practiceName),
    summary,
    beforeJoining,
    region,
    changes: await changesSincePrevious(ctx, t, lng),
    signals: signals.map(({ result: _result, ...s }) => s),
  };
}

function Facts({ items }: { items: Array<{ label: string; value: string }> }) {
  return (
    <dl className="report-facts">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function ReportPage() {
  const r = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/assessments/${r.assessmentId}`;
  return (
    <article className="report">
      <p className="eyebrow no-print">
        <Link to={`${base}/overview`}>{t("overview.title")}</Link>
      </p>
      <h1>
        {t("report.title")}: {r.practiceName}
      </h1>
      <AssessmentSummaryLine summary={r.summary} />
      <p className="hint">
        {r.perspective} · {t("home.agb")} {r.practiceAgb ?? "–"} ·{" "}
        {t("report.meta", { version: r.contentVersion, published: r.contentPublished, date: r.generatedAtText })}
      </p>
      <p>{t("report.intro")}</p>
      <nav className="downloads no-print" aria-label={t("report.downloads")}>
        <span>{t("report.downloads")}:</span>
        <a href={`${base}/report.pdf`} download>
          {t("report.pdf")}
        </a>
        <a href={`${base}/report.csv`} download>
          {t("report.csv")}
        </a>
        <a href={`${base}/report.json`} download>
          {t("report.json")}
        </a>
        <span className="hint">{t("report.printHint")}</span>
      </nav>

      {r.changes ? (
        <section aria-labelledby="r-changes">
          <h2 id="r-changes">{t("known.report.title", { version: r.changes.versionNo })}</h2>
          {r.changes.answers.length === 0 && r.changes.signals.length === 0 ? (
            <p>{t("known.report.none", { version: r.changes.versionNo })}</p>
          ) : (
            <ul>
              {r.changes.signals.map((line) => (
                <li key={line}>{line}</li>
              ))}
              {r.changes.answers.map((a) => (
                <li key={a.id}>
                  <strong>{a.question}</strong> ({a.section}): {a.after} <span className="hint">({a.was})</span>
                </li>
              ))}
            </ul>
          )}
          <p className="no-print">
            <Link to={`${base}/versions/compare?with=${r.changes.previousId}`}>{t("known.report.compare")}</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="r-facts">
        <h2 id="r-facts">{t("report.facts")}</h2>
        <Facts items={r.facts} />
        <h3>{t("report.figures")}</h3>
        <Facts items={r.figures} />
      </section>

      <section aria-labelledby="r-signals">
        <h2 id="r-signals">{t("signals.title")}</h2>
        <p className="callout">{r.reading}</p>
        <RulesVersionNote rules={r.rules} />
        {r.signals.map((s) => (
          <div key={s.id} className={`signal signal--${s.status}`}>
            <h3>
              {s.title} <SignalStatusBadge status={s.status} label={s.statusLabel} />
            </h3>
            <p>
              {s.reason} {s.figure ? <strong>{s.figure}</strong> : null}
            </p>
            <Facts items={s.evidence} />
            <p className="hint">
              {t("signals.kernpunten")}: {s.kernpunten.map((k) => k.id).join(", ")} · {t("signals.source")}: {s.source} · <HowDecidedLink signalId={s.id} />
            </p>
            <p>
              <strong>{t("signals.context.label")}:</strong> {s.context ?? t("signals.context.none")}
            </p>
          </div>
        ))}
      </section>

      <RegionContext region={r.region} />

      <section aria-labelledby="r-kernwaarden">
        <h2 id="r-kernwaarden">{t("report.kernwaarden")}</h2>
        {r.kernwaarden.map((k) => (
          <div key={k.id} className="report-kernwaarde">
            <h3>{k.title}</h3>
            <KernpuntTable title={k.title} kernpunten={k.kernpunten} />
          </div>
        ))}
      </section>

      <section aria-labelledby="r-open">
        <h2 id="r-open">{t("report.openItems")}</h2>
        {r.openItems.length === 0 ? (
          <p>{t("report.noOpenItems")}</p>
        ) : (
          <ul>
            {r.openItems.map((item) => (
              <li key={item.title}>
                {item.title}
                {item.note ? <p className="note-text">{item.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="r-guide">
        <h2 id="r-guide">{t("report.guide")}</h2>
        <p>{t("report.guideIntro")}</p>
        <ol className="guide">
          {r.guide.map((item) => (
            <li key={item.title}>
              <h3>{item.title}</h3>
              <p>{item.detail}</p>
              <ul>
                {item.questions.map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
              {item.context ? (
                <p>
                  <strong>{t("signals.context.label")}:</strong> {item.context}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {r.beforeJoining ? <BeforeJoiningView data={r.beforeJoining} /> : null}
    </article>
  );
}
