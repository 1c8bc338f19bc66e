/**
 * New recovery codes, shown once: they wait in the session, sealed with a key from the cookie's token,
 * until the person says they saved them. The database keeps only their hashes.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { clearPendingCodes, readPendingCodes } from "~/models/session.server";
import { requireSignedIn } from "~/models/viewer.server";
import { readForm } from "~/utils/csrf.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = titleMeta;

export { retryAfterHeaders as headers } from "~/utils/retry-after";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/security");
  return { pageTitle: await titleFor(request, "recoveryCodes"), codes: await readPendingCodes(request), redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const auth = await requireSignedIn(request);
  await clearPendingCodes(auth.session);
  return redirect(safeRedirect(form.get("redirectTo"), "/security"));
}

export default function RecoveryCodes() {
  const { codes, redirectTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("security.codes.title")}</h1>
      {codes ? (
        <>
          <p className="callout callout--essential">{t("security.codes.lead")}</p>
          <ol className="recovery-codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t("security.codes.none")}</p>
      )}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit">{t("security.codes.saved")}</button>
      </Form>
    </div>
  );
}
