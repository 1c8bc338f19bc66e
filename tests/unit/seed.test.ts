/**
 * The demo seed, on its own fresh in-memory database (its own file, so counts are exact): every kind
 * of organisation, every role, a keten with member practices, and a self-assessment whose answers are
 * valid for the content version it is pinned to.
 */
import type { Kysely } from "kysely";
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Database, OrganisationKind } from "../../db/schema";
import { DEMO_ANSWERS, seedDemo, seedDemoIfEmpty } from "../../db/seed";
import { questionSchema } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";
import { answerValues, getAnswers } from "~/models/assessment.server";
import { listPracticesForOrg } from "~/models/practice.server";
import { DEMO_PASSWORD, DEMO_PRACTICE_EMAIL, viewerFor } from "../../db/seed";
import { verifyPassword } from "~/models/password.server";

const KINDS: OrganisationKind[] = ["praktijk", "keten", "zorgverzekeraar", "toezichthouder", "huisarts"];
let db: Kysely<Database>;

beforeAll(async () => {
  db = await getDb();
  await seedDemo(db);
});

describe("seedDemo", () => {
  test("fictitious regions only, each name saying so", async () => {
    const regions = await db.selectFrom("region").selectAll().execute();
    expect(regions).toHaveLength(12);
    expect(regions.every((r) => r.code.startsWith("DEMO-") && r.name.endsWith(" (fictief)"))).toBe(true);
  });

  test("the insurer and the toezichthouder each imported the demo spreadsheet of 14 practices, with its source", async () => {
    const imports = await db
      .selectFrom("facts_import")
      .innerJoin("organisation", "organisation.id", "facts_import.organisation_id")
      .select(["organisation.kind", "facts_import.status", "facts_import.row_count", "facts_import.error_count", "facts_import.source"])
      .orderBy("organisation.kind")
      .execute();
    expect(imports).toEqual([
      { kind: "toezichthouder", status: "confirmed", row_count: 14, error_count: 0, source: "Demogegevens (fictief)" },
      { kind: "zorgverzekeraar", status: "confirmed", row_count: 14, error_count: 0, source: "Demogegevens (fictief)" },
    ]);
    expect(Number((await db.selectFrom("imported_facts").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n)).toBe(28);
    // The practice's own answers are untouched by the imports.
    expect((await db.selectFrom("answer").select("question_id").execute()).length).toBe(Object.keys(DEMO_ANSWERS).length);
  });

  test("one organisation of each of the 5 kinds", async () => {
    const orgs = await db.selectFrom("organisation").select(["kind", "name"]).execute();
    expect(orgs.map((o) => o.kind).sort()).toEqual([...KINDS].sort());
    expect(orgs.every((o) => o.name.includes("demo"))).toBe(true);
  });

  test("3 people per organisation: beheerder, invuller and lezer, with example.com emails", async () => {
    const rows = await db
      .selectFrom("membership")
      .innerJoin("person", "person.id", "membership.person_id")
      .select(["membership.organisation_id", "membership.role", "person.email"])
      .execute();
    expect(rows).toHaveLength(15);
    const byOrg = new Map<string, string[]>();
    for (const r of rows) byOrg.set(r.organisation_id, [...(byOrg.get(r.organisation_id) ?? []), r.role]);
    expect(byOrg.size).toBe(5);
    for (const roles of byOrg.values()) expect(roles.sort()).toEqual(["beheerder", "invuller", "lezer"]);
    expect(rows.every((r) => r.email.endsWith(".example.com"))).toBe(true);
  });

  test("4 practices in the keten, one of them (De Linde) speaking for itself, 10 more known only from imports; AGB codes keep their leading zero", async () => {
    const orgId = async (kind: OrganisationKind) =>
      (await db.selectFrom("organisation").select("id").where("kind", "=", kind).executeTakeFirstOrThrow()).id;
    const practices = await db.selectFrom("practice").selectAll().execute();
    expect(practices).toHaveLength(14);
    expect(practices.filter((p) => p.organisation_id !== null).map((p) => p.organisation_id)).toEqual([await orgId("praktijk")]);
    const keten = await orgId("keten");
    expect(practices.filter((p) => p.keten_id === keten)).toHaveLength(4);
    expect(practices.every((p) => p.region_id !== null)).toBe(true);
    expect(practices.every((p) => typeof p.agb === "string" && /^0\d{7}$/.test(p.agb))).toBe(true);
    expect(await listPracticesForOrg({ viewerOrgId: keten })).toHaveLength(4);
    expect(await listPracticesForOrg({ viewerOrgId: await orgId("zorgverzekeraar") })).toHaveLength(0);
  });

  test("the demo practice's invuller signs in with the demo password; every demo person has a hash", async () => {
    const viewer = await viewerFor(db, DEMO_PRACTICE_EMAIL);
    expect(viewer).toMatchObject({ organisationKind: "praktijk", role: "invuller" });
    const people = await db.selectFrom("person").select(["email", "password_hash"]).execute();
    expect(people.every((p) => p.password_hash?.startsWith("$argon2id$"))).toBe(true);
    const person = people.find((p) => p.email === DEMO_PRACTICE_EMAIL)!;
    expect(await verifyPassword(person.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(person.password_hash, "wrong-password-entirely")).toBe(false);
  });

  test("a demo self-assessment in progress whose answers all pass questionSchema", async () => {
    const viewer = await viewerFor(db, DEMO_PRACTICE_EMAIL);
    const assessments = await db.selectFrom("assessment").selectAll().execute();
    expect(assessments).toHaveLength(1);
    const assessment = assessments[0]!;
    expect(assessment).toMatchObject({
      author_org_id: viewer.organisationId,
      perspective: "zelfevaluatie",
      status: "concept",
      content_version: 1,
    });

    const questionnaire = getQuestionnaire(assessment.content_version);
    const answers = answerValues(await getAnswers(assessment.id));
    expect(answers).toStrictEqual(DEMO_ANSWERS);
    for (const [id, value] of Object.entries(answers)) {
      const found = questionnaire.questionById.get(id);
      expect(found, `question ${id} exists in v${assessment.content_version}`).toBeDefined();
      const result = questionSchema(found!.question).safeParse(value);
      expect(result.error?.issues, id).toBeUndefined();
      // Stored values are already in their parsed form.
      expect(result.data, id).toStrictEqual(value);
    }
    const changed = await db
      .selectFrom("audit_event")
      .select("subject_id")
      .where("assessment_id", "=", assessment.id)
      .where("action", "=", "answer.changed")
      .execute();
    expect(changed).toHaveLength(Object.keys(DEMO_ANSWERS).length);
  });

  test("seedDemoIfEmpty leaves a seeded database alone", async () => {
    await expect(seedDemoIfEmpty(db)).resolves.toBe(false);
    const orgs = await db.selectFrom("organisation").select("id").execute();
    expect(orgs).toHaveLength(5);
  });
});
