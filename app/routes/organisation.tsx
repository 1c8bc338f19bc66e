import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import type { MemberRole } from "~/domain/organisation";
import { CsrfInput } from "~/components/csrf-input";
import { errorId, FieldError, helpId, inputId } from "~/components/field-error";
import { asLng } from "~/i18n";
import i18next from "~/i18next.server";
import { changeMemberRole, getRequireMfa, inviteMember, listMembers, listOpenInvitations, removeMember, setRequireMfa } from "~/models/account.server";
import { requireRecentAuth } from "~/models/session.server";
import { requireRole, requireViewer } from "~/models/viewer.server";
import { getOwnVerification, requestVerificationAgain } from "~/models/platform.server";
import { identifierSchema } from "~/domain/identifiers";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import accountStyles from "~/styles/account.css?url";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { TextField } from "~/components/ui/text-field";
import { RegisterSection } from "~/components/register-section";
import { parseRegisterForm, readRegisterForm, REGISTER_NAME_MAX } from "~/domain/register-form";
import { listRegister, updateRegister } from "~/models/register.server";
import { listRegions } from "~/models/regions.server";
import { getEnv } from "~/utils/env.server";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

const ROLES = ["beheerder", "invuller", "lezer"] as const satisfies readonly MemberRole[];
const NOTICES = ["invited", "roleChanged", "removed", "verificationRequested", "mfaOn", "mfaOff", "registerSaved", "registerReset", "registerUnchanged"] as const;
const NOTE_MAX = 1000;
const AgainSchema = z.object({
  kvk: identifierSchema("kvk", { required: false, message: "trust.errors.kvk" }),
  uzovi: identifierSchema("uzovi", { required: false, message: "trust.errors.uzovi" }),
  note: z.string().check(z.trim(), z.minLength(1, "trust.organisation.askAgain.noteRequired"), z.maxLength(NOTE_MAX, "trust.organisation.askAgain.noteTooLong")),
});
type AgainErrors = Partial<Record<"kvk" | "uzovi" | "note", string>>;
type Notice = (typeof NOTICES)[number];

const role = z.enum(ROLES, "accountFlows.errors.role");
const InviteSchema = z.object({
  email: z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, "accountFlows.errors.required"),
      z.maxLength(254, "accountFlows.errors.tooLong"),
      z.email("accountFlows.errors.email"),
    ),
  role,
});
const RoleSchema = z.object({ personId: z.string().check(z.minLength(1), z.maxLength(64)), role });
const RemoveSchema = z.object({ personId: z.string().check(z.minLength(1), z.maxLength(64)) });

const notFound = () => new Response("Not found", { status: 404 });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  const isBeheerder = viewer.role === "beheerder";
  const [members, invitations, verification, requireMfa, register] = await Promise.all([
    listMembers({ viewerOrgId: viewer.organisationId }),
    isBeheerder ? listOpenInvitations({ viewerOrgId: viewer.organisationId }) : Promise.resolve([]),
    getOwnVerification(viewer),
    getRequireMfa(viewer.organisationId),
    listRegister(viewer),
  ]);
  const regions = isBeheerder && register.length > 0 ? await listRegions() : [];
  const params = new URL(request.url).searchParams;
  const removeId = params.get("remove");
  const confirmRemove = isBeheerder && removeId ? (members.find((m) => m.personId === removeId) ?? null) : null;
  const notice = params.get("notice");
  return {
    pageTitle: await titleFor(request, "organisation", viewer.organisationName),
    organisation: { name: viewer.organisationName, kind: viewer.organisationKind },
    verification: {
      status: verification.verification,
      verifiedAt: verification.verified_at,
      basis: verification.basis,
      kvk: verification.kvk,
      uzovi: verification.uzovi,
      claim: verification.claim,
      lastNote: verification.lastDecision?.note ?? null,
    },
    noteMax: NOTE_MAX,
    // The practice register (issue 13): a praktijk's own practice, a verified keten's members without an account.
    register,
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
    nameMax: REGISTER_NAME_MAX,
    // Insurers and toezichthouders always require a second factor of everyone; others may choose to.
    mfa: { always: viewer.organisationKind === "zorgverzekeraar" || viewer.organisationKind === "toezichthouder", required: requireMfa },
    viewerPersonId: viewer.personId,
    isBeheerder,
    members,
    invitations,
    confirmRemove,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
  };
}

type InviteErrors = Partial<Record<"email" | "role" | "form", string>>;

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  // Others may see the member list; only a beheerder changes it.
  requireRole(viewer, ["beheerder"]);
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === "invite") {
    const values = { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
    const parsed = InviteSchema.safeParse(values);
    if (!parsed.success) {
      const errors: InviteErrors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0]) as keyof InviteErrors] ??= issue.message;
      return data({ intent: "invite" as const, errors, values }, { status: 400 });
    }
    const locale = await i18next.getLocale(request);
    const result = await inviteMember({ viewer, email: parsed.data.email, role: parsed.data.role, lng: asLng(locale) });
    if (!result.ok) {
      const errors: InviteErrors =
        result.reason === "already-member" ? { email: "accountFlows.errors.alreadyMember" } : { form: "accountFlows.errors.mailFailed" };
      return data({ intent: "invite" as const, errors, values }, { status: result.reason === "already-member" ? 400 : 503 });
    }
    return redirect("/organisation?notice=invited");
  }

  if (intent === "role") {
    const parsed = RoleSchema.safeParse({ personId: String(form.get("personId") ?? ""), role: String(form.get("role") ?? "") });
    if (!parsed.success) {
      const personId = String(form.get("personId") ?? "");
      return data({ intent: "member" as const, personId, error: "accountFlows.errors.role" }, { status: 400 });
    }
    const result = await changeMemberRole({ viewer, personId: parsed.data.personId, role: parsed.data.role });
    if (!result.ok && result.reason === "not-found") throw notFound();
    if (!result.ok) return data({ intent: "member" as const, personId: parsed.data.personId, error: "accountFlows.errors.lastBeheerder" }, { status: 400 });
    return redirect("/organisation?notice=roleChanged");
  }

  if (intent === "register") {
    const values = readRegisterForm(form);
    const parsed = parseRegisterForm(values);
    if (!parsed.ok) return data({ intent: "register" as const, feedback: { practiceId: values.practiceId, errors: parsed.errors, values } }, { status: 400 });
    const result = await updateRegister(viewer, parsed.data);
    if (!result.ok && result.reason === "not-found") throw notFound();
    // The platform's contact only in the answer that names it: the page itself shows no other organisation's address.
    if (!result.ok) return data({ intent: "register" as const, feedback: { practiceId: values.practiceId, errors: result.errors, values, contact: getEnv().PLATFORM_CONTACT } }, { status: 400 });
    const notice = result.verificationReset ? "registerReset" : result.changed.length > 0 ? "registerSaved" : "registerUnchanged";
    return redirect(`/organisation?notice=${notice}#register`);
  }

  if (intent === "require-mfa") {
    const on = form.get("value") === "on";
    // Weakening sign-in for everyone is a security change: only within ten minutes of proving who one is.
    if (!on) await requireRecentAuth(request, "/organisation#mfa");
    await setRequireMfa(viewer, on);
    return redirect(`/organisation?notice=${on ? "mfaOn" : "mfaOff"}#mfa`);
  }

  if (intent === "verification-again") {
    const values = { kvk: String(form.get("kvk") ?? ""), uzovi: String(form.get("uzovi") ?? ""), note: String(form.get("note") ?? "") };
    const parsed = AgainSchema.safeParse(values);
    if (!parsed.success) {
      const errors: AgainErrors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0]) as keyof AgainErrors] ??= issue.message;
      return data({ intent: "verification-again" as const, errors, values }, { status: 400 });
    }
    const asked = await requestVerificationAgain(viewer, parsed.data);
    // Only a refused or withdrawn organisation asks again; anything else has nothing to ask.
    if (!asked) return data({ intent: "verification-again" as const, errors: { note: "errors.generic" } as AgainErrors, values }, { status: 409 });
    return redirect("/organisation?notice=verificationRequested#verification");
  }

  if (intent === "remove") {
    const parsed = RemoveSchema.safeParse({ personId: String(form.get("personId") ?? "") });
    if (!parsed.success) throw notFound();
    const result = await removeMember({ viewer, personId: parsed.data.personId });
    if (!result.ok && result.reason === "not-found") throw notFound();
    if (!result.ok) return data({ intent: "member" as const, personId: parsed.data.personId, error: "accountFlows.errors.lastBeheerder" }, { status: 400 });
    // Removing oneself ends one's own session here too.
    if (parsed.data.personId === viewer.personId) return redirect("/");
    return redirect("/organisation?notice=removed");
  }

  throw new Response("Bad request", { status: 400 });
}

export default function Organisation() {
  const { organisation, verification, noteMax, mfa, viewerPersonId, isBeheerder, members, invitations, confirmRemove, notice, register, regions, nameMax } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const inviteErrors: InviteErrors = actionData?.intent === "invite" ? actionData.errors : {};
  const inviteValues = actionData?.intent === "invite" ? actionData.values : undefined;
  const rowError = actionData?.intent === "member" ? actionData : null;
  const againErrors: AgainErrors = actionData?.intent === "verification-again" ? actionData.errors : {};
  const againValues = actionData?.intent === "verification-again" ? actionData.values : undefined;
  const mayAskAgain = isBeheerder && (verification.status === "refused" || verification.status === "withdrawn");

  return (
    <div className="organisation-page">
      <h1>{t("accountFlows.organisation.title")}</h1>
      <p className="lead">{t("accountFlows.organisation.kindLine", { organisation: organisation.name, kind: t(`account.kind.${organisation.kind}`) })}</p>
      {notice ? (
        <p className="callout callout--ok" role="status">
          {notice === "mfaOn"
            ? t("security.requireMfa.noticeOn")
            : notice === "mfaOff"
              ? t("security.requireMfa.noticeOff")
              : notice === "registerSaved"
                ? t("register.saved")
                : notice === "registerReset"
                  ? t("register.savedReset")
                  : notice === "registerUnchanged"
                    ? t("register.unchanged")
                    : t(`accountFlows.organisation.notice.${notice}`)}
        </p>
      ) : null}

      {confirmRemove ? (
        <section aria-labelledby="confirm-title" className="callout callout--essential confirm-remove">
          <h2 id="confirm-title">{t("accountFlows.organisation.confirm.title", { name: confirmRemove.name })}</h2>
          <p>{t("accountFlows.organisation.confirm.body", { name: confirmRemove.name, email: confirmRemove.email, organisation: organisation.name })}</p>
          <Form method="post" action="/organisation" className="actions">
            <CsrfInput />
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="personId" value={confirmRemove.personId} />
            <button type="submit">{t("accountFlows.organisation.confirm.submit")}</button>
            <Link to="/organisation" className="button secondary">
              {t("accountFlows.organisation.confirm.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      {register.length > 0 || organisation.kind === "praktijk" ? (
        <RegisterSection
          practices={register}
          regions={regions}
          editable={isBeheerder}
          feedback={actionData?.intent === "register" ? actionData.feedback : null}
          nameMax={nameMax}
        />
      ) : null}

      <section aria-labelledby="verification-title" id="verification" className="narrow">
        <h2 id="verification-title">{t("trust.organisation.title")}</h2>
        <p>
          {t("trust.organisation.status", { status: t(`trust.status.${verification.status}`) })}{" "}
          {verification.status === "verified" && verification.verifiedAt ? t("trust.organisation.verifiedOn", { date: formatDateTime(verification.verifiedAt, lng) }) : null}
        </p>
        {verification.status === "verified" && verification.basis && verification.basis.checked.length > 0 ? (
          <p>{t("trust.organisation.basis", { checked: verification.basis.checked.map((c) => t(`trust.organisation.checks.${c as "kvk"}`)).join(", ") })}</p>
        ) : null}
        {verification.status !== "verified" && verification.lastNote ? <p>{t("trust.organisation.note", { note: verification.lastNote })}</p> : null}
        {verification.claim ? (
          <p>{t(`trust.claim.${verification.claim.status as "open"}`, { name: verification.claim.name, agb: verification.claim.agb ?? "" })}</p>
        ) : null}
        <h3>{t("trust.organisation.identifiers")}</h3>
        <dl className="facts">
          <dt>{t("trust.organisation.checks.kvk")}</dt>
          <dd>{verification.kvk ?? t("trust.organisation.none")}</dd>
          {organisation.kind === "zorgverzekeraar" ? (
            <>
              <dt>{t("trust.organisation.checks.uzovi")}</dt>
              <dd>{verification.uzovi ?? t("trust.organisation.none")}</dd>
            </>
          ) : null}
        </dl>
        {mayAskAgain ? (
          <Form method="post" action="/organisation" className="stack" noValidate aria-labelledby="again-title">
            <h3 id="again-title">{t("trust.organisation.askAgain.title")}</h3>
            <p className="hint">{t("trust.organisation.askAgain.lead")}</p>
            <CsrfInput />
            <input type="hidden" name="intent" value="verification-again" />
            <TextField name="kvk" label={t("trust.fields.kvk")} autoComplete="off" inputMode="numeric" required={false} help={t("trust.fields.kvkHelp")} error={againErrors.kvk} defaultValue={againValues?.kvk ?? verification.kvk ?? ""} />
            {organisation.kind === "zorgverzekeraar" ? (
              <TextField name="uzovi" label={t("trust.fields.uzovi")} autoComplete="off" inputMode="numeric" required={false} help={t("trust.fields.uzoviHelp")} error={againErrors.uzovi} defaultValue={againValues?.uzovi ?? verification.uzovi ?? ""} />
            ) : null}
            <div className="field">
              <label htmlFor={inputId("note")}>{t("trust.organisation.askAgain.note")}</label>
              <textarea
                id={inputId("note")}
                name="note"
                rows={3}
                defaultValue={againValues?.note ?? ""}
                aria-invalid={againErrors.note ? true : undefined}
                aria-describedby={againErrors.note ? errorId("note") : undefined}
              />
              <FieldError id={errorId("note")} message={againErrors.note} bounds={{ max: noteMax }} />
            </div>
            <button type="submit">{t("trust.organisation.askAgain.submit")}</button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="mfa-title" id="mfa" className="narrow">
        <h2 id="mfa-title">{t("security.requireMfa.title")}</h2>
        {mfa.always ? (
          <p>{t("security.requireMfa.always")}</p>
        ) : (
          <>
            <p>{t(mfa.required ? "security.requireMfa.on" : "security.requireMfa.off")}</p>
            {isBeheerder ? (
              <Form method="post" action="/organisation">
                <CsrfInput />
                <input type="hidden" name="intent" value="require-mfa" />
                <button type="submit" name="value" value={mfa.required ? "off" : "on"} className="secondary">
                  {t(mfa.required ? "security.requireMfa.turnOff" : "security.requireMfa.turnOn")}
                </button>
              </Form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("accountFlows.organisation.members")}</h2>
        {isBeheerder ? null : <p className="hint">{t("accountFlows.organisation.readOnly")}</p>}
        <table className="members">
          <thead>
            <tr>
              <th scope="col">{t("accountFlows.organisation.name")}</th>
              <th scope="col">{t("accountFlows.organisation.email")}</th>
              <th scope="col">{t("accountFlows.organisation.role")}</th>
              <th scope="col">{t("accountFlows.organisation.since")}</th>
              {isBeheerder ? <th scope="col">{t("accountFlows.organisation.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const error = rowError && rowError.personId === member.personId ? rowError.error : undefined;
              const selectName = `role-${member.personId}`;
              return (
                <tr key={member.personId}>
                  <th scope="row">
                    {member.name} {member.personId === viewerPersonId ? t("accountFlows.organisation.you") : null}
                  </th>
                  <td>{member.email}</td>
                  <td>{t(`account.role.${member.role}`)}</td>
                  <td>{formatDateTime(member.since, lng)}</td>
                  {isBeheerder ? (
                    <td>
                      <Form method="post" action="/organisation" className="member-role">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="role" />
                        <input type="hidden" name="personId" value={member.personId} />
                        <label htmlFor={inputId(selectName)} className="visually-hidden">
                          {t("accountFlows.organisation.roleFor", { name: member.name })}
                        </label>
                        <select
                          id={inputId(selectName)}
                          name="role"
                          defaultValue={member.role}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? errorId(selectName) : undefined}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`account.role.${r}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="secondary small" aria-label={t("accountFlows.organisation.saveRoleFor", { name: member.name })}>
                          {t("accountFlows.organisation.saveRole")}
                        </button>
                        <Link
                          to={`/organisation?remove=${encodeURIComponent(member.personId)}`}
                          aria-label={t("accountFlows.organisation.removeFor", { name: member.name })}
                        >
                          {t("accountFlows.organisation.remove")}
                        </Link>
                      </Form>
                      <FieldError id={errorId(selectName)} message={error} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {isBeheerder ? (
        <>
          <section aria-labelledby="invite-title" className="narrow">
            <h2 id="invite-title">{t("accountFlows.organisation.invite.title")}</h2>
            <p id={helpId("invite")} className="hint">
              {t("accountFlows.organisation.invite.lead")}
            </p>
            <Form method="post" action="/organisation" className="stack" noValidate aria-describedby={helpId("invite")}>
              <CsrfInput />
              <input type="hidden" name="intent" value="invite" />
              {inviteErrors.form ? (
                <div className="callout callout--error" role="alert">
                  <FieldError id="invite-form-error" message={inviteErrors.form} />
                </div>
              ) : null}
              <div className="field">
                <label htmlFor={inputId("invite-email")}>{t("accountFlows.fields.email")}</label>
                <input
                  id={inputId("invite-email")}
                  name="email"
                  type="email"
                  autoComplete="off"
                  required
                  defaultValue={inviteValues?.email ?? ""}
                  aria-invalid={inviteErrors.email ? true : undefined}
                  aria-describedby={inviteErrors.email ? errorId("invite-email") : undefined}
                />
                <FieldError id={errorId("invite-email")} message={inviteErrors.email} bounds={{ max: 254 }} />
              </div>
              <div className="field">
                <label htmlFor={inputId("invite-role")}>{t("accountFlows.fields.role")}</label>
                <select
                  id={inputId("invite-role")}
                  name="role"
                  defaultValue={inviteValues?.role || "lezer"}
                  aria-invalid={inviteErrors.role ? true : undefined}
                  aria-describedby={inviteErrors.role ? errorId("invite-role") : undefined}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`account.role.${r}`)}
                    </option>
                  ))}
                </select>
                <FieldError id={errorId("invite-role")} message={inviteErrors.role} />
              </div>
              <button type="submit">{t("accountFlows.organisation.invite.submit")}</button>
            </Form>
          </section>

          {invitations.length > 0 ? (
            <section aria-labelledby="pending-title">
              <h2 id="pending-title">{t("accountFlows.organisation.pending.title")}</h2>
              <ul className="plain">
                {invitations.map((invitation) => (
                  <li key={`${invitation.email}-${invitation.createdAt}`}>
                    {invitation.email} · {invitation.role ? t(`account.role.${invitation.role}`) : null} ·{" "}
                    <span className="hint">{t("accountFlows.organisation.pending.until", { date: formatDateTime(invitation.expiresAt, lng) })}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}

      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t("privacy.section.title")}</h2>
        <ul className="plain">
          {isBeheerder ? (
            <li>
              <Link to="/organisation/privacy">{t("privacy.section.manage")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/account/erase">{t("privacy.section.eraseSelf")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
