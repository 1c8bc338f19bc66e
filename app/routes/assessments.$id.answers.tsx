/** Autosave: one question at a time, as JSON. The section form posts here with JavaScript on. */
import { readForm } from "~/utils/csrf.server";
import type { ActionFunctionArgs } from "@remix-run/node";
import { FrozenAssessmentError } from "~/models/assessment.server";
import { findSection, requireEditableAssessment, saveSectionPost } from "~/models/assessment-context.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const ctx = await requireEditableAssessment(request, params);
  const section = findSection(ctx, String(form.get("_section") ?? ""));
  const only = String(form.get("_only") ?? "");
  // A register fact is not an answer: it is changed on /organisation, never here.
  if (!section.questions.some((q) => q.id === only && !(q.type === "text" && q.register))) {
    return Response.json({ ok: false, errors: { [only]: "errors.generic" } }, { status: 400 });
  }
  try {
    const result = await saveSectionPost(ctx, section, form, { only: new Set([only]) });
    const status = result.ok ? 200 : result.conflicts.length > 0 ? 409 : 400;
    return Response.json(result, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  } catch (error) {
    if (error instanceof FrozenAssessmentError) return Response.json({ ok: false, errors: {} }, { status: 409 });
    throw error;
  }
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405 });
}
