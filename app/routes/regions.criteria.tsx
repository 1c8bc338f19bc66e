/**
 * The colouring criteria in force, per indicator: the content's default (relative until the parties
 * agree cut-offs, leidraad section 2.3) or agreed fixed cut-offs set here by a beheerder of an insurer
 * or toezichthouder. Every change is in the audit trail, listed below the form.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { cutOffText } from "~/components/regional";
import { parseDutchNumber } from "~/domain/answers";
import { buildMatrix } from "~/domain/regional/colouring";
import { getRegionalCriteria } from "~/domain/regional/load.server";
import { INDICATOR_IDS, type Criteria, type IndicatorId } from "~/domain/regional/schema";
import i18next, { requestLng } from "~/i18next.server";
import { canManageRegions, getCriteriaInForce, indicatorViews, listMatrixChanges, loadRegionRows, setIndicatorCriteria } from "~/models/regions.server";
import { requireViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!canManageRegions(viewer)) throw notFound();
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const [{ criteria, overrides }, rows, changes] = await Promise.all([getCriteriaInForce(), loadRegionRows(), listMatrixChanges()]);
  const latest = Math.max(...rows.map((r) => r.year));
  const matrix = rows.length ? buildMatrix(criteria, rows, latest) : null;
  const content = getRegionalCriteria();
  return {
    pageTitle: await titleFor(request, "criteria"),
    indicators: indicatorViews(criteria, lng).map((i) => {
      const inForce = criteria.indicators.find((x) => x.id === i.id)!;
      return {
        ...i,
        direction: inForce.direction,
        criteria: inForce.criteria,
        overridden: overrides.some((o) => o.indicatorId === i.id),
        override: overrides.find((o) => o.indicatorId === i.id) ?? null,
        contentKind: content.indicators.find((x) => x.id === i.id)!.criteria.kind,
        now: matrix ? cutOffText(matrix.cutOffs[i.id], t, lng) : null,
      };
    }),
    year: matrix ? latest : null,
    changes: changes.map((c) => ({ ...c, indicator: criteria.indicators.find((i) => i.id === c.subject_id)?.title[lng] ?? c.subject_id })),
  };
}

type Errors = Partial<Record<"kind" | "rood" | "oranje", string>>;

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!canManageRegions(viewer)) throw notFound();
  const form = await readForm(request);
  const indicatorId = String(form.get("indicator") ?? "");
  if (!(INDICATOR_IDS as readonly string[]).includes(indicatorId)) throw new Response("Bad request", { status: 400 });
  const id = indicatorId as IndicatorId;
  if (form.get("_intent") === "reset") {
    await setIndicatorCriteria(viewer, id, null);
    return redirect(`/regions/criteria#criteria-${id}`);
  }
  const content = getRegionalCriteria().indicators.find((i) => i.id === id)!;
  const kind = form.get("kind");
  const values = { kind: String(kind ?? ""), rood: String(form.get("rood") ?? ""), oranje: String(form.get("oranje") ?? "") };
  const errors: Errors = {};
  let criteria: Criteria | null = null;
  if (kind === "relative") {
    criteria = content.criteria.kind === "relative" ? content.criteria : { kind: "relative", roodShare: 0.2, oranjeShare: 0.3, minRegions: 5 };
  } else if (kind === "fixed") {
    const rood = values.rood.trim() === "" ? "invalid" : parseDutchNumber(values.rood, false);
    const oranje = values.oranje.trim() === "" ? "invalid" : parseDutchNumber(values.oranje, false);
    if (rood === "invalid") errors.rood = "regions.criteria.errors.number";
    if (oranje === "invalid") errors.oranje = "regions.criteria.errors.number";
    if (rood !== "invalid" && oranje !== "invalid") {
      // The red band lies beyond the orange one in the worse direction, or nothing could be orange.
      const ordered = content.direction === "higher-is-worse" ? rood >= oranje : rood <= oranje;
      if (!ordered) errors.rood = content.direction === "higher-is-worse" ? "regions.criteria.errors.orderHigher" : "regions.criteria.errors.orderLower";
      else criteria = { kind: "fixed", rood, oranje };
    }
  } else errors.kind = "regions.criteria.errors.kind";
  if (!criteria) return data({ indicator: id, errors, values }, { status: 400 });
  await setIndicatorCriteria(viewer, id, criteria);
  return redirect(`/regions/criteria#criteria-${id}`);
}

export default function CriteriaPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/regions">{t("regions.title")}</Link>
      </p>
      <h1>{t("regions.criteria.title")}</h1>
      <p className="lead">{t("regions.criteria.lead")}</p>
      {d.indicators.map((i) => {
        const mine = actionData && actionData.indicator === i.id ? actionData : null;
        const errors: Errors = mine?.errors ?? {};
        const kind = mine?.values.kind ?? i.criteria.kind;
        const fid = (name: string) => `criteria-${i.id}-${name}`;
        return (
          <section key={i.id} id={`criteria-${i.id}`} className="panel" aria-labelledby={fid("title")}>
            <h2 id={fid("title")}>{i.title}</h2>
            <p className="hint">
              {i.unit} · {t(`regions.direction.${i.direction}`)}
            </p>
            <p>
              <strong>{t(i.overridden ? "regions.criteria.inForceAgreed" : "regions.criteria.inForceContent")}</strong>{" "}
              {d.year && i.now ? t("regions.criteria.nowIs", { year: d.year, text: i.now }) : null}
            </p>
            {i.override ? (
              <p className="hint">
                {t("regions.criteria.changedBy", {
                  who: i.override.changedBy ?? "",
                  organisation: i.override.organisation ?? "",
                  when: formatDateTime(i.override.changedAt, lng),
                })}
              </p>
            ) : null}
            <Form method="post" className="stack" noValidate>
              <CsrfInput />
              <input type="hidden" name="indicator" value={i.id} />
              <fieldset className="choices" aria-describedby={errors.kind ? fid("kind-error") : undefined}>
                <legend>{t("regions.criteria.kind")}</legend>
                {(["relative", "fixed"] as const).map((k) => (
                  <label key={k} className="choice">
                    <input type="radio" name="kind" value={k} defaultChecked={kind === k} />
                    {t(`regions.criteria.kinds.${k}`)}
                  </label>
                ))}
              </fieldset>
              <FieldError id={fid("kind-error")} message={errors.kind} />
              <div className="inline-form">
                {(["rood", "oranje"] as const).map((band) => (
                  <div className="field" key={band}>
                    <label htmlFor={fid(band)}>{t(`regions.criteria.${band}`, { op: i.direction === "higher-is-worse" ? "≥" : "≤", unit: i.unit })}</label>
                    <input
                      id={fid(band)}
                      name={band}
                      type="text"
                      inputMode="decimal"
                      className="input-number"
                      defaultValue={mine?.values[band] ?? (i.criteria.kind === "fixed" ? String(i.criteria[band]).replace(".", lng === "nl" ? "," : ".") : "")}
                      aria-invalid={errors[band] ? true : undefined}
                      aria-describedby={errors[band] ? fid(`${band}-error`) : undefined}
                    />
                    <FieldError id={fid(`${band}-error`)} message={errors[band]} />
                  </div>
                ))}
              </div>
              <p className="actions">
                <button type="submit" name="_intent" value="save">
                  {t("regions.criteria.save")}
                </button>
                {i.overridden ? (
                  <button type="submit" name="_intent" value="reset" className="secondary">
                    {t("regions.criteria.reset")}
                  </button>
                ) : null}
              </p>
            </Form>
          </section>
        );
      })}
      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t("regions.criteria.changes")}</h2>
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
                  <td>
                    {c.person}
                    <span className="hint block">{c.organisation}</span>
                  </td>
                  <td>{t(`regions.criteria.actions.${c.action.replace(".", "-")}`, { indicator: c.indicator })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
