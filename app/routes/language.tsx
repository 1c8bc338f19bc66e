import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { fallbackLng, isLng } from "~/i18n";
import { localeCookie } from "~/i18next.server";

/** Only local paths: the switch must not become an open redirect. */
function safeRedirect(to: FormDataEntryValue | null) {
  return typeof to === "string" && to.startsWith("/") && !to.startsWith("//") ? to : "/";
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(isLng(lng) ? lng : fallbackLng) },
  });
}

export function loader() {
  return redirect("/");
}
