/**
 * "Hoe de signalen worden bepaald" (issue 12): per signal the source's words with their section, the
 * product's reading, the lines from the parameters, what counts as unknown and which parts are the
 * product's own interpretation; the framework's status (an implementation, not validated by the
 * beroepsgroepen, 002 par. 3.5), its evaluation after a year (3.7), the versions of the rules, and how
 * the signaleringsmatrix is read. Public: it holds no data, only how the scan reasons, and anyone asked
 * about a signal should be able to read how it came about.
 *
 * Everything is worded on the server from content (signals.yaml, parameters.yaml, the matrix criteria):
 * the page only lays it out.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { PARAMETER_NAMES } from "~/domain/content/schema";
import { getRegionalCriteria } from "~/models/regional-content.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import i18next, { requestLng } from "~/i18next.server";
import { formatDate, formatNumber } from "~/domain/format";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const q = getCurrentQuestionnaire();
  const p = q.parameters;
  const matrix = getRegionalCriteria();
  const parameter = (name: (typeof PARAMETER_NAMES)[number]) => ({
    name,
    label: t(`rulesExplained.page.parameter.${name}`),
    value: formatNumber(p[name], lng, 2),
  });
  const page = (key: string) => t(`rulesExplained.page.${key}`);
  return {
    pageTitle: await titleFor(request, "signalRules"),

    labels: {
      title: page("title"),
      lead: page("lead"),
      statusTitle: page("statusTitle"),
      evaluationTitle: page("evaluationTitle"),
      source: page(lng === "en" ? "sourceTranslation" : "source"),
      rule: page("rule"),
      thresholds: page("thresholds"),
      noThresholds: page("noThresholds"),
      unknown: page("unknown"),
      interpretation: page("interpretation"),
      reading: page("reading"),
      kernpunten: page("kernpunten"),
      versionsTitle: page("versionsTitle"),
      parametersTitle: page("parametersTitle"),
      parametersIntro: page("parametersIntro"),
      matrixTitle: page("matrixTitle"),
      matrixIntro: page("matrixIntro"),
      matrixChoices: page("matrixChoices"),
      toMatrix: page("toMatrix"),
      inUse: page("inUse"),
      signalsTitle: t("signals.title"),
    },
    implementation: q.signals.rules.implementation[lng],
    evaluation: q.signals.rules.evaluation[lng],
    inForce: t("rulesExplained.page.inForce", { version: p.rulesVersion }),
    reading: q.signals.reading[lng],
    signals: q.signals.signals.map((s) => ({
      id: s.id,
      title: s.title[lng],
      quote: s.explanation.quote[lng],
      section: s.explanation.section[lng],
      rule: s.explanation.rule[lng],
      unknown: s.explanation.unknown[lng],
      interpretation: s.explanation.interpretation[lng],
      reading: s.reading[lng],
      source: s.source[lng],
      thresholds: s.explanation.parameters.map(parameter),
      kernpunten: s.kernpunten.map((id) => ({ id, text: q.kernpuntById.get(id)?.text[lng] ?? id })),
    })),
    versions: q.signals.rules.versions.map((v) => ({
      version: v.version,
      heading: t("rulesExplained.page.version", { version: v.version, date: formatDate(v.published, lng) }),
      changes: v.changes[lng],
      inForce: v.version === p.rulesVersion,
    })),
    parameters: [
      ...PARAMETER_NAMES.map(parameter),
      { name: "rulesVersion", label: t("rulesExplained.page.parameter.rulesVersion"), value: String(p.rulesVersion) },
    ],
    matrix: { caveat: matrix.caveat[lng], criteriaNote: matrix.criteriaNote[lng], choices: matrix.choices.map((c) => c[lng]) },
  };
}

export default function HowSignalsAreDecided() {
  const d = useLoaderData<typeof loader>();
  const l = d.labels;
  return (
    <article className="rules-page">
      <h1>{l.title}</h1>
      <p className="lead">{l.lead}</p>
      <section aria-labelledby="status-title" className="callout callout--essential">
        <h2 id="status-title">{l.statusTitle}</h2>
        <p>{d.implementation}</p>
        <p>{d.inForce}</p>
      </section>
      <section aria-labelledby="evaluation-title">
        <h2 id="evaluation-title">{l.evaluationTitle}</h2>
        <p>{d.evaluation}</p>
      </section>

      <section aria-labelledby="signals-title">
        <h2 id="signals-title">{l.signalsTitle}</h2>
        <p className="callout">{d.reading}</p>
        <nav aria-labelledby="signals-title">
          <ol>
            {d.signals.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ol>
        </nav>
        {d.signals.map((s) => (
          <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="rules-signal">
            <h3 id={`${s.id}-title`}>{s.title}</h3>
            <h4>{l.source}</h4>
            <blockquote className="source-quote">
              <p>{s.quote}</p>
              <footer className="hint">{s.section}</footer>
            </blockquote>
            <h4>{l.rule}</h4>
            <p>{s.rule}</p>
            <h4>{l.thresholds}</h4>
            {s.thresholds.length === 0 ? (
              <p className="hint">{l.noThresholds}</p>
            ) : (
              <dl className="evidence">
                {s.thresholds.map((x) => (
                  <div key={x.name}>
                    <dt>{x.label}</dt>
                    <dd>{x.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            <h4>{l.unknown}</h4>
            <p>{s.unknown}</p>
            <h4>{l.interpretation}</h4>
            <p>{s.interpretation}</p>
            <details>
              <summary>{l.reading}</summary>
              <p>{s.reading}</p>
              <p className="hint">{s.source}</p>
              <p className="hint">
                {l.kernpunten}:{" "}
                {s.kernpunten.map((k) => (
                  <span key={k.id} className="kernpunt-ref" title={k.text}>
                    {k.id}{" "}
                  </span>
                ))}
              </p>
            </details>
          </section>
        ))}
      </section>

      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{l.versionsTitle}</h2>
        <dl>
          {d.versions.map((v) => (
            <div key={v.version}>
              <dt>
                {v.heading}
                {v.inForce ? <span className="badge badge--small">{l.inUse}</span> : null}
              </dt>
              <dd>{v.changes}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="parameters-title">
        <h2 id="parameters-title">{l.parametersTitle}</h2>
        <p className="hint">{l.parametersIntro}</p>
        <dl className="evidence">
          {d.parameters.map((x) => (
            <div key={x.name}>
              <dt>{x.label}</dt>
              <dd>{x.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="matrix" aria-labelledby="matrix-title">
        <h2 id="matrix-title">{l.matrixTitle}</h2>
        <p>{l.matrixIntro}</p>
        <p>{d.matrix.caveat}</p>
        <p>{d.matrix.criteriaNote}</p>
        <h3>{l.matrixChoices}</h3>
        <ul>
          {d.matrix.choices.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p>
          <Link to="/regions">{l.toMatrix}</Link>
        </p>
      </section>
    </article>
  );
}
