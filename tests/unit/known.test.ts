/**
 * Issue 13: a supervisor's assessment starts from what it may see (only that: grants, revocations,
 * verification), each answer with its source; statements start empty; a change clears the mark and a
 * confirmation keeps the value. "Klopt nog" confirms a section on the revisions seen, never over a newer
 * answer. A next version carries every answer; changes and the portfolio's "signals changed" follow.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Organisation } from "../../db/schema";
import { getAnswers, getAssessment, saveAnswers } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { changesSincePrevious } from "~/models/known-view.server";
import { assessmentContext } from "~/models/assessment-context.server";
import { renderReportPdf } from "~/models/report-export.server";
import { buildReport } from "~/models/report.server";
import i18next from "~/i18next.server";
import { pdfFacts } from "../pdf-info";
import { confirmImport, previewImport } from "~/models/facts-import.server";
import { confirmAnswers, compareVersions, findPrefillSources, getAnswerMeta, getSectionConfirmations, previousVisibleVersion } from "~/models/known.server";
import { computePortfolioEntries, getPortfolio, DEFAULT_QUERY } from "~/models/portfolio.server";
import { grantShare, revokeShare, startNextVersion, submitAssessment } from "~/models/sharing.server";
import { saveSignalContext } from "~/models/signal-context.server";
import type { Viewer } from "~/models/viewer.server";
import { getCurrentQuestionnaire } from "~/models/content.server";
import { REGISTER_FACT_IDS } from "~/domain/prefill";
import { makeHuisarts, makeOrganisation, makePractice, makeTeam, makeViewer, randomAgb, statement } from "../factories";

const HEADER = "agb;naam;eigenaar;ingeschreven_patienten;uren_huisarts_per_week;dagen_huisarts_fysiek_aanwezig;medisch_eindverantwoordelijke_huisarts;governance_vastgelegd;hagro;anw";

let practiceOrg: Organisation;
let practiceId: string;
let agb: string;
let practice: Viewer;
let insurer: Viewer;
let toezicht: Viewer;
let unverified: Viewer;

const load = (id: string, v: Viewer) => getAssessment({ id, viewerOrgId: v.organisationId, viewerRole: v.role });

async function importFacts(viewer: Viewer, line: string, sourceDate: string) {
  const result = await previewImport({ viewer, fileName: "praktijken.csv", bytes: Buffer.from([HEADER, line].join("\r\n")), source: "Vektis, test", sourceDate });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  await confirmImport(viewer, result.id);
}

/** De Linde's self-assessment, submitted: facts, register facts, statements. */
async function submittedSelfAssessment() {
  const id = (await startSelfAssessment({ practiceId, viewer: practice }))!;
  const concept = (await load(id, practice))!;
  await saveAnswers({
    assessment: concept,
    viewer: practice,
    entries: [
      { questionId: "praktijknaam", value: "De Linde", seenRevision: 0 },
      { questionId: "regio", value: "Utrecht", seenRevision: 0 },
      { questionId: "eigenaar", value: "huisarts", seenRevision: 0 },
      { questionId: "ingeschreven-patienten", value: 4200, seenRevision: 0 },
      { questionId: "huisartsen", value: [makeHuisarts({ "uren-per-week": 36 }), makeHuisarts({ rol: "huisarts-in-dienst", "uren-per-week": 24 })], seenRevision: 0 },
      { questionId: "team", value: makeTeam(), seenRevision: 0 },
      { questionId: "hagro-aanwezig", value: "ja", seenRevision: 0 },
      { questionId: "vaste-huisarts", value: statement("ja", "eigen lijst"), seenRevision: 0 },
      { questionId: "medisch-eindverantwoordelijke-huisarts", value: statement("ja"), seenRevision: 0 },
    ],
  });
  await submitAssessment(concept, practice);
  return (await load(id, practice))!;
}

beforeAll(async () => {
  const db = await getDb();
  practiceOrg = await makeOrganisation(db, { kind: "praktijk", name: "De Linde" });
  agb = randomAgb();
  practiceId = (await makePractice(db, { organisation_id: practiceOrg.id, name: "De Linde", agb })).id;
  practice = await makeViewer(db, { organisation: practiceOrg, role: "beheerder", name: "Anna Praktijk" });
  insurer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }), role: "beheerder", name: "Ines Verzekeraar" });
  toezicht = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "toezichthouder" }), role: "beheerder" });
  unverified = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar", verification: "pending" }), role: "beheerder" });
});

describe("start from what is known", () => {
  let v1: Awaited<ReturnType<typeof submittedSelfAssessment>>;
  let shareToInsurer: string;

  beforeAll(async () => {
    v1 = await submittedSelfAssessment();
    shareToInsurer = await grantShare(v1, practice, insurer.organisationId);
  });

  test("only the facts of the shared version and the viewer's own import; statements and register facts start empty", async () => {
    // The import is older than the submission (peildatum 1 November), and says 3900 patients.
    await importFacts(insurer, `${agb};De Linde;huisarts;3900;60;ma di wo do vr;ja;ja;ja;ja`, "2026-11-01");
    const id = (await startExternalAssessment({ practiceId, viewer: insurer }))!;
    const stored = await getAnswers(id);
    const meta = await getAnswerMeta(id);
    // Facts taken from the self-assessment, the more recent source.
    expect(stored.get("ingeschreven-patienten")?.value).toBe(4200);
    expect(stored.get("huisartsen")?.value).toHaveLength(2);
    expect(stored.get("team")?.value).toEqual(makeTeam());
    expect(stored.get("hagro-aanwezig")?.value).toBe("ja");
    const patients = meta.get("ingeschreven-patienten")!.origin!;
    expect(patients).toMatchObject({ source: "self-assessment", assessmentId: v1.id, versionNo: 1, practiceName: "De Linde", rule: "newer" });
    expect(patients.other).toMatchObject({ ref: { source: "import", sourceDate: "2026-11-01" }, same: false });
    expect(meta.get("eigenaar")!.origin!.other?.same).toBe(true);
    // The assessor's own view starts empty; register facts are given elsewhere, never prefilled.
    expect(stored.has("vaste-huisarts")).toBe(false);
    expect(stored.has("medisch-eindverantwoordelijke-huisarts")).toBe(false);
    for (const id of REGISTER_FACT_IDS) expect(stored.has(id)).toBe(false);
    // A real answer: its signals are computed from it.
    const assessment = (await load(id, insurer))!;
    expect(assessment.sig_owner_not_gp).toBe("no-signal");
    expect(assessment.sig_patients_per_fte).toBe("no-signal");
  });

  test("a more recent import wins, and says what the self-assessment said", async () => {
    const db = await getDb();
    const huisarts = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }), role: "beheerder" });
    await grantShare(v1, practice, huisarts.organisationId);
    await importFacts(huisarts, `${agb};De Linde;huisarts;5000;60;ma di wo do vr;ja;ja;ja;ja`, "2099-01-01");
    const id = (await startExternalAssessment({ practiceId, viewer: huisarts }))!;
    expect((await getAnswers(id)).get("ingeschreven-patienten")?.value).toBe(5000);
    const origin = (await getAnswerMeta(id)).get("ingeschreven-patienten")!.origin!;
    expect(origin).toMatchObject({ source: "import", sourceDate: "2099-01-01", rule: "newer", other: { ref: { source: "self-assessment", versionNo: 1 }, same: false } });
    // Facts only the self-assessment gives keep their single source.
    expect((await getAnswerMeta(id)).get("huisartsen")!.origin!.source).toBe("self-assessment");
  });

  test("a revoked grant is not used; an import still is", async () => {
    const db = await getDb();
    const viewer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "toezichthouder" }), role: "beheerder" });
    const share = await grantShare(v1, practice, viewer.organisationId);
    expect((await findPrefillSources(db, viewer, practiceId)).self?.ref.assessmentId).toBe(v1.id);
    await revokeShare(v1, practice, share);
    expect((await findPrefillSources(db, viewer, practiceId)).self).toBeUndefined();
    const id = (await startExternalAssessment({ practiceId, viewer }))!;
    expect((await getAnswers(id)).size).toBe(0);
  });

  test("nothing of others for an organisation without a grant, or not verified", async () => {
    const db = await getDb();
    expect(await findPrefillSources(db, toezicht, practiceId)).toEqual({});
    const id = (await startExternalAssessment({ practiceId, viewer: toezicht }))!;
    expect((await getAnswers(id)).size).toBe(0);
    // An unverified organisation writes about no practice; even its grants would not count.
    await db.insertInto("share").values({ id: crypto.randomUUID(), assessment_id: v1.id, organisation_id: unverified.organisationId, granted_by: null, created_at: new Date().toISOString(), revoked_at: null, revoked_by: null }).execute();
    expect(await startExternalAssessment({ practiceId, viewer: unverified })).toBeNull();
    expect((await findPrefillSources(db, unverified, practiceId)).self).toBeUndefined();
  });

  test("confirming keeps the value and records the person; changing clears the mark", async () => {
    const id = (await startExternalAssessment({ practiceId, viewer: insurer }))!;
    const assessment = (await load(id, insurer))!;
    const before = await getAnswers(id);
    const ok = await confirmAnswers({ assessment, viewer: insurer, questionIds: ["eigenaar"], revisions: { eigenaar: before.get("eigenaar")!.revision } });
    expect(ok.ok).toBe(true);
    const meta = await getAnswerMeta(id);
    expect(meta.get("eigenaar")).toMatchObject({ confirmedBy: "Ines Verzekeraar", origin: { source: "self-assessment" } });
    expect((await getAnswers(id)).get("eigenaar")).toMatchObject({ value: "huisarts", revision: before.get("eigenaar")!.revision });
    // A change makes it the assessor's own answer: no origin, no confirmation.
    await saveAnswers({ assessment, viewer: insurer, entries: [{ questionId: "eigenaar", value: "bestuurder", seenRevision: before.get("eigenaar")!.revision }] });
    expect((await getAnswerMeta(id)).has("eigenaar")).toBe(false);
    expect((await getAnswerMeta(id)).get("ingeschreven-patienten")?.origin).not.toBeNull();
    // The share is still live: the insurer's grant was not touched by any of this.
    expect(shareToInsurer).toBeTruthy();
  });
});

describe("next year in five minutes", () => {
  test("a next version carries every answer and context text; Klopt nog confirms on the revisions seen, never over a newer answer", async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "praktijk" });
    const pid = (await makePractice(db, { organisation_id: org.id })).id;
    const a = await makeViewer(db, { organisation: org, role: "invuller", name: "Anna" });
    const b = await makeViewer(db, { organisation: org, role: "invuller", name: "Bram" });
    const first = (await startSelfAssessment({ practiceId: pid, viewer: a }))!;
    const c1 = (await load(first, a))!;
    await saveAnswers({
      assessment: c1,
      viewer: a,
      entries: [
        { questionId: "eigenaar", value: "huisarts", seenRevision: 0 },
        { questionId: "ingeschreven-patienten", value: 2000, seenRevision: 0 },
        { questionId: "huisartsen", value: [makeHuisarts()], seenRevision: 0 },
        { questionId: "vaste-huisarts", value: statement("deels", "toelichting"), seenRevision: 0 },
      ],
    });
    await saveSignalContext({ assessment: c1, viewer: a, signalId: "owner-not-gp", text: "Onze borging", seenRevision: 0 });
    await submitAssessment(c1, a);
    const second = await startNextVersion((await load(first, a))!, a);
    const c2 = (await load(second, a))!;
    const carried = await getAnswers(second);
    // The register facts were snapshotted into the submitted version; the next version reads the register again.
    const original = new Map([...(await getAnswers(first))].filter(([q]) => !REGISTER_FACT_IDS.includes(q)));
    expect([...carried.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [q, s] of original) expect(carried.get(q)?.value).toEqual(s.value);
    const context = await db.selectFrom("signal_context").select(["signal_id", "text"]).where("assessment_id", "=", second).execute();
    expect(context).toEqual([{ signal_id: "owner-not-gp", text: "Onze borging" }]);
    // Carried answers are not "taken over" from another organisation: no origin marks.
    expect((await getAnswerMeta(second)).size).toBe(0);

    // Bram changes the patients while Anna still has the old page: her "Klopt nog" must not confirm over it.
    const seen = Object.fromEntries([...carried].map(([q, s]) => [q, s.revision]));
    await saveAnswers({ assessment: c2, viewer: b, entries: [{ questionId: "ingeschreven-patienten", value: 2600, seenRevision: seen["ingeschreven-patienten"]! }] });
    const section = getCurrentQuestionnaire().sectionById.get("praktijkgegevens")!;
    const ids = section.questions.map((q) => q.id);
    const stale = await confirmAnswers({ assessment: c2, viewer: a, questionIds: ids, revisions: seen, sectionId: section.id });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.conflicts).toEqual([expect.objectContaining({ questionId: "ingeschreven-patienten", theirs: 2600, by: "Bram" })]);
    expect((await getSectionConfirmations(second)).size).toBe(0);
    expect((await getAnswers(second)).get("ingeschreven-patienten")?.value).toBe(2600);

    // On the current revisions it is confirmed: who and when, values and revisions unchanged.
    const now = await getAnswers(second);
    const fresh = await confirmAnswers({ assessment: c2, viewer: a, questionIds: ids, revisions: Object.fromEntries([...now].map(([q, s]) => [q, s.revision])), sectionId: section.id });
    expect(fresh.ok).toBe(true);
    expect((await getSectionConfirmations(second)).get("praktijkgegevens")).toMatchObject({ confirmedBy: "Anna" });
    expect(await getAnswers(second)).toEqual(now);
    const events = await db.selectFrom("audit_event").select("action").where("assessment_id", "=", second).where("action", "=", "section.confirmed").execute();
    expect(events).toHaveLength(1);

    // What changed since version 1, and the two versions side by side.
    const previous = (await previousVisibleVersion(c2, a))!;
    expect(previous.assessment.id).toBe(first);
    const compared = (await compareVersions({ id: second, withId: first, viewer: a, questionnaire: getCurrentQuestionnaire() }))!;
    expect(compared.older.id).toBe(first);
    expect(compared.diff.answers.filter((r) => r.change).map((r) => [r.questionId, r.before, r.after])).toEqual([["ingeschreven-patienten", 2000, 2600]]);
    // Another organisation compares nothing it may not see.
    expect(await compareVersions({ id: second, withId: first, viewer: insurer, questionnaire: getCurrentQuestionnaire() })).toBeNull();

    // The report's PDF opens with what changed, as the page does.
    // As the pages build it: a concept reads the register facts from the register.
    const ctx = await assessmentContext((await load(second, a))!, a, true);
    const t = await i18next.getFixedT("nl");
    const changes = (await changesSincePrevious(ctx, t, "nl"))!;
    expect(changes.answers.map((x) => [x.question, x.after, x.was])).toEqual([["Aantal ingeschreven patiënten", "2.600", "was: 2.000"]]);
    const pdf = pdfFacts(await renderReportPdf(await buildReport(ctx, "nl"), t, { lng: "nl", changes }));
    expect(pdf.pageTexts[0]).toMatch(/Gewijzigd sinds versie 1\s+•?\s*Aantal ingeschreven patiënten \(Praktijkgegevens\): 2\.600 \(was: 2\.000\)/);
  });

  test("a grantee's previous version is the one shared before, never an unshared one", async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "praktijk" });
    const pid = (await makePractice(db, { organisation_id: org.id })).id;
    const a = await makeViewer(db, { organisation: org, role: "beheerder" });
    const grantee = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }), role: "lezer" });
    const ids: string[] = [];
    let id = (await startSelfAssessment({ practiceId: pid, viewer: a }))!;
    for (const patients of [2000, 3000, 4500]) {
      const c = (await load(id, a))!;
      await saveAnswers({ assessment: c, viewer: a, entries: [{ questionId: "ingeschreven-patienten", value: patients, seenRevision: (await getAnswers(id)).get("ingeschreven-patienten")?.revision ?? 0 }] });
      await submitAssessment(c, a);
      ids.push(id);
      if (patients !== 4500) id = await startNextVersion((await load(id, a))!, a);
    }
    await grantShare((await load(ids[0]!, a))!, a, grantee.organisationId);
    await grantShare((await load(ids[2]!, a))!, a, grantee.organisationId);
    const v3 = (await load(ids[2]!, grantee))!;
    expect((await previousVisibleVersion(v3, grantee))!.assessment.id).toBe(ids[0]);
    expect((await previousVisibleVersion(v3, a))!.assessment.id).toBe(ids[1]);
    expect(await compareVersions({ id: ids[2]!, withId: ids[1]!, viewer: grantee, questionnaire: getCurrentQuestionnaire() })).toBeNull();
  });

  test("the portfolio says whether a practice's signals changed since its previous version, kept in the saving transaction", async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "zorgverzekeraar" });
    const viewer = await makeViewer(db, { organisation: org, role: "beheerder" });
    const pid = (await makePractice(db, { name: "Praktijk Veranderd" })).id;
    const first = (await startExternalAssessment({ practiceId: pid, viewer }))!;
    const c1 = (await load(first, viewer))!;
    await saveAnswers({ assessment: c1, viewer, entries: [{ questionId: "eigenaar", value: "huisarts", seenRevision: 0 }] });
    await submitAssessment(c1, viewer);
    const entry = () => db.selectFrom("portfolio_entry").select(["signals_changed", "source_id"]).where("organisation_id", "=", org.id).where("practice_id", "=", pid).executeTakeFirstOrThrow();
    expect((await entry()).signals_changed).toBeNull();
    const second = await startNextVersion((await load(first, viewer))!, viewer);
    expect(await entry()).toEqual({ signals_changed: 0, source_id: second });
    const c2 = (await load(second, viewer))!;
    await saveAnswers({ assessment: c2, viewer, entries: [{ questionId: "eigenaar", value: "bestuurder", seenRevision: 1 }] });
    expect((await entry()).signals_changed).toBe(1);
    const stored = await db.selectFrom("portfolio_entry").selectAll().where("organisation_id", "=", org.id).execute();
    const computed = await computePortfolioEntries(db, { id: org.id, kind: "zorgverzekeraar" });
    expect(stored.map(({ organisation_id: _o, ...r }) => r)).toEqual(computed);
    const page = await getPortfolio(viewer, { ...DEFAULT_QUERY, filter: { changed: true } });
    expect(page.rows.map((r) => [r.name, r.signalsChanged])).toEqual([["Praktijk Veranderd", true]]);
  });
});
