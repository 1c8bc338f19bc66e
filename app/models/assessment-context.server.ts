/**
 * What every assessment page needs: the viewer, the assessment (authorized in the query), the
 * questionnaire version it is pinned to, its answers and the walk. And the one way a post is saved.
 */
import type { Params } from "@remix-run/react";
import { readSectionForm, sectionSchema, type AnswerValue } from "~/domain/answers";
import type { Section } from "~/domain/content/schema";
import { getQuestionnaire } from "~/models/content.server";
import { walk } from "~/domain/walk";
import {
  answerValues,
  getAnswers,
  getAssessment,
  recordView,
  saveAnswers,
  type AssessmentWithPractice,
  type Conflict,
  type SaveEntry,
  type StoredAnswer,
} from "./assessment.server";
import { getDb } from "../../db/index.server";
import { registerAnswers, registerQuestions, type RegisterFact, type RegisterFacts } from "~/domain/register";
import { getRegisterFacts } from "./register.server";
import { canEdit, requireViewer, type Viewer } from "./viewer.server";

/** The viewer and an assessment they may see, with its pinned questionnaire; 404 otherwise. */
export async function requireAssessment(request: Request, params: Params) {
  const viewer = await requireViewer(request);
  const assessment = params.id
    ? await getAssessment({ id: params.id, viewerOrgId: viewer.organisationId, viewerRole: viewer.role })
    : undefined;
  if (!assessment) throw new Response("Not found", { status: 404 });
  const editable = assessment.access === "author" && assessment.status === "concept" && canEdit(viewer);
  return { viewer, assessment, questionnaire: getQuestionnaire(assessment.content_version), editable };
}

/** For actions that change an assessment: only the author's beheerders and invullers, only a concept. */
export async function requireEditableAssessment(request: Request, params: Params) {
  const ctx = await requireAssessment(request, params);
  if (!ctx.editable) throw new Response(ctx.assessment.status === "concept" ? "Forbidden" : "Submitted versions cannot change", { status: ctx.assessment.status === "concept" ? 403 : 409 });
  return ctx;
}

export async function loadAssessmentContext(request: Request, params: Params) {
  const { viewer, assessment, editable } = await requireAssessment(request, params);
  await recordView(assessment, viewer, new URL(request.url).pathname.split("/").slice(3).join("/") || "home");
  return assessmentContext(assessment, viewer, editable);
}

/** The context of an assessment the viewer may see (authorized by the caller), for pages about a practice. */
export async function assessmentContext(assessment: AssessmentWithPractice, viewer: Viewer, editable = false) {
  const questionnaire = getQuestionnaire(assessment.content_version);
  const [raw, register] = await Promise.all([getAnswers(assessment.id), getRegisterFacts(await getDb(), assessment.practice_id)]);
  // A concept reads the register as it is now; a submitted version keeps the snapshot taken when it was submitted.
  const stored = assessment.status === "concept" ? withRegisterStored(raw, registerQuestions(questionnaire.sections), register) : raw;
  const answers = answerValues(stored);
  // Optional in the type: a context built by hand (a report of answers alone) has no register to show.
  const given: { register?: RegisterFacts } = { register };
  return { viewer, assessment, questionnaire, editable, stored, answers, ...given, states: walk(questionnaire, answers) };
}

/** The stored answers of a concept with the register in place of its register questions (revision 0: never saved here). */
function withRegisterStored(stored: Map<string, StoredAnswer>, questions: ReadonlyMap<string, RegisterFact>, register: RegisterFacts) {
  const out = new Map([...stored].filter(([id]) => !questions.has(id)));
  const at = register.changedAt ?? "";
  for (const [id, value] of Object.entries(registerAnswers(questions, register))) out.set(id, { value, revision: 0, updatedAt: at });
  return out;
}

export type AssessmentContext = Awaited<ReturnType<typeof loadAssessmentContext>>;

export type FieldErrors = Record<string, string>;

export type SavePostResult =
  | { ok: true; revisions: Record<string, number>; savedAt: string; changed: string[] }
  | { ok: false; errors: FieldErrors; conflicts: Conflict[]; revisions: Record<string, number>; savedAt: string | null };

/** Validates a section post with the shared schema and saves it whole, or saves nothing. */
export async function saveSectionPost(
  ctx: Pick<AssessmentContext, "viewer" | "assessment">,
  section: Section,
  form: FormData,
  options: { only?: ReadonlySet<string>; transform?: (values: Record<string, unknown>) => void } = {},
): Promise<SavePostResult> {
  const values = readSectionForm(section, form, options.only);
  options.transform?.(values);
  const parsed = sectionSchema(section).safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      errors[path] ??= issue.message;
    }
    return { ok: false, errors, conflicts: [], revisions: {}, savedAt: null };
  }
  // "Take theirs" (a button without JavaScript): that question is not saved; the stored answer stays.
  const taken = form.get("_take");
  const entries: SaveEntry[] = [];
  const seen: Record<string, number> = {};
  for (const [questionId, value] of Object.entries(parsed.data)) {
    if (value === undefined || questionId === taken) continue;
    seen[questionId] = revisionField(form, `_rev.${questionId}`) ?? 0;
    // "Keep mine": the person was shown the other answer at this revision and chose their own.
    const keep = revisionField(form, `_keep.${questionId}`);
    entries.push({ questionId, value: value as AnswerValue | null, seenRevision: keep ?? seen[questionId]!, overrule: keep !== null });
  }
  const result = await saveAnswers({ assessment: ctx.assessment, viewer: ctx.viewer, entries });
  if (result.conflicts.length > 0) {
    // A conflicted question keeps the revision the person saw, so no later save can build on the other answer.
    const kept = Object.fromEntries(result.conflicts.map((c) => [c.questionId, seen[c.questionId] ?? 0]));
    return { ok: false, errors: {}, conflicts: result.conflicts, revisions: { ...result.revisions, ...kept }, savedAt: result.savedAt };
  }
  return { ok: true, revisions: result.revisions, savedAt: result.savedAt, changed: result.changed };
}

function revisionField(form: FormData, name: string): number | null {
  const raw = form.get(name);
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}

export function findSection(ctx: Pick<AssessmentContext, "questionnaire">, sectionId: string | undefined) {
  const section = sectionId ? ctx.questionnaire.sectionById.get(sectionId) : undefined;
  if (!section) throw new Response("Not found", { status: 404 });
  return section;
}
