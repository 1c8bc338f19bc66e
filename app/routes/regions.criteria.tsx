/**
 * An insurer's or toezichthouder's own cut-offs ("eigen grenswaarden"): for its own view of the matrix
 * only, never shown to anyone else; the national criteria (the platform's publications) stay as they
 * are. Beheerders of insurers and toezichthouders; every change is in the audit trail, listed below.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CriteriaForm } from "~/components/criteria-form";
import { cutOffText } from "~/components/regional";
import { buildMatrix } from "~/domain/regional/colouring";
import i18next, { requestLng } from "~/i18next.server";
import { canKeepOwnCriteria, getCriteriaInForce, indicatorViews, listOwnCriteriaChanges, loadRegionRows, setOwnCriteria } from "~/models/regions.server";
import { requireViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readCriteria, readIndicator, type CriteriaErrors } from "~/utils/criteria-form.server";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!canKeepOwnCriteria(viewer)) throw notFound();
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const [{ criteria, overrides }, national, rows, changes] = await Promise.all([
    getCriteriaInForce(undefined, viewer.organisationId),
    getCriteriaInForce(),
    loadRegionRows(),
    listOwnCriteriaChanges(viewer),
  ]);
  const latest = rows.length ? Math.max(...rows.map((r) => r.year)) : null;
  const matrix = latest === null ? null : buildMatrix(criteria, rows, latest);
  return {
    pageTitle: await titleFor(request, "criteria"),
    indicators: indicatorViews(criteria, lng).map((i) => {
      const inForce = criteria.indicators.find((x) => x.id === i.id)!;
      const own = overrides.find((o) => o.indicatorId === i.id && o.kind === "own") ?? null;
      return {
        ...i,
        direction: inForce.direction,
        criteria: inForce.criteria,
        own: own && { changedBy: own.changedBy, changedAt: own.changedAt },
        nationalAgreed: national.overrides.some((o) => o.indicatorId === i.id),
        now: matrix ? cutOffText(matrix.cutOffs[i.id], t, lng, Boolean(own)) : null,
      };
    }),
    year: latest,
    changes: changes.map((c) => ({ ...c, indicator: criteria.indicators.find((i) => i.id === c.subject_id)?.title[lng] ?? c.subject_id })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!canKeepOwnCriteria(viewer)) throw notFound();
  const form = await readForm(request);
  const id = readIndicator(form);
  if (form.get("_intent") === "reset") {
    await setOwnCriteria(viewer, id, null);
    return redirect(`/regions/criteria#criteria-${id}`);
  }
  const { criteria, errors, values } = readCriteria(form, id);
  if (!criteria) return data({ indicator: id, errors: errors as CriteriaErrors, values }, { status: 400 });
  await setOwnCriteria(viewer, id, criteria);
  return redirect(`/regions/criteria#criteria-${id}`);
}

export default function OwnCriteriaPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/regions">{t("regions.title")}</Link> · <Link to="/regions?grenzen=eigen">{t("regions.ownView.showOwn")}</Link>
      </p>
      <h1>{t("regions.criteria.ownTitle")}</h1>
      <p className="lead">{t("regions.criteria.ownLead")}</p>
      {d.indicators.map((i) => {
        const mine = actionData && actionData.indicator === i.id ? actionData : null;
        return (
          <section key={i.id} id={`criteria-${i.id}`} className="panel" aria-labelledby={`criteria-${i.id}-title`}>
            <h2 id={`criteria-${i.id}-title`}>{i.title}</h2>
            <p className="hint">
              {i.unit} · {t(`regions.direction.${i.direction}`)}
            </p>
            <p>{t(i.nationalAgreed ? "regions.criteria.inForceAgreed" : "regions.criteria.inForceContent")}</p>
            {i.own ? (
              <p>
                <strong>{t("regions.criteria.inForceOwn")}</strong> {d.year && i.now ? t("regions.criteria.nowIs", { year: d.year, text: i.now }) : null}{" "}
                <span className="hint">{t("regions.criteria.changedBy", { who: i.own.changedBy ?? "", when: formatDateTime(i.own.changedAt, lng) })}</span>
              </p>
            ) : null}
            <CriteriaForm indicator={i} lng={lng} errors={mine?.errors ?? {}} values={mine?.values} publish={false} canReset={Boolean(i.own)} />
          </section>
        );
      })}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t("regions.criteria.ownChanges")}</h2>
        {d.changes.length === 0 ? (
          <p className="hint">{t("regions.criteria.noChanges")}</p>
        ) : (
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">{t("workspaces.import.columns.when")}</th>
                <th scope="col">{t("regions.criteria.who")}</th>
                <th scope="col">{t("regions.criteria.what")}</th>
              </tr>
            </thead>
            <tbody>
              {d.changes.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.at, lng)}</td>
                  <td>{c.person}</td>
                  <td>{t(`regions.criteria.actions.${c.action.replace(".", "-") as "own-criteria-changed"}`, { indicator: c.indicator })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
