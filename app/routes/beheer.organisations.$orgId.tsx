/**
 * One organisation as the platform beheerder checks it: its identifiers (KvK, the practice's AGB,
 * UZOVI), its claims on practices in the register, its beheerders to get in touch with, its history;
 * and the decision (verify, refuse, withdraw) with its basis: what was checked and a note.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { BeheerNav } from "~/components/beheer-nav";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { requestLng } from "~/i18next.server";
import { CHECKS, DECISIONS_FROM, type Check, type Decision } from "~/domain/trust";
import { decideVerification, getOrganisationForPlatform } from "~/models/platform.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { parseForm } from "~/utils/parse-form";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const NOTE_MAX = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notFound = () => new Response("Not found", { status: 404 });

async function load(id: string) {
  if (!UUID.test(id)) return undefined;
  return getOrganisationForPlatform(id);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformViewer(request);
  const org = await load(params.orgId ?? "");
  if (!org) throw notFound();
  const done = new URL(request.url).searchParams.get("done");
  return {
    pageTitle: await titleFor(request, "platformOrganisation", org.name),
    org: {
      id: org.id,
      name: org.name,
      kind: org.kind,
      verification: org.verification,
      createdAt: org.created_at,
      verifiedAt: org.verified_at,
      verifiedBy: org.verified_by_name,
      kvk: org.kvk,
      uzovi: org.uzovi,
      basis: org.basis,
    },
    practices: org.practices,
    claims: org.claims,
    openClaim: org.claims.find((c) => c.status === "open") ?? null,
    beheerders: org.beheerders,
    memberCount: org.memberCount,
    history: org.history,
    decisions: DECISIONS_FROM[org.verification],
    done: done === "verified" || done === "refused" || done === "withdrawn" ? done : null,
    noteMax: NOTE_MAX,
  };
}

const DecisionSchema = z.object({
  decision: z.enum(["verified", "refused", "withdrawn"], "beheer.detail.errors.decision"),
  checked: z.array(z.enum(CHECKS)),
  note: z.string().check(z.trim(), z.minLength(1, "beheer.detail.errors.note"), z.maxLength(NOTE_MAX, "beheer.detail.errors.note")),
});

type Errors = Partial<Record<"decision" | "checked" | "note" | "form", string>>;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePlatformViewer(request);
  const org = await load(params.orgId ?? "");
  if (!org) throw notFound();
  const form = await readForm(request);
  const values = {
    decision: String(form.get("decision") ?? ""),
    checked: form.getAll("checked").map(String),
    note: String(form.get("note") ?? ""),
    approveClaim: form.get("approveClaim") === "1",
  };
  const parsed = parseForm<z.infer<typeof DecisionSchema>, keyof Errors>(values, DecisionSchema);
  const errors: Errors = parsed.errors;
  const decision = parsed.data ? (parsed.data.decision as Decision) : null;
  if (decision && !DECISIONS_FROM[org.verification].includes(decision)) errors.decision = "beheer.detail.errors.decision";
  // A verification says what was checked; a refusal or withdrawal says why in its note.
  if (decision === "verified" && parsed.data && parsed.data.checked.length === 0) errors.checked = "beheer.detail.errors.checked";
  if (!parsed.data || !decision || Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });
  const result = await decideVerification({
    admin,
    organisationId: org.id,
    decision,
    checked: [...new Set(parsed.data.checked)] as Check[],
    note: parsed.data.note,
    approveClaim: values.approveClaim,
    lng: await requestLng(request),
  });
  if (!result.ok) {
    if (result.reason === "not-found") throw notFound();
    return data(
      { errors: { form: result.reason === "claim-held" ? "beheer.detail.errors.claimHeld" : "beheer.detail.errors.state" } as Errors, values },
      { status: 409 },
    );
  }
  return redirect(`/beheer/organisations/${org.id}?done=${decision}`);
}

export default function BeheerOrganisation() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const errors: Errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const agb = d.practices
    .map((p) => p.agb)
    .filter(Boolean)
    .join(", ");
  return (
    <div className="workspace">
      <p className="eyebrow">
        <Link to="/beheer/organisations">{t("beheer.list.title")}</Link>
      </p>
      <h1>{d.org.name}</h1>
      <BeheerNav />
      {d.done ? (
        <p className="callout callout--ok" role="status">
          {t(`beheer.detail.done.${d.done}`)}
        </p>
      ) : null}
      <p className="lead">
        {t(`account.kind.${d.org.kind}`)} · {t("beheer.detail.signedUp", { date: formatDateTime(d.org.createdAt, lng) })} ·{" "}
        {t("beheer.detail.members", { count: d.memberCount })}
      </p>
      <p>
        <strong>{t("beheer.detail.status", { status: t(`trust.status.${d.org.verification}`) })}</strong>{" "}
        {d.org.verification === "verified" && d.org.verifiedAt
          ? t("beheer.detail.verifiedBy", { who: d.org.verifiedBy ?? "", date: formatDateTime(d.org.verifiedAt, lng) })
          : null}
      </p>
      {d.org.basis ? (
        <p className="hint">
          {t("beheer.detail.basis", {
            checked: d.org.basis.checked.map((c) => t(`trust.organisation.checks.${c as "kvk"}`)).join(", ") || t("beheer.list.none"),
            note: d.org.basis.note,
          })}
        </p>
      ) : null}

      <section aria-labelledby="identifiers-title">
        <h2 id="identifiers-title">{t("beheer.detail.identifiers")}</h2>
        <dl className="facts">
          <dt>{t("beheer.detail.kvk")}</dt>
          <dd>{d.org.kvk ?? t("beheer.list.none")}</dd>
          {d.org.kind === "praktijk" ? (
            <>
              <dt>{t("beheer.detail.agb")}</dt>
              <dd>{agb || t("beheer.detail.noPractice")}</dd>
            </>
          ) : null}
          {d.org.kind === "zorgverzekeraar" ? (
            <>
              <dt>{t("beheer.detail.uzovi")}</dt>
              <dd>{d.org.uzovi ?? t("beheer.list.none")}</dd>
            </>
          ) : null}
        </dl>
        <h3>{t("beheer.detail.beheerders")}</h3>
        <ul className="plain">
          {d.beheerders.map((b) => (
            <li key={b.email}>
              {b.name} · {b.email}
            </li>
          ))}
        </ul>
      </section>

      {d.claims.length > 0 ? (
        <section aria-labelledby="claims-title">
          <h2 id="claims-title">{t("beheer.detail.claims")}</h2>
          <ul className="plain">
            {d.claims.map((c) => (
              <li key={c.id}>
                {t("beheer.detail.claim", { agb: c.agb ?? "", name: c.practice_name })} ·{" "}
                {c.holder_name
                  ? t("beheer.detail.holder", { name: c.holder_name, status: t(`trust.status.${c.holder_verification ?? "pending"}`) })
                  : t("beheer.detail.holderNone")}{" "}
                · <strong>{t(`beheer.detail.claimStatus.${c.status}`)}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="decide-title" className="decision-form">
        <h2 id="decide-title">{t("beheer.detail.decide")}</h2>
        {d.decisions.length === 0 ? (
          <p className="hint">{t("beheer.detail.noDecision")}</p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            {errors.form ? (
              <div className="callout callout--error" role="alert">
                <FieldError id="decide-form-error" message={errors.form} />
              </div>
            ) : null}
            <fieldset className="choices" aria-describedby={errors.decision ? "decision-error" : undefined}>
              <legend>{t("beheer.detail.decision")}</legend>
              {d.decisions.map((decision) => (
                <label key={decision} className="choice">
                  <input type="radio" name="decision" value={decision} defaultChecked={(values?.decision ?? d.decisions[0]) === decision} />
                  {t(`beheer.detail.decisions.${decision}`)}
                </label>
              ))}
            </fieldset>
            <FieldError id="decision-error" message={errors.decision} />
            <fieldset className="choices" aria-describedby={errors.checked ? "checked-error" : undefined}>
              <legend>{t("beheer.detail.checked")}</legend>
              {(["kvk", "agb", "uzovi", "other"] as const).map((check) => (
                <label key={check} className="choice">
                  <input type="checkbox" name="checked" value={check} defaultChecked={values?.checked.includes(check) ?? false} />
                  {t(`beheer.detail.checks.${check}`)}
                </label>
              ))}
            </fieldset>
            <FieldError id="checked-error" message={errors.checked} />
            {d.openClaim ? (
              <div className="field checkbox-field">
                <input id="approve-claim" type="checkbox" name="approveClaim" value="1" defaultChecked={values ? values.approveClaim : true} />
                <label htmlFor="approve-claim">{t("beheer.detail.approveClaim", { agb: d.openClaim.agb ?? "" })}</label>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="decision-note">{t("beheer.detail.note")}</label>
              <p id="decision-note-help" className="hint">
                {t("beheer.detail.noteHelp")}
              </p>
              <textarea
                id="decision-note"
                name="note"
                rows={4}
                defaultValue={values?.note ?? ""}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={["decision-note-help", errors.note ? "decision-note-error" : ""].filter(Boolean).join(" ")}
              />
              <FieldError id="decision-note-error" message={errors.note} values={{ max: d.noteMax }} />
            </div>
            <button type="submit">{t("beheer.detail.submit")}</button>
          </Form>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("beheer.detail.history")}</h2>
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">{t("beheer.audit.when")}</th>
              <th scope="col">{t("beheer.audit.who")}</th>
              <th scope="col">{t("beheer.audit.what")}</th>
            </tr>
          </thead>
          <tbody>
            {d.history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.decided_at, lng)}</td>
                <td>{h.decided_by_name}</td>
                <td>
                  {t(`beheer.detail.historyRow.${h.decision}`)}
                  {h.checked.length > 0 ? (
                    <span className="hint block">{h.checked.map((c) => t(`trust.organisation.checks.${c as "kvk"}`)).join(", ")}</span>
                  ) : null}
                  {h.note ? <span className="block">{h.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
