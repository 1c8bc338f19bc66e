/** Stored signals follow every save in the same transaction, and can be counted in SQL. */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { getAssessment, saveAnswers } from "~/models/assessment.server";
import { startSelfAssessment } from "~/models/start.server";
import { submitAssessment, startNextVersion } from "~/models/sharing.server";
import { SIGNAL_IDS } from "~/domain/content/schema";
import { backfillAssessmentSignals, SIGNAL_COLUMN } from "~/models/signal-store.server";
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

type Stored = Partial<Record<(typeof SIGNAL_IDS)[number], { status: string | null }>> & { figure?: number | null; count?: number | null };

async function stored(assessmentId: string): Promise<Stored> {
  const row = await (await getDb()).selectFrom("assessment").selectAll().where("id", "=", assessmentId).executeTakeFirstOrThrow();
  if (row.signals_at === null) return {};
  return {
    ...Object.fromEntries(SIGNAL_IDS.map((id) => [id, { status: row[SIGNAL_COLUMN[id]] }])),
    figure: row.patients_per_fte,
    count: row.signal_count,
  };
}

describe("stored signals", () => {
  test("every save recomputes them: owner and patients per fte follow the answers", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    const assessment = (await getAssessment({ id, viewerOrgId: viewer.organisationId }))!;
    const answers = makeAnswers({ eigenaar: "huisarts", "ingeschreven-patienten": 6000 });
    await saveAnswers({ assessment, viewer, entries: Object.entries(answers).map(([questionId, value]) => ({ questionId, value, seenRevision: 0 })) });
    const before = await stored(id);
    expect(Object.keys(before)).toHaveLength(7);
    expect(before["owner-not-gp"]?.status).toBe("no-signal");
    // 6000 patients on the factory's 64 huisarts hours a week (1.6 fte).
    expect(before.figure).toBe(3750);
    expect(before.count).toBe(0);

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

  test("a new version starts with its own stored signals, counted in SQL", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    const assessment = (await getAssessment({ id, viewerOrgId: viewer.organisationId }))!;
    await submitAssessment(assessment, viewer);
    const nextId = await startNextVersion((await getAssessment({ id, viewerOrgId: viewer.organisationId }))!, viewer);
    expect(await stored(nextId)).toEqual(await stored(id));
    const counts = await (await getDb())
      .selectFrom("assessment")
      .select(["sig_owner_not_gp as status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("id", "in", [id, nextId])
      .groupBy("sig_owner_not_gp")
      .execute();
    expect(counts).toEqual([{ status: "signal", n: 2 }]);
  });

  test("assessments without stored signals get them from the backfill", async () => {
    const db = await getDb();
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    await db.updateTable("assessment").set({ signals_at: null, sig_owner_not_gp: null }).where("id", "=", id).execute();
    expect(await stored(id)).toEqual({});
    expect(await backfillAssessmentSignals(db)).toBeGreaterThanOrEqual(1);
    expect(Object.keys(await stored(id))).toHaveLength(7);
    expect(await backfillAssessmentSignals(db)).toBe(0);
  });
});

describe("stored results and their rules version (issue 12)", () => {
  test("every save stores the results as computed with the version in force; submitting freezes them", async () => {
    const db = await getDb();
    const id = (await startSelfAssessment({ practiceId, viewer }))!;
    const assessment = (await getAssessment({ id, viewerOrgId: viewer.organisationId }))!;
    await saveAnswers({ assessment, viewer, entries: [{ questionId: "hagro-aanwezig", value: "nee", seenRevision: 0 }] });
    const row = () => db.selectFrom("assessment").select(["signals_rules_version", "signal_results", "sig_regional_cooperation"]).where("id", "=", id).executeTakeFirstOrThrow();
    const saved = await row();
    expect(saved.signals_rules_version).toBe(2);
    expect(JSON.parse(saved.signal_results!)["regional-cooperation"]).toMatchObject({ status: saved.sig_regional_cooperation, reason: "cooperation-unknown" });
    await submitAssessment((await getAssessment({ id, viewerOrgId: viewer.organisationId }))!, viewer);
    // A submitted version is never recomputed by the start-up backfill: it is what was submitted.
    await db.updateTable("assessment").set({ sig_regional_cooperation: "signal" }).where("id", "=", id).execute();
    await backfillAssessmentSignals(db);
    expect((await row()).sig_regional_cooperation).toBe("signal");
  });
});
