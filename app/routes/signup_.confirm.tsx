/**
 * The link from the sign-up mail: it shows what will be created and asks for a press of the button (a
 * GET changes nothing, so a mail scanner that follows links creates nothing); the press uses the link
 * once, creates the unverified organisation and signs its beheerder in, who sets up a second factor first.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { confirmSignUp, getSignupRequest } from "~/models/account.server";
import { signedInRedirect } from "~/models/sign-in.server";
import { readForm } from "~/utils/csrf.server";
import { getEnv } from "~/utils/env.server";

export const meta = titleMeta;

const invalid = async (request: Request) => data({ valid: false as const, pageTitle: await titleFor(request, "signupConfirm") }, { status: 404 });

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const signup = await getSignupRequest(token);
  if (!signup) return invalid(request);
  return { pageTitle: await titleFor(request, "signupConfirm"), valid: true as const, token, email: signup.email, organisation: signup.organisationName };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const result = await confirmSignUp(String(form.get("token") ?? ""));
  if (!result.ok && result.reason === "agb-verified")
    return data({ error: "security.signup.agbTakenMeanwhile", contact: getEnv().PLATFORM_CONTACT }, { status: 409 });
  // Used, expired, unknown, or the address got an account meanwhile: the link does not work.
  if (!result.ok) return invalid(request);
  return signedInRedirect(request, { personId: result.personId, organisationId: result.organisationId, to: "/" });
}

export default function ConfirmSignUp() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!loaderData.valid || (actionData && "valid" in actionData)) {
    return (
      <div className="narrow">
        <h1>{t("security.signup.invalidTitle")}</h1>
        <p>{t("security.signup.invalidBody")}</p>
        <p>
          <a href="/signup">{t("accountFlows.signup.title")}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("security.signup.confirmTitle")}</h1>
      {actionData && "error" in actionData ? (
        <p className="callout callout--error" role="alert">
          {t(actionData.error, { contact: actionData.contact })}
        </p>
      ) : null}
      <p>{t("security.signup.confirmLead", { organisation: loaderData.organisation, email: loaderData.email })}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="token" value={loaderData.token} />
        <button type="submit">{t("security.signup.confirmSubmit")}</button>
      </Form>
    </div>
  );
}
