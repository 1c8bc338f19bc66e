import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import type { MemberRole } from "../../db/schema";
import { CsrfInput } from "~/components/csrf-input";
import { errorId, FieldError, helpId, inputId } from "~/components/field-error";
import { fallbackLng, isLng } from "~/i18n";
import i18next from "~/i18next.server";
import { changeMemberRole, inviteMember, listMembers, listOpenInvitations, removeMember } from "~/models/account.server";
import { requireRole, requireViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import accountStyles from "~/styles/account.css?url";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

const ROLES = ["beheerder", "invuller", "lezer"] as const satisfies readonly MemberRole[];
const NOTICES = ["invited", "roleChanged", "removed"] as const;
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
  const [members, invitations] = await Promise.all([
    listMembers({ viewerOrgId: viewer.organisationId }),
    isBeheerder ? listOpenInvitations({ viewerOrgId: viewer.organisationId }) : Promise.resolve([]),
  ]);
  const params = new URL(request.url).searchParams;
  const removeId = params.get("remove");
  const confirmRemove = isBeheerder && removeId ? (members.find((m) => m.personId === removeId) ?? null) : null;
  const notice = params.get("notice");
  return {
    pageTitle: await titleFor(request, "organisation", viewer.organisationName),
    organisation: { name: viewer.organisationName, kind: viewer.organisationKind },
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
    const result = await inviteMember({ viewer, email: parsed.data.email, role: parsed.data.role, lng: isLng(locale) ? locale : fallbackLng });
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
  const { organisation, viewerPersonId, isBeheerder, members, invitations, confirmRemove, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const inviteErrors: InviteErrors = actionData?.intent === "invite" ? actionData.errors : {};
  const inviteValues = actionData?.intent === "invite" ? actionData.values : undefined;
  const rowError = actionData?.intent === "member" ? actionData : null;

  return (
    <div className="organisation-page">
      <h1>{t("accountFlows.organisation.title")}</h1>
      <p className="lead">{t("accountFlows.organisation.kindLine", { organisation: organisation.name, kind: t(`account.kind.${organisation.kind}`) })}</p>
      {notice ? (
        <p className="callout callout--ok" role="status">
          {t(`accountFlows.organisation.notice.${notice}`)}
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
