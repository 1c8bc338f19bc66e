/**
 * The platform beheerder publishes the matrix's cut-offs per indicator, each publication with its basis
 * (who agreed it, where that is written, the date of the agreement), or returns an indicator to the
 * content's relative criteria. The basis is shown with the matrix; every publication is kept.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CriteriaForm } from "~/components/criteria-form";
import { cutOffText } from "~/components/regional";
import { buildMatrix } from "~/domain/regional/colouring";
import i18next, { requestLng } from "~/i18next.server";
import { getCriteriaInForce, indicatorViews, listPublications, loadRegionRows, publishCriteria } from "~/models/regions.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readBasis, readCriteria, readIndicator, type CriteriaErrors } from "~/utils/criteria-form.server";
import { readForm } from "~/utils/csrf.server";
import { formatDate, formatDateTime } from "~/domain/format";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformViewer(request);
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const [{ criteria, overrides }, rows, publications] = await Promise.all([getCriteriaInForce(), loadRegionRows(), listPublications()]);
  const latest = rows.length ? Math.max(...rows.map((r) => r.year)) : null;
  const matrix = latest === null ? null : buildMatrix(criteria, rows, latest);
  const title = (id: string) => criteria.indicators.find((i) => i.id === id)?.title[lng] ?? id;
  return {
    pageTitle: await titleFor(request, "platformCriteria"),
    indicators: indicatorViews(criteria, lng).map((i) => {
      const inForce = criteria.indicators.find((x) => x.id === i.id)!;
      const o = overrides.find((x) => x.indicatorId === i.id);
      return {
        ...i,
        direction: inForce.direction,
        criteria: inForce.criteria,
        basis: o?.basis ? { ...o.basis, agreedOn: formatDate(o.basis.agreedOn, lng), publishedAt: formatDate(o.basis.publishedAt, lng) } : null,
        now: matrix ? cutOffText(matrix.cutOffs[i.id], t, lng) : null,
      };
    }),
    year: latest,
    publications: publications.map((p) => ({ ...p, indicator: title(p.indicator_id), withdrawn: p.criteria === null })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePlatformViewer(request);
  const form = await readForm(request);
  const id = readIndicator(form);
  const reset = form.get("_intent") === "reset";
  const read = reset ? { criteria: null, errors: {} as CriteriaErrors, values: { kind: "", rood: "", oranje: "" } } : readCriteria(form, id);
  const basis = readBasis(form);
  const errors: CriteriaErrors = { ...read.errors, ...basis.errors };
  if ((!reset && !read.criteria) || !basis.basis) return data({ indicator: id, errors, values: { ...read.values, ...basis.values } }, { status: 400 });
  await publishCriteria(admin, id, reset ? null : read.criteria, basis.basis);
  return redirect(`/beheer/criteria#criteria-${id}`);
}

export default function PublishCriteria() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/beheer">{t("beheer.title")}</Link> · <Link to="/regions">{t("regions.title")}</Link>
      </p>
      <h1>{t("regions.criteria.title")}</h1>
      <p className="lead">{t("regions.criteria.lead")}</p>
      {d.indicators.map((i) => {
        const mine = actionData && actionData.indicator === i.id ? actionData : null;
        return (
          <section key={i.id} id={`criteria-${i.id}`} className="panel" aria-labelledby={`criteria-${i.id}-title`}>
            <h2 id={`criteria-${i.id}-title`}>{i.title}</h2>
            <p className="hint">
              {i.unit} · {t(`regions.direction.${i.direction}`)}
            </p>
            <p>
              <strong>{t(i.basis ? "regions.criteria.inForceAgreed" : "regions.criteria.inForceContent")}</strong>{" "}
              {d.year && i.now ? t("regions.criteria.nowIs", { year: d.year, text: i.now }) : null}
            </p>
            {i.basis ? <p className="hint">{t("regions.agreedBasis", i.basis)}</p> : null}
            <CriteriaForm indicator={i} lng={lng} errors={mine?.errors ?? {}} values={mine?.values} publish canReset={Boolean(i.basis)} />
          </section>
        );
      })}
      <section aria-labelledby="publications-title">
        <h2 id="publications-title">{t("regions.publications")}</h2>
        {d.publications.length === 0 ? (
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
              {d.publications.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(p.published_at, lng)}</td>
                  <td>{p.published_by}</td>
                  <td>
                    {t(p.withdrawn ? "regions.criteria.actions.criteria-withdrawn" : "regions.criteria.actions.criteria-published", { indicator: p.indicator })}
                    <span className="hint block">
                      {t("regions.agreedBasis", {
                        agreedBy: p.agreed_by,
                        source: p.source,
                        agreedOn: formatDate(p.agreed_on, lng),
                        publishedAt: formatDate(p.published_at, lng),
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
