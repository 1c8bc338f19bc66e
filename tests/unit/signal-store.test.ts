/** Stored signals follow every save in the same transaction, and can be counted in SQL. */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { getAssessment, saveAnswers, startSelfAssessment } from "~/models/assessment.server";
import { submitAssessment, startNextVersion } from "~/models/sharing.server";
import { backfillAssessmentSignals, countSignals } from "~/models/signal-store.server";
import type { Viewer } from "~/models/viewer.server";
import { makeAnswers, makeOrganisation, makePractice, makeViewer } from "../factories";

let viewer: Viewer;
let practiceId: string;

beforeAll(async () => {
  const db = await getDb();
  const org = await makeOrganisation(db, { kind: "praktijk" });
  practiceId = (await makePractice(db, { organisation_id: org.id })).id;
  viewer = await makeViewer(db, { organisation: org, role: "beheerder" });
});

async function stored(assessmentId: string) {
  const rows = await (await getDb()).selectFrom("assessment_signal").selectAll().where("assessment_id", "=", assessmentId).execute();
  return Object.fromEntries(rows.map((r) => [r.signal_id, { status: r.status, figure: r.figure }]));
}

describe("stored signals", () => {
  test("every save recomputes them: owner and patients per fte follow the answers", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    const assessment = (await getAssessment({ id, viewerOrgId: viewer.organisationId }))!;
    const answers = makeAnswers({ eigenaar: "huisarts", "ingeschreven-patienten": 6000 });
    await saveAnswers({ assessment, viewer, entries: Object.entries(answers).map(([questionId, value]) => ({ questionId, value, seenRevision: 0 })) });
    const before = await stored(id);
    expect(Object.keys(before)).toHaveLength(5);
    expect(before["owner-not-gp"]?.status).toBe("no-signal");

    await saveAnswers({ assessment, viewer, entries: [{ questionId: "eigenaar", value: "bestuurder", seenRevision: 1 }] });
    expect((await stored(id))["owner-not-gp"]?.status).toBe("signal");
  });

  test("a refused save (conflict) leaves them as they were", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    const assessment = (await getAssessment({ id, viewerOrgId: viewer.organisationId }))!;
    const before = await stored(id);
    const result = await saveAnswers({ assessment, viewer, entries: [{ questionId: "eigenaar", value: "huisarts", seenRevision: 0 }] });
    expect(result.conflicts).toHaveLength(1);
    expect(await stored(id)).toEqual(before);
  });

  test("a new version starts with its own stored signals; counts group by signal and status", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    const assessment = (await getAssessment({ id, viewerOrgId: viewer.organisationId }))!;
    await submitAssessment(assessment, viewer);
    const nextId = await startNextVersion((await getAssessment({ id, viewerOrgId: viewer.organisationId }))!, viewer);
    expect(await stored(nextId)).toEqual(await stored(id));
    const counts = await countSignals(await getDb(), [id, nextId]);
    expect(counts.find((c) => c.signal_id === "owner-not-gp" && c.status === "signal")?.n).toBe(2);
  });

  test("assessments without stored signals get them from the backfill", async () => {
    const db = await getDb();
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    await db.deleteFrom("assessment_signal").where("assessment_id", "=", id).execute();
    expect(await stored(id)).toEqual({});
    expect(await backfillAssessmentSignals(db)).toBeGreaterThanOrEqual(1);
    expect(Object.keys(await stored(id))).toHaveLength(5);
  });
});
