/**
 * The practice register (issue 13): the form's validation, one AGB per practice, every change audited,
 * a verified organisation whose identifier changes awaits verification again, and the questionnaire:
 * a concept reads the register, a submitted version keeps what it said when it was submitted.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { parseRegisterForm } from "~/domain/register-form";
import { registerQuestions, withRegister } from "~/domain/register";
import { getQuestionnaire } from "~/models/content.server";
import { walk, progressTotals } from "~/domain/walk";
import { assessmentContext } from "~/models/assessment-context.server";
import { getAnswers, getAssessment, saveAnswers } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import { getRegisterFacts, listRegister, updateRegister } from "~/models/register.server";
import { startNextVersion, submitAssessment } from "~/models/sharing.server";
import type { Viewer } from "~/models/viewer.server";
import { makeOrganisation, makePractice, makeViewer, randomAgb } from "../factories";

const form = (overrides: Partial<Record<"practiceId" | "name" | "agb" | "kvk" | "postcode" | "regionId", string>> = {}) => ({
  practiceId: "p",
  name: "De Linde",
  agb: "01234567",
  kvk: "",
  postcode: "3511ab",
  regionId: "",
  ...overrides,
});

describe("the register form", () => {
  test.each([
    { name: "AGB of 7 digits", input: { agb: "1234567" }, field: "agb", message: "errors.agb" },
    { name: "AGB with a letter", input: { agb: "0123456A" }, field: "agb", message: "errors.agb" },
    { name: "AGB missing", input: { agb: " " }, field: "agb", message: "register.errors.agbRequired" },
    { name: "KvK of 9 digits", input: { kvk: "123456789" }, field: "kvk", message: "errors.kvk" },
    { name: "a postcode starting with 0", input: { postcode: "0123 AB" }, field: "postcode", message: "errors.postcode" },
    { name: "no name", input: { name: "   " }, field: "name", message: "register.errors.nameRequired" },
    { name: "a name too long", input: { name: "x".repeat(121) }, field: "name", message: "register.errors.nameTooLong" },
  ])("refuses $name with its message beside the field", ({ input, field, message }) => {
    const parsed = parseRegisterForm(form(input));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[field as "agb"]).toBe(message);
  });

  test("reads identifiers as strings of digits with their leading zeros, a postcode as written in the Netherlands", () => {
    const parsed = parseRegisterForm(form({ agb: "0123 45.67", kvk: "12.34.56.78", postcode: " 3511ab ", name: "  De Linde " }));
    expect(parsed).toEqual({ ok: true, data: { practiceId: "p", name: "De Linde", agb: "01234567", kvk: "12345678", postcode: "3511 AB", regionId: null } });
    expect(parseRegisterForm(form({ postcode: "" }))).toMatchObject({ ok: true, data: { postcode: null, kvk: null } });
  });
});

describe("changing the register", () => {
  let beheerder: Viewer;
  let invuller: Viewer;
  let stranger: Viewer;
  let practiceId: string;
  let agb: string;

  beforeAll(async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "praktijk", name: "Praktijk Register", verification: "pending" });
    agb = randomAgb();
    practiceId = (await makePractice(db, { organisation_id: org.id, agb, name: "Praktijk Register" })).id;
    beheerder = await makeViewer(db, { organisation: org, role: "beheerder", name: "Bea Beheer" });
    invuller = await makeViewer(db, { organisation: org, role: "invuller" });
    stranger = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "praktijk" }), role: "beheerder" });
  });

  const input = (overrides: Partial<{ name: string; agb: string; kvk: string | null; postcode: string | null; regionId: string | null }> = {}) => ({
    practiceId,
    name: "Praktijk Register",
    agb,
    kvk: null,
    postcode: "3511 AB",
    regionId: null,
    ...overrides,
  });

  test("its beheerder changes it; the change is an audit event with what it was and is, and who and when is shown", async () => {
    const db = await getDb();
    const region = await db.selectFrom("region").select(["id", "name"]).executeTakeFirst();
    const result = await updateRegister(beheerder, input({ postcode: "1234 AB", kvk: "87654321", regionId: region?.id ?? null }));
    expect(result).toMatchObject({ ok: true, verificationReset: false });
    const facts = await getRegisterFacts(db, practiceId);
    expect(facts.values).toMatchObject({ postcode: "1234 AB", kvk: "87654321", agb });
    expect(facts.changedBy).toBe("Bea Beheer");
    expect(facts.changedAt).not.toBeNull();
    const event = await db.selectFrom("audit_event").selectAll().where("subject_id", "=", practiceId).where("action", "=", "practice.register-changed").executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail!)).toMatchObject({ from: { postcode: "3511 AB", kvk: null }, to: { postcode: "1234 AB", kvk: "87654321" } });
    expect(event.actor_person_id).toBe(beheerder.personId);
    // The same values again change nothing and record nothing.
    expect(await updateRegister(beheerder, input({ postcode: "1234 AB", kvk: "87654321", regionId: region?.id ?? null }))).toEqual({ ok: true, changed: [], verificationReset: false });
    expect((await listRegister(beheerder)).map((p) => p.id)).toEqual([practiceId]);
  });

  test("an invuller may not; another organisation's beheerder finds nothing; an unknown region is refused", async () => {
    await expect(updateRegister(invuller, input({ name: "Anders" }))).rejects.toMatchObject({ status: 403 });
    expect(await updateRegister(stranger, input({ name: "Overgenomen" }))).toEqual({ ok: false, reason: "not-found" });
    expect(await updateRegister(beheerder, input({ regionId: "geen-regio" }))).toMatchObject({ ok: false, errors: { regionId: "register.errors.region" } });
    expect((await getRegisterFacts(await getDb(), practiceId)).values.name).toBe("Praktijk Register");
  });

  test("an AGB held by another practice is refused and nothing is half-stored", async () => {
    const db = await getDb();
    const other = await makePractice(db, { organisation_id: null, agb: randomAgb() });
    const before = await getRegisterFacts(db, practiceId);
    const result = await updateRegister(beheerder, input({ agb: other.agb!, name: "Half Opgeslagen", postcode: "9999 ZZ" }));
    expect(result).toEqual({ ok: false, reason: "invalid", errors: { agb: "register.errors.agbTaken" } });
    expect(await getRegisterFacts(db, practiceId)).toEqual(before);
  });

  test("a verified organisation that changes its AGB awaits verification again, with a request and an audit event", async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "praktijk", verification: "verified" });
    const own = await makePractice(db, { organisation_id: org.id });
    const viewer = await makeViewer(db, { organisation: org, role: "beheerder" });
    // A change that is not an identifier keeps the verification.
    expect(await updateRegister(viewer, { practiceId: own.id, name: "Nieuwe Naam", agb: own.agb!, kvk: null, postcode: null, regionId: null })).toMatchObject({ ok: true, verificationReset: false });
    const newAgb = randomAgb();
    const result = await updateRegister(viewer, { practiceId: own.id, name: "Nieuwe Naam", agb: newAgb, kvk: null, postcode: null, regionId: null });
    expect(result).toEqual({ ok: true, changed: ["agb"], verificationReset: true });
    expect((await db.selectFrom("organisation").select("verification").where("id", "=", org.id).executeTakeFirstOrThrow()).verification).toBe("pending");
    const request = await db.selectFrom("organisation_verification").selectAll().where("organisation_id", "=", org.id).executeTakeFirstOrThrow();
    expect(request).toMatchObject({ decision: "requested", decided_by: viewer.personId });
    expect(request.note).toContain(newAgb);
    const reset = await db.selectFrom("audit_event").select("action").where("subject_id", "=", org.id).where("action", "=", "organisation.verification-reset").execute();
    expect(reset).toHaveLength(1);
  });
});

describe("the register in the questionnaire", () => {
  let beheerder: Viewer;
  let insurer: Viewer;
  let practiceId: string;

  beforeAll(async () => {
    const db = await getDb();
    const org = await makeOrganisation(db, { kind: "praktijk", name: "Praktijk Gegeven" });
    practiceId = (await makePractice(db, { organisation_id: org.id, agb: randomAgb(), name: "Praktijk Gegeven", postcode: "3511 AB" })).id;
    beheerder = await makeViewer(db, { organisation: org, role: "beheerder" });
    insurer = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "zorgverzekeraar" }), role: "invuller" });
  });

  const load = async (id: string, viewer: Viewer) => assessmentContext((await getAssessment({ id, viewerOrgId: viewer.organisationId }))!, viewer);

  test("register questions are marked in the content, never counted as asked", () => {
    const questionnaire = getQuestionnaire(1);
    const questions = registerQuestions(questionnaire.sections);
    expect(Object.fromEntries(questions)).toEqual({ praktijknaam: "name", "agb-code": "agb", "kvk-nummer": "kvk", postcode: "postcode", regio: "region" });
    const facts = { practiceId: "p", values: { name: "De Linde", agb: "01234567", kvk: null, postcode: "3511 AB", region: "Utrecht" }, changedAt: null, changedBy: null };
    const answers = withRegister({ praktijknaam: "Oud getypt", eigenaar: "huisarts" }, questions, facts);
    expect(answers).toEqual({ praktijknaam: "De Linde", "agb-code": "01234567", postcode: "3511 AB", regio: "Utrecht", eigenaar: "huisarts" });
    expect(progressTotals(walk(questionnaire, answers)).answered).toBe(1);
  });

  test("a concept reads the register as it is; a submitted version keeps what it said at submission", async () => {
    const db = await getDb();
    const id = (await startSelfAssessment({ practiceId, viewer: beheerder }))!;
    // Something typed into a register question before issue 13 no longer speaks for a concept.
    await saveAnswers({ assessment: { id, status: "concept" }, viewer: beheerder, entries: [{ questionId: "praktijknaam", value: "Oud getypt", seenRevision: 0 }] });
    let ctx = await load(id, beheerder);
    expect(ctx.answers).toMatchObject({ praktijknaam: "Praktijk Gegeven", postcode: "3511 AB" });
    expect(ctx.stored.get("praktijknaam")?.revision).toBe(0);

    await submitAssessment(ctx.assessment, beheerder);
    const stored = await getAnswers(id);
    expect(stored.get("praktijknaam")?.value).toBe("Praktijk Gegeven");
    expect(stored.get("kvk-nummer")?.value).toBeNull();

    const agb = (await getRegisterFacts(db, practiceId)).values.agb!;
    expect(await updateRegister(beheerder, { practiceId, name: "Praktijk Hernoemd", agb, kvk: null, postcode: "1011 AA", regionId: null })).toMatchObject({ ok: true });
    ctx = await load(id, beheerder);
    expect(ctx.answers).toMatchObject({ praktijknaam: "Praktijk Gegeven", postcode: "3511 AB" });

    const next = await startNextVersion(ctx.assessment, beheerder);
    expect((await load(next, beheerder)).answers).toMatchObject({ praktijknaam: "Praktijk Hernoemd", postcode: "1011 AA", "agb-code": agb });
  });

  test("an insurer's own assessment shows the same given facts from the register", async () => {
    const id = (await startExternalAssessment({ practiceId, viewer: insurer }))!;
    const ctx = await load(id, insurer);
    expect(ctx.answers).toMatchObject({ praktijknaam: "Praktijk Hernoemd", postcode: "1011 AA" });
    expect(ctx.register?.changedAt).not.toBeNull();
  });
});
