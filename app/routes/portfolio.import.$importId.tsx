/**
 * The preview of an import: every bad row with what is wrong per column (in the reader's language),
 * the good rows with the signals they give, and whether each practice is new, already answered its own
 * self-assessment (the import stands beside it) or replaces earlier imported facts. Confirm or discard.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { SignalHeaders } from "~/components/portfolio-table";
import { ScrollRegion } from "~/components/scroll-region";
import { SignalStatusBadge } from "~/components/signal-card";
import { SIGNAL_IDS } from "~/domain/signal-ids";
import { requestLng } from "~/i18next.server";
import { canImport, confirmImport, discardImport, getImport, ImportStateError, mayReadImports } from "~/models/facts-import.server";
import { SIGNAL_COLUMN } from "~/models/signal-store.server";
import { requireViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDate, formatDateTime } from "~/domain/format";
import { fixedT } from "~/utils/i18n-node";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!mayReadImports(viewer)) throw notFound();
  const imp = await getImport(viewer, params.importId ?? "");
  if (!imp) throw notFound();
  const t = fixedT(await requestLng(request), "server");
  return {
    pageTitle: await titleFor(request, "importPreview", imp.file_name),
    id: imp.id,
    status: imp.status,
    fileName: imp.file_name,
    source: imp.source,
    sourceDate: imp.source_date,
    createdAt: imp.created_at,
    createdBy: imp.created_by_name,
    decidedAt: imp.decided_at,
    rowCount: imp.row_count,
    errorCount: imp.error_count,
    goodCount: imp.row_count - imp.error_count,
    confirming: imp.stage === "confirming",
    canDecide: canImport(viewer) && imp.status === "preview" && imp.stage === null,
    errors: imp.errors.map((e) => ({
      ...e,
      errors: e.errors.map((x) => ({
        column: x.column,
        message: t(x.code, x.params),
      })),
    })),
    rows: imp.rows.map((r) => ({
      line: r.line,
      agb: r.agb,
      name: r.name,
      keten: r.ketenName,
      region: r.regionName,
      isNew: r.practiceId === null,
      practiceAnswers: r.practiceAnswers,
      replaces: r.replaces,
      signals: Object.fromEntries(SIGNAL_IDS.map((id) => [id, r.signals[SIGNAL_COLUMN[id]] ?? "unknown"])) as Record<
        (typeof SIGNAL_IDS)[number],
        "signal" | "no-signal" | "unknown"
      >,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!mayReadImports(viewer)) throw notFound();
  const form = await readForm(request);
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  const id = params.importId ?? "";
  const intent = form.get("_intent");
  try {
    if (intent === "confirm") {
      const done = await confirmImport(viewer, id);
      if (!done) throw notFound();
      return redirect(`/portfolio/import/${id}?done=confirmed`);
    }
    if (intent === "discard") {
      if (!(await discardImport(viewer, id))) throw notFound();
      return redirect(`/portfolio/import/${id}?done=discarded`);
    }
  } catch (error) {
    if (error instanceof ImportStateError) return data({ error: "workspaces.import.errors.decided" }, { status: 409 });
    throw error;
  }
  throw new Response("Bad request", { status: 400 });
}

export default function ImportPreview() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/portfolio/import">{t("workspaces.import.title")}</Link>
      </p>
      <h1>{t("workspaces.import.previewTitle", { file: d.fileName })}</h1>
      <p className="hint">
        {t("workspaces.import.meta", {
          source: d.source,
          date: formatDate(d.sourceDate, lng),
          when: formatDateTime(d.createdAt, lng),
          who: d.createdBy ?? "",
        })}
      </p>
      <p className={`callout ${d.status === "confirmed" ? "callout--ok" : ""}`} role="status">
        {t(`workspaces.import.statusLine.${d.status}`, {
          rows: d.rowCount,
          good: d.goodCount,
          errors: d.errorCount,
          when: d.decidedAt ? formatDateTime(d.decidedAt, lng) : "",
        })}
      </p>
      {actionData?.error ? <p className="field-error">{t(actionData.error)}</p> : null}
      {d.confirming ? (
        <p className="callout" role="status">
          {t("workspaces.import.confirming")}
        </p>
      ) : null}

      {d.canDecide ? (
        <Form method="post" className="panel actions" aria-labelledby="decide-title">
          <h2 id="decide-title" className="visually-hidden">
            {t("workspaces.import.decide")}
          </h2>
          <CsrfInput />
          <p>
            {t("workspaces.import.confirmExplain", {
              good: d.goodCount,
              errors: d.errorCount,
            })}
          </p>
          <button type="submit" name="_intent" value="confirm" disabled={d.goodCount === 0}>
            {t("workspaces.import.confirm", { count: d.goodCount })}
          </button>
          <button type="submit" name="_intent" value="discard" className="secondary">
            {t("workspaces.import.discard")}
          </button>
        </Form>
      ) : d.status === "confirmed" ? (
        <p>
          <Link className="button" to="/portfolio?source=import">
            {t("workspaces.import.toPortfolio")}
          </Link>
        </p>
      ) : null}

      {d.errors.length > 0 ? (
        <section aria-labelledby="errors-title">
          <h2 id="errors-title">{t("workspaces.import.errorRows", { count: d.errorCount })}</h2>
          {d.errorCount > d.errors.length ? (
            <p className="hint">{t("workspaces.import.firstErrors", { shown: d.errors.length, total: d.errorCount })}</p>
          ) : null}
          <table className="audit import-errors">
            <thead>
              <tr>
                <th scope="col">{t("workspaces.import.columns.row")}</th>
                <th scope="col">{t("workspaces.import.columns.practice")}</th>
                <th scope="col">{t("workspaces.import.columns.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {d.errors.map((e) => (
                <tr key={e.line}>
                  <th scope="row" className="num">
                    {e.line}
                  </th>
                  <td>
                    {e.name ?? "–"}
                    <span className="hint block">{e.agb ?? ""}</span>
                  </td>
                  <td>
                    <ul className="plain">
                      {e.errors.map((x, i) => (
                        <li key={i}>
                          {x.column ? <code>{x.column}</code> : null} {x.message}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {d.rows.length > 0 ? (
        <section aria-labelledby="rows-title">
          <h2 id="rows-title">{t("workspaces.import.goodRows", { count: d.goodCount })}</h2>
          {d.goodCount > d.rows.length ? (
            <p className="hint">
              {t("workspaces.import.firstRows", {
                shown: d.rows.length,
                total: d.goodCount,
              })}
            </p>
          ) : null}
          <ScrollRegion labelledBy="rows-title">
            <table className="portfolio">
              <thead>
                <tr>
                  <th scope="col">{t("workspaces.import.columns.row")}</th>
                  <th scope="col">{t("workspaces.import.columns.practice")}</th>
                  <th scope="col">{t("workspaces.portfolio.columns.keten")}</th>
                  <th scope="col">{t("workspaces.portfolio.columns.region")}</th>
                  <SignalHeaders />
                  <th scope="col">{t("workspaces.import.columns.register")}</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    <th scope="row">
                      {r.name}
                      <span className="hint block">{r.agb}</span>
                    </th>
                    <td>{r.keten ?? "–"}</td>
                    <td>{r.region ?? "–"}</td>
                    {SIGNAL_IDS.map((id) => (
                      <td key={id}>
                        <SignalStatusBadge status={r.signals[id]} label={t(`signals.status.${r.signals[id]}`)} />
                      </td>
                    ))}
                    <td>
                      {t(r.isNew ? "workspaces.import.flags.new" : "workspaces.import.flags.known")}
                      {r.practiceAnswers ? <span className="block">{t("workspaces.import.flags.practiceAnswers")}</span> : null}
                      {r.replaces ? <span className="block">{t("workspaces.import.flags.replaces")}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}
    </div>
  );
}
