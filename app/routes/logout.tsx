import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/models/session.server";
import { readForm } from "~/utils/csrf.server";

export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  return redirect("/", { headers: { "Set-Cookie": await destroySession(request) } });
}

export function loader() {
  return redirect("/");
}
