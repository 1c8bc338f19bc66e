/** Where the browser lands after closing an organisation or erasing one's account: signed out, told so. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { useTranslation } from "react-i18next";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const what = new URL(request.url).searchParams.get("what");
  return {
    pageTitle: await titleFor(request, "erased"),
    what: what === "organisation" ? ("organisation" as const) : ("person" as const),
  };
}

export default function Erased() {
  const { what } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("privacy.erased.title")}</h1>
      <p className="callout callout--ok" role="status">
        {t(`privacy.erased.${what}`)}
      </p>
      <p>
        <a href="/">{t("privacy.erased.home")}</a>
      </p>
    </div>
  );
}
