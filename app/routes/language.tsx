import { readForm } from "~/utils/csrf.server";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { asLng } from "~/i18n";
import { localeCookie } from "~/i18next.server";
import { safeRedirect } from "~/utils/safe-redirect";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lng = form.get("lng");
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(asLng(lng)) },
  });
}

export function loader() {
  return redirect("/");
}
