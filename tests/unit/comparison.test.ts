/**
 * The comparison and the conversation guide count differences by one definition (differencesOf): for the
 * same pair they give the same number. Issue 13 saw "2 verschillen" on /compare and 4 in the guide, because
 * the comparison counted only questions while the guide also made a topic of every signal that differed.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { getAssessment, saveAnswers } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { compareAssessments, differencesOf } from "~/models/comparison.server";
import { buildPracticeGuide } from "~/models/guide.server";
import { loadPracticeWorkspace, type PracticeWorkspace } from "~/models/practice-workspace.server";
import { grantShare, submitAssessment } from "~/models/sharing.server";
import type { Viewer } from "~/models/viewer.server";
import { makeAnswers, makeOrganisation, makePractice, makeViewer } from "../factories";

let workspace: PracticeWorkspace;

async function answer(viewer: Viewer, assessmentId: string, answers: Record<string, unknown>) {
  const assessment = (await getAssessment({ id: assessmentId, viewerOrgId: viewer.organisationId }))!;
  await saveAnswers({ assessment, viewer, entries: Object.entries(answers).map(([questionId, value]) => ({ questionId, value: value as never, seenRevision: 0 })) });
}

beforeAll(async () => {
  const db = await getDb();
  const insurer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }), role: "beheerder" });
  const org = await makeOrganisation(db, { kind: "praktijk", name: "Praktijk Vergelijk" });
  const practice = await makePractice(db, { organisation_id: org.id, agb: "20000001", name: "Praktijk Vergelijk" });
  const beheerder = await makeViewer(db, { organisation: org, role: "beheerder" });

  // The practice answers the facts; the insurer's beoordeling answers two of them differently and leaves
  // the rest empty, so four signals differ as well: the owner by its answer, three as unknown.
  const self = (await startSelfAssessment({ practiceId: practice.id, viewer: beheerder }))!;
  await answer(beheerder, self, makeAnswers({ eigenaar: "huisarts", "ingeschreven-patienten": 5000 }));
  await submitAssessment((await getAssessment({ id: self, viewerOrgId: org.id }))!, beheerder);
  // Started before the share, so it starts empty (issue 13 prefills what is shared at the start).
  const own = (await startExternalAssessment({ practiceId: practice.id, viewer: insurer }))!;
  await grantShare((await getAssessment({ id: self, viewerOrgId: org.id }))!, beheerder, insurer.organisationId);
  await answer(insurer, own, { eigenaar: "bestuurder", "ingeschreven-patienten": 7000 });

  workspace = (await loadPracticeWorkspace(insurer, practice.id, "nl", "compare"))!;
});

describe("one definition of a difference", () => {
  test("signals and questions both count; a question answered on one side only is open, not a difference", () => {
    const c = compareAssessments(workspace.self!, workspace.own!, workspace.t, workspace.lng, workspace.wording);
    const found = differencesOf(c);
    expect(found.questions.map((d) => d.question.questionId).sort()).toEqual(["eigenaar", "ingeschreven-patienten"]);
    expect(found.signals.map((s) => s.id).sort()).toEqual(["no-gp-present", "owner-not-gp", "patients-per-fte", "unclear-organisation"]);
    expect(c.differences).toEqual({ total: 6, signals: 4, questions: 2 });
    // The huisartsen list is answered by the practice only: open.
    expect(c.sections.flatMap((s) => s.questions).find((q) => q.questionId === "huisartsen")?.state).toBe("open");
  });

  test("the guide has one difference topic per difference of the comparison, for the same pair", () => {
    const c = compareAssessments(workspace.self!, workspace.own!, workspace.t, workspace.lng, workspace.wording);
    const guide = buildPracticeGuide(workspace);
    expect(guide.counts.difference).toBe(c.differences.total);
    const topics = guide.sections.find((s) => s.id === "differences")!.entries.map((e) => e.id);
    const expected = [...differencesOf(c).signals.map((s) => `difference-signal-${s.id}`), ...differencesOf(c).questions.map((d) => `difference-${d.question.questionId}`)];
    expect(topics).toEqual(expected);
  });

  test("the compare page's sentence gives the same count, in words, split by kind", () => {
    const c = compareAssessments(workspace.self!, workspace.own!, workspace.t, workspace.lng, workspace.wording);
    const line = workspace.t("workspaces.compare.summary", { count: c.differences.total, signals: c.differences.signals, questions: c.differences.questions, open: c.open });
    expect(line).toMatch(/^6 verschillen \(4 bij de signalen, 2 bij de vragen\) en \d+ vragen/);
  });
});
