import { readForm } from "~/utils/csrf.server";
import { CsrfInput } from "~/components/csrf-input";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAssessmentsForOrg, startSelfAssessment } from "~/models/assessment.server";
import { listPracticesForOrg } from "~/models/practice.server";
import { getViewer, requireViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Kernwaardenscan" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (!viewer) return { anonymous: true as const };
  const [practices, assessments] = await Promise.all([
    listPracticesForOrg({ viewerOrgId: viewer.organisationId }),
    listAssessmentsForOrg({ viewerOrgId: viewer.organisationId }),
  ]);
  return { anonymous: false as const, organisationName: viewer.organisationName, practices, assessments };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const form = await readForm(request);
  const practiceId = String(form.get("practiceId") ?? "");
  const id = await startSelfAssessment({ practiceId, viewer });
  if (!id) throw new Response("Not found", { status: 404 });
  return redirect(`/assessments/${id}`);
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
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
  return (
    <div className="home">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <p className="callout">{t("home.dialogue")}</p>
      <p className="hint">{t("home.signedInAs", { organisation: data.organisationName })}</p>
      <section aria-labelledby="practices-title">
        <h2 id="practices-title">{t("home.practices")}</h2>
        <ul className="cards">
          {data.practices.map((practice) => {
            const current = data.assessments.find((a) => a.practice_id === practice.id && a.status === "concept");
            return (
              <li key={practice.id} className="card">
                <h3>{practice.name}</h3>
                <p className="hint">
                  {t("home.agb")}: {practice.agb ?? "–"} · {practice.postcode ?? ""}
                </p>
                {current ? (
                  <p>
                    <Link className="button" to={`/assessments/${current.id}`}>
                      {t("home.continue")}
                    </Link>{" "}
                    <span className="hint">{t("home.lastChange", { date: formatDateTime(current.updated_at, lng) })}</span>
                  </p>
                ) : (
                  <Form method="post">
                    <CsrfInput />
<input type="hidden" name="practiceId" value={practice.id} />
                    <button type="submit">{t("home.start")}</button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
