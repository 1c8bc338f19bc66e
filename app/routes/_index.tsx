import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError } from "~/components/field-error";
import { listAssessmentsForOrg, PERSPECTIVE_OF_KIND } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { listPracticesForOrg } from "~/models/practice.server";
import { getCurrentQuestionnaire } from "~/models/content.server";
import {
  createRequest,
  decideRequest,
  findPracticeByAgb,
  listRequestsReceived,
  listRequestsSent,
  listKetenSelfAssessments,
  listSharedWithOrg,
  SharingError,
  HOME_LIST_LIMIT,
  REQUEST_MESSAGE_MAX,
  REQUESTS_PER_DAY,
} from "~/models/sharing.server";
import { hasPortfolio } from "~/models/portfolio.server";
import { canEdit, getAuth, isVerified, mfaRedirect, requireRole, requireVerified, requireViewer } from "~/models/viewer.server";
import { getOwnVerification } from "~/models/platform.server";
import { VerifiedMark } from "~/components/verified-mark";
import { TrustBanner } from "~/components/trust-banner";
import { useLng } from "~/utils/content-text";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  // A sign-in that still needs its second factor (or its enrolment) goes there first.
  if (auth.kind !== "none" && auth.mfa !== "ok") throw mfaRedirect(auth.mfa, "/");
  // The platform beheerder has no organisation: its home is the platform's own pages.
  if (auth.kind === "platform") throw redirect("/beheer");
  if (auth.kind === "none") return { anonymous: true as const, pageTitle: await titleFor(request, "landing") };
  const viewer = auth.viewer;
  const speaksForPractices = viewer.organisationKind === "praktijk" || viewer.organisationKind === "keten";
  // Read per request: an unverified (or withdrawn) organisation sees, and acts on, its own things only.
  const verified = isVerified(viewer);
  const [practices, assessments, shared, received, sent, members, trust] = await Promise.all([
    speaksForPractices ? listPracticesForOrg({ viewerOrgId: viewer.organisationId, includeMembers: verified }) : Promise.resolve([]),
    listAssessmentsForOrg({ viewerOrgId: viewer.organisationId }),
    verified ? listSharedWithOrg(viewer.organisationId) : Promise.resolve([]),
    viewer.organisationKind === "praktijk" ? listRequestsReceived(viewer.organisationId) : Promise.resolve([]),
    speaksForPractices ? Promise.resolve([]) : listRequestsSent(viewer.organisationId),
    verified && viewer.organisationKind === "keten" && viewer.role === "beheerder" ? listKetenSelfAssessments(viewer.organisationId) : Promise.resolve([]),
    verified ? Promise.resolve(null) : getOwnVerification(viewer),
  ]);
  return {
    anonymous: false as const,
    pageTitle: await titleFor(request, "home", viewer.organisationName),
    verified,
    trust: trust && { status: trust.verification, note: trust.lastDecision?.note ?? null, claim: trust.claim },
    requestMax: REQUEST_MESSAGE_MAX,
    sharedMore: shared.length >= HOME_LIST_LIMIT,
    organisationName: viewer.organisationName,
    kind: viewer.organisationKind,
    perspective: PERSPECTIVE_OF_KIND[viewer.organisationKind],
    canEdit: canEdit(viewer),
    isBeheerder: viewer.role === "beheerder",
    speaksForPractices,
    hasPortfolio: hasPortfolio(viewer),
    practices,
    assessments,
    shared,
    received,
    sent,
    members,
  };
}

const AgbSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const agb = value.replace(/[\s.]/g, "");
    if (!/^\d{8}$/.test(agb)) {
      ctx.issues.push({ code: "custom", message: "errors.agb", input: value });
      return z.NEVER;
    }
    return agb;
  }),
);

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const viewer = await requireViewer(request);
  const intent = String(form.get("_intent") ?? "");
  if (intent === "start-self") {
    requireRole(viewer, ["beheerder", "invuller"]);
    const id = await startSelfAssessment({ practiceId: String(form.get("practiceId") ?? ""), viewer });
    if (!id) throw new Response("Not found", { status: 404 });
    // Starting means beginning: straight into the first section (a new assessment's walk starts there).
    return redirect(`/assessments/${id}/sections/${getCurrentQuestionnaire().sections[0]!.id}`);
  }
  if (intent === "start-external" || intent === "request") {
    requireRole(viewer, ["beheerder", "invuller"]);
    if (PERSPECTIVE_OF_KIND[viewer.organisationKind] === "zelfevaluatie") throw new Response("Forbidden", { status: 403 });
    // Looking a practice up and asking it for its work is acting on others: verified organisations only.
    requireVerified(viewer);
    const agb = AgbSchema.safeParse(String(form.get("agb") ?? ""));
    if (!agb.success) return data({ intent, field: "agb", error: "errors.agb", max: 0 }, { status: 400 });
    // A message longer than the limit is refused with the limit, never cut (the person's words stay theirs).
    const message = String(form.get("message") ?? "").trim();
    if (intent === "request" && message.length > REQUEST_MESSAGE_MAX) {
      return data({ intent, field: "message", error: "trust.requests.messageTooLong", max: REQUEST_MESSAGE_MAX }, { status: 400 });
    }
    const practice = await findPracticeByAgb(viewer, agb.data);
    if (!practice) return data({ intent, field: "agb", error: "sharing.errors.unknownAgb", max: 0 }, { status: 400 });
    if (intent === "start-external") {
      const id = await startExternalAssessment({ practiceId: practice.id, viewer });
      if (!id) throw new Response("Forbidden", { status: 403 });
      return redirect(`/assessments/${id}`);
    }
    if (!practice.organisation_id) return data({ intent, field: "agb", error: "sharing.errors.noAccount", max: 0 }, { status: 400 });
    const result = await createRequest(viewer, practice.id, message || null);
    if (!result.ok) {
      const error = result.reason === "already-open" ? "trust.requests.alreadyOpen" : "trust.requests.dailyLimit";
      return data({ intent, field: "agb", error, max: REQUESTS_PER_DAY }, { status: result.reason === "already-open" ? 409 : 429 });
    }
    return redirect("/?done=requested#requests");
  }
  if (intent === "accept" || intent === "decline") {
    requireRole(viewer, ["beheerder"]);
    try {
      const id = await decideRequest(viewer, String(form.get("requestId") ?? ""), intent === "accept");
      return redirect(id ? `/assessments/${id}#sharing` : "/#requests");
    } catch (error) {
      if (error instanceof SharingError && error.code === "nothing-submitted") {
        return data({ intent, field: "request", error: "sharing.errors.nothingSubmitted", max: 0 }, { status: 409 });
      }
      if (error instanceof SharingError && error.code === "unverified") {
        return data({ intent, field: "request", error: "trust.errors.shareUnverified", max: 0 }, { status: 403 });
      }
      if (error instanceof SharingError) throw new Response("Not found", { status: 404 });
      throw error;
    }
  }
  throw new Response("Bad request", { status: 400 });
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  if (data.anonymous) {
    return (
      <div className="home">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p className="callout">{t("home.dialogue")}</p>
        <p>{t("landing.signInPrompt")}</p>
        <p>
          <Link className="button" to="/login">
            {t("account.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  const agbError = (intent: string) => (actionData && actionData.intent === intent && actionData.field !== "message" ? actionData.error : undefined);
  const messageError = actionData && actionData.intent === "request" && actionData.field === "message" ? actionData.error : undefined;
  const errorValues = { max: actionData && "max" in actionData ? actionData.max : 0 };
  return (
    <div className="home">
      <h1>{t("home.title")}</h1>
      <p className="hint">{t("home.signedInAs", { organisation: data.organisationName })}</p>
      {data.trust ? <TrustBanner kind={data.kind} status={data.trust.status} note={data.trust.note} claim={data.trust.claim} /> : null}
      {data.hasPortfolio ? (
        <p className="callout">
          {t(data.kind === "keten" ? "home.workspace.leadKeten" : "home.workspace.lead")} <Link to="/portfolio">{t("home.workspace.open")}</Link>
        </p>
      ) : null}

      {data.speaksForPractices ? (
        <section aria-labelledby="practices-title">
          <h2 id="practices-title">{t("home.practices")}</h2>
          <ul className="cards">
            {data.practices.map((practice) => {
              const mine = [...data.assessments, ...data.members].filter((a) => a.practice_id === practice.id);
              const current = mine.find((a) => a.status === "concept");
              const submitted = mine.filter((a) => a.status === "ingediend");
              return (
                <li key={practice.id} className="card">
                  <h3>
                    {practice.name} {data.kind === "keten" ? <VerifiedMark verification={practice.verification} /> : null}
                  </h3>
                  <p className="hint">
                    {t("home.agb")}: {practice.agb ?? "–"} · {practice.postcode ?? ""}
                  </p>
                  {/* One place for the register (issue 13): name, AGB, postcode and region are changed on /organisation. */}
                  {data.isBeheerder && (data.kind === "praktijk" || practice.organisation_id === null) ? (
                    <p className="hint">
                      {t("register.home.where")} <Link to="/organisation#register">{t("register.home.edit")}</Link>
                    </p>
                  ) : null}
                  {current ? (
                    <p>
                      <Link className="button" to={`/assessments/${current.id}`}>
                        {t("home.continue")}
                      </Link>{" "}
                      <span className="hint">{t("home.lastChange", { date: formatDateTime(current.updated_at, lng) })}</span>
                    </p>
                  ) : data.kind === "keten" ? (
                    mine.length === 0 ? (
                      <p className="hint">{t("home.noSelfAssessment")}</p>
                    ) : null
                  ) : data.canEdit && data.kind === "praktijk" ? (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="practiceId" value={practice.id} />
                      <button type="submit" name="_intent" value="start-self">
                        {submitted.length > 0 ? t("home.startNext") : t("home.start")}
                      </button>
                    </Form>
                  ) : null}
                  {(data.kind === "keten" ? mine : submitted).length > 0 ? (
                    <ul className="plain">
                      {(data.kind === "keten" ? mine : submitted).map((a) => (
                        <li key={a.id}>
                          <Link to={`/assessments/${a.id}`}>{t("sharing.version", { version: a.version_no })}</Link> · {t(`sharing.status.${a.status}`)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {data.kind === "praktijk" ? (
        <section aria-labelledby="requests-title" id="requests">
          <h2 id="requests-title">{t("sharing.received")}</h2>
          {data.received.length === 0 ? <p className="hint">{t("sharing.noRequests")}</p> : null}
          {agbError("accept") ? <FieldError id="request-error" message={agbError("accept")} /> : null}
          {agbError("decline") ? <FieldError id="decline-error" message={agbError("decline")} /> : null}
          <ul className="plain">
            {data.received.map((r) => (
              <li key={r.id} className="card">
                <p>
                  {t("sharing.requestFrom", { organisation: r.requester_name, practice: r.practice_name, date: formatDateTime(r.created_at, lng) })}{" "}
                  <VerifiedMark verification={r.requester_verification} />
                </p>
                {r.message ? <p className="note-text">{r.message}</p> : null}
                {data.isBeheerder ? (
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="requestId" value={r.id} />
                    <button type="submit" name="_intent" value="accept">
                      {t("sharing.accept", { organisation: r.requester_name })}
                    </button>{" "}
                    <button type="submit" name="_intent" value="decline" className="secondary">
                      {t("sharing.decline", { organisation: r.requester_name })}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!data.speaksForPractices ? (
        <>
          <section aria-labelledby="shared-title">
            <h2 id="shared-title">{t("sharing.sharedWithUs")}</h2>
            {data.shared.length === 0 ? <p className="hint">{t("sharing.nothingShared")}</p> : null}
            <ul className="plain">
              {data.shared.map((s) => (
                <li key={s.id}>
                  <Link to={`/assessments/${s.id}`}>
                    {s.practice_name} · {t("sharing.version", { version: s.version_no })}
                  </Link>{" "}
                  <VerifiedMark verification={s.practice_verification} />{" "}
                  <span className="hint">{t("sharing.sharedOn", { date: formatDateTime(s.shared_at, lng) })}</span>
                </li>
              ))}
            </ul>
            {data.sharedMore && data.hasPortfolio ? (
              <p>
                <Link to="/portfolio?source=self">{t("home.workspace.allShared")}</Link>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="own-title">
            <h2 id="own-title">{t(`home.own.${data.perspective}`)}</h2>
            {data.assessments.length === 0 ? (
              <p className="hint">
                {data.verified ? t("register.empty.own") : t("register.start.unverified")}{" "}
                {data.verified && data.hasPortfolio ? <Link to="/portfolio">{t("register.empty.portfolio")}</Link> : null}
              </p>
            ) : null}
            <ul className="plain">
              {data.assessments.map((a) => (
                <li key={a.id}>
                  <Link to={`/assessments/${a.id}`}>
                    {a.practice_name} · {t("sharing.version", { version: a.version_no })}
                  </Link>{" "}
                  <span className="hint">{t(`sharing.status.${a.status}`)}</span> ·{" "}
                  <Link to={`/practices/${a.practice_id}/guide`}>{t(data.kind === "huisarts" ? "home.workspace.beforeJoining" : "home.workspace.guide")}</Link>
                </li>
              ))}
            </ul>
            {data.canEdit && data.verified ? (
              <Form method="post" className="inline-form" noValidate>
                <CsrfInput />
                <label htmlFor="start-agb">{t("home.agbOfPractice")}</label>{" "}
                <input
                  id="start-agb"
                  name="agb"
                  type="text"
                  inputMode="numeric"
                  className="input-number"
                  aria-describedby={agbError("start-external") ? "start-agb-error" : undefined}
                />{" "}
                <button type="submit" name="_intent" value="start-external">
                  {t(`home.startAbout.${data.perspective}`)}
                </button>
                <FieldError id="start-agb-error" message={agbError("start-external")} />
              </Form>
            ) : null}
          </section>

          <section aria-labelledby="sent-title" id="requests">
            <h2 id="sent-title">{t("sharing.sent")}</h2>
            <ul className="plain">
              {data.sent.map((r) => (
                <li key={r.id}>
                  {r.practice_name} <VerifiedMark verification={r.practice_verification} /> · {t(`sharing.requestStatus.${r.status}`)}{" "}
                  <span className="hint">{formatDateTime(r.created_at, lng)}</span>
                </li>
              ))}
            </ul>
            {data.canEdit && data.verified ? (
              <Form method="post" className="stack" noValidate>
                <CsrfInput />
                <div className="field">
                  <label htmlFor="request-agb">{t("home.agbOfPractice")}</label>
                  <input id="request-agb" name="agb" type="text" inputMode="numeric" className="input-number" aria-describedby={agbError("request") ? "request-agb-error" : undefined} />
                  <FieldError id="request-agb-error" message={agbError("request")} values={errorValues} />
                </div>
                <div className="field">
                  <label htmlFor="request-message">{t("sharing.message")}</label>
                  <p id="request-message-help" className="hint">
                    {t("trust.requests.messageHelp", { max: data.requestMax })}
                  </p>
                  <textarea
                    id="request-message"
                    name="message"
                    rows={2}
                    aria-describedby={["request-message-help", messageError ? "request-message-error" : ""].filter(Boolean).join(" ")}
                    aria-invalid={messageError ? true : undefined}
                  />
                  <FieldError id="request-message-error" message={messageError} values={errorValues} />
                </div>
                <button type="submit" name="_intent" value="request">
                  {t("sharing.request")}
                </button>
              </Form>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
