/**
 * Demo data for an empty database: fictitious organisations of every kind, a demo chain with member
 * practices, demo people for every role, and a self-assessment in progress. Every name says "demo".
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Answers } from "../app/domain/answers";
import { DEMO_REGIONS } from "../app/domain/regional/demo-regions";
import { hashPassword } from "../app/models/password.server";
import { selectViewer, type Viewer } from "../app/models/viewer.server";
import type { Database, MemberRole, OrganisationKind } from "./schema";

/** People sign in as ROLE@DOMAIN.example.com (accounts arrive with issue 4). */
export const DEMO_ORGANISATIONS: Array<{ key: string; kind: OrganisationKind; name: string; domain: string; kvk: string | null; uzovi: string | null }> = [
  { key: "praktijk", kind: "praktijk", name: "Huisartsenpraktijk De Linde (demo)", domain: "praktijk-de-linde", kvk: "12345678", uzovi: null },
  { key: "keten", kind: "keten", name: "Zorggroep Voorbeeldketen (demo)", domain: "voorbeeldketen", kvk: "90000001", uzovi: null },
  { key: "verzekeraar", kind: "zorgverzekeraar", name: "Voorbeeld Zorgverzekeraar (demo)", domain: "voorbeeld-verzekeraar", kvk: "90000002", uzovi: "9901" },
  { key: "toezicht", kind: "toezichthouder", name: "Voorbeeld Toezichthouder (demo)", domain: "voorbeeld-toezicht", kvk: null, uzovi: null },
  { key: "huisarts", kind: "huisarts", name: "Huisartsengroep Overweging (demo)", domain: "huisartsengroep-overweging", kvk: null, uzovi: null },
];

/** The demo organisations are verified on the basis "demo": fictitious, nothing to check. */
export const DEMO_VERIFICATION_BASIS = JSON.stringify({ checked: ["other"], note: "demo" });

const ROLES: MemberRole[] = ["beheerder", "invuller", "lezer"];

/** What the demo matrix says its figures are: invented, so nobody mistakes them for real ones. */
export const DEMO_REGION_SOURCE = "Fictieve demogegevens (geen echte cijfers)";

/** Demo mode only: every demo person signs in with this password (listed in the README). */
export const DEMO_PASSWORD = "Kernwaarden-demo-2026";

export function demoEmail(orgKey: string, role: MemberRole) {
  const org = DEMO_ORGANISATIONS.find((o) => o.key === orgKey);
  if (!org) throw new Error(`no demo organisation ${orgKey}`);
  return `${role}@${org.domain}.example.com`;
}

/** The demo practice's invuller: who the seeded self-assessment was filled in by. */
export const DEMO_PRACTICE_EMAIL = "invuller@praktijk-de-linde.example.com";

/** A practice that answered its facts and part of the kernwaarden: the overview has something to show. */
export const DEMO_ANSWERS: Answers = {
  praktijknaam: "Huisartsenpraktijk De Linde (demo)",
  "agb-code": "01234567",
  "kvk-nummer": "12345678",
  postcode: "3511 AB",
  regio: "Utrecht (demo)",
  eigenaar: "huisarts",
  rechtsvorm: "maatschap",
  "ingeschreven-patienten": 6300,
  huisartsen: [
    { rol: "praktijkhouder", "uren-per-week": 40, "dagen-aanwezig": ["ma", "di", "do", "vr"], "jaren-verbonden": 12 },
    { rol: "huisarts-in-dienst", "uren-per-week": 24, "dagen-aanwezig": ["di", "wo", "do"], "jaren-verbonden": 4 },
    { rol: "vaste-waarnemer", "uren-per-week": 16, "dagen-aanwezig": ["wo", "vr"], "jaren-verbonden": 2 },
  ],
  team: {
    "poh-somatiek": { personen: 2, uren: 48 },
    "poh-ggz": { personen: 1, uren: 24 },
    doktersassistent: { personen: 4, uren: 112 },
    pa: { personen: null, uren: null },
    vs: { personen: null, uren: null },
    aios: { personen: 1, uren: 36 },
    anios: { personen: null, uren: null },
    praktijkmanager: { personen: 1, uren: 20 },
  },
};

/**
 * A demo database made before organisations were verified: its seeded demo organisations (found by
 * their names and their beheerder's demo address) are verified on the basis "demo". Demo mode only.
 */
export async function verifyDemoOrganisations(db: Kysely<Database>) {
  const now = new Date().toISOString();
  // Its seeded demo people, too, are marked as such (they may sign in without a second factor in demo mode).
  const demoEmails = DEMO_ORGANISATIONS.flatMap((o) => ROLES.map((role) => `${role}@${o.domain}.example.com`));
  await db.updateTable("person").set({ demo: 1 }).where("email", "in", demoEmails).where("demo", "=", 0).where("platform_admin", "=", 0).execute();
  for (const org of DEMO_ORGANISATIONS) {
    const row = await db
      .selectFrom("organisation")
      .innerJoin("membership", "membership.organisation_id", "organisation.id")
      .innerJoin("person", "person.id", "membership.person_id")
      .select("organisation.id")
      .where("organisation.name", "=", org.name)
      .where("organisation.verification", "=", "pending")
      .where("person.email", "=", `beheerder@${org.domain}.example.com`)
      .executeTakeFirst();
    if (!row) continue;
    await db.updateTable("organisation").set({ verification: "verified", verified_at: now, verification_basis: DEMO_VERIFICATION_BASIS }).where("id", "=", row.id).execute();
    await db.insertInto("organisation_verification").values({ id: randomUUID(), organisation_id: row.id, decision: "verified", checked: JSON.stringify(["other"]), note: "demo", decided_by: null, decided_at: now }).execute();
  }
}

export async function seedDemoIfEmpty(db: Kysely<Database>) {
  const any = await db.selectFrom("organisation").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db);
  return true;
}

export async function seedDemo(db: Kysely<Database>) {
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds: Record<string, string> = {};
  await db.transaction().execute(async (trx) => {
    for (const org of DEMO_ORGANISATIONS) {
      orgIds[org.key] = randomUUID();
      await trx
        .insertInto("organisation")
        .values({ id: orgIds[org.key]!, kind: org.kind, name: org.name, created_at: now, kvk: org.kvk, uzovi: org.uzovi, verification: "verified", verified_at: now, verified_by: null, verification_basis: DEMO_VERIFICATION_BASIS })
        .execute();
      await trx
        .insertInto("organisation_verification")
        .values({ id: randomUUID(), organisation_id: orgIds[org.key]!, decision: "verified", checked: JSON.stringify(["other"]), note: "demo", decided_by: null, decided_at: now })
        .execute();
      for (const role of ROLES) {
        const personId = randomUUID();
        await trx
          .insertInto("person")
          .values({
            id: personId,
            email: `${role}@${org.domain}.example.com`,
            name: `Demo ${role} ${org.name.replace(" (demo)", "")}`,
            password_hash: passwordHash,
            created_at: now,
            // In demo mode a seeded demo person may sign in without a second factor (said on the sign-in page).
            demo: 1,
          })
          .execute();
        await trx.insertInto("membership").values({ person_id: personId, organisation_id: orgIds[org.key]!, role, created_at: now }).execute();
      }
    }
    // The fictitious huisartsenregio's of the demo matrix (codes DEMO-xx, names "… (fictief)") with their figures.
    const { storeRegionRows } = await import("../app/models/regions.server");
    await storeRegionRows(trx, DEMO_REGIONS, { importId: null, source: DEMO_REGION_SOURCE, at: now });
    const regionIds = new Map((await trx.selectFrom("region").select(["id", "code"]).execute()).map((r) => [r.code, r.id]));
    const practices = [
      // De Linde speaks for itself (its own account) and belongs to the demo keten, whose beheerder reads its self-assessments.
      { name: "Huisartsenpraktijk De Linde (demo)", agb: "01234567", postcode: "3511 AB", organisation_id: orgIds.praktijk!, keten_id: orgIds.keten!, region: "DEMO-03" },
      { name: "Huisartsenpraktijk Het Anker (demo)", agb: "01230001", postcode: "3012 CD", organisation_id: null, keten_id: orgIds.keten!, region: "DEMO-06" },
      { name: "Gezondheidscentrum De Brug (demo)", agb: "01230002", postcode: "2511 EF", organisation_id: null, keten_id: orgIds.keten!, region: "DEMO-06" },
      { name: "Huisartsenpost-praktijk Zuid (demo)", agb: "01230003", postcode: "5611 GH", organisation_id: null, keten_id: orgIds.keten!, region: "DEMO-01" },
    ];
    for (const { region, ...p } of practices) {
      await trx
        .insertInto("practice")
        .values({ id: randomUUID(), region_id: regionIds.get(region) ?? null, created_at: now, updated_at: now, ...p })
        .execute();
    }
  });

  // The demo practice's self-assessment in progress goes through the same model as a person's answers.
  const { saveAnswers, getAssessment } = await import("../app/models/assessment.server");
  const { startSelfAssessment } = await import("../app/models/start.server");
  const viewer = await viewerFor(db, DEMO_PRACTICE_EMAIL);
  const practice = await db.selectFrom("practice").select("id").where("organisation_id", "=", orgIds.praktijk!).executeTakeFirstOrThrow();
  const assessmentId = await startSelfAssessment({ practiceId: practice.id, viewer });
  const assessment = await getAssessment({ id: assessmentId!, viewerOrgId: viewer.organisationId });
  await saveAnswers({
    assessment: assessment!,
    viewer,
    entries: Object.entries(DEMO_ANSWERS).map(([questionId, value]) => ({ questionId, value, seenRevision: 0 })),
  });

  // The insurer and the toezichthouder read practice facts in through the same import as their people do.
  const { previewImport, confirmImport } = await import("../app/models/facts-import.server");
  const bytes = readFileSync(DEMO_FACTS_FILE);
  for (const orgKey of ["verzekeraar", "toezicht"]) {
    const importer = await viewerFor(db, demoEmail(orgKey, "beheerder"));
    const preview = await previewImport({ viewer: importer, fileName: path.basename(DEMO_FACTS_FILE), bytes, source: "Demogegevens (fictief)", sourceDate: now.slice(0, 10) });
    if (!preview.ok) throw new Error(`the demo facts do not import: ${JSON.stringify(preview.problems)}`);
    await confirmImport(importer, preview.id);
  }
}

/**
 * The fictitious practice facts the demo insurer and toezichthouder have imported. Found from the
 * working directory, as content/ is: this module is bundled into the server build.
 */
export const DEMO_FACTS_FILE = path.resolve(process.cwd(), "db/demo/praktijkgegevens-demo.csv");

/** The viewer a demo person would be when signed in (for seeding through the models). */
export async function viewerFor(db: Kysely<Database>, email: string): Promise<Viewer> {
  return selectViewer(db).where("person.email", "=", email).executeTakeFirstOrThrow();
}
