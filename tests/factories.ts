/**
 * Test factories: valid defaults, overridable per test. Rows go straight into the database given, so a
 * test builds exactly the world it needs; emails end in @example.com.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Answers, ListItemValue, GridValue, StatementChoice, StatementValue } from "~/domain/answers";
import type { HuisartsFact, PracticeFacts } from "~/domain/facts";
import type { SignalFacts } from "~/domain/signals";
import type { PlatformViewer, Viewer } from "~/models/viewer.server";
import type { Database, MemberRole, Organisation, OrganisationKind, Practice, VerificationStatus } from "../db/schema";

const now = () => new Date().toISOString();

/** An organisation; verified by default (the platform checked it), as most tests act on others. */
export async function makeOrganisation(
  db: Kysely<Database>,
  overrides: Partial<{ id: string; kind: OrganisationKind; name: string; verification: VerificationStatus; kvk: string | null; uzovi: string | null }> = {},
): Promise<Organisation> {
  const verification = overrides.verification ?? "verified";
  const row: Organisation = {
    id: randomUUID(),
    kind: "praktijk",
    name: `Testorganisatie ${randomUUID().slice(0, 8)}`,
    created_at: now(),
    closed_at: null,
    kvk: null,
    uzovi: null,
    verified_at: verification === "verified" ? now() : null,
    verified_by: null,
    verification_basis: verification === "verified" ? JSON.stringify({ checked: ["other"], note: "test" }) : null,
    require_mfa: 0,
    ...overrides,
    verification,
  };
  await db.insertInto("organisation").values(row).execute();
  return row;
}

/** Eight random digits: an AGB code no other test practice has (in all likelihood: 10^8 codes). */
export const randomAgb = () => String(Math.floor(Math.random() * 100_000_000)).padStart(8, "0");

/** A practice; without organisation_id or keten_id it belongs to a new praktijk organisation. */
export async function makePractice(db: Kysely<Database>, overrides: Partial<Practice> = {}): Promise<Practice> {
  const owned = "organisation_id" in overrides || Boolean(overrides.keten_id);
  const row: Practice = {
    id: randomUUID(),
    organisation_id: owned ? null : (await makeOrganisation(db, { kind: "praktijk" })).id,
    keten_id: null,
    region_id: null,
    // One practice, one AGB (a unique index): each practice its own random code unless a test gives one.
    agb: randomAgb(),
    name: `Testpraktijk ${randomUUID().slice(0, 8)}`,
    postcode: "3511 AB",
    created_at: now(),
    updated_at: now(),
    register_changed_at: null,
    register_changed_by: null,
    ...overrides,
  };
  await db.insertInto("practice").values(row).execute();
  return row;
}

/** A person with a membership, in the Viewer shape the models take. Creates an organisation if none is given. */
export async function makeViewer(
  db: Kysely<Database>,
  overrides: Partial<{ organisation: Organisation; role: MemberRole; email: string; name: string }> = {},
): Promise<Viewer> {
  const organisation = overrides.organisation ?? (await makeOrganisation(db));
  const personId = randomUUID();
  const role = overrides.role ?? "invuller";
  await db
    .insertInto("person")
    .values({
      id: personId,
      email: overrides.email ?? `${role}-${personId.slice(0, 8)}@example.com`,
      name: overrides.name ?? `Test ${role}`,
      created_at: now(),
    })
    .execute();
  await db
    .insertInto("membership")
    .values({ person_id: personId, organisation_id: organisation.id, role, created_at: now() })
    .execute();
  return {
    personId,
    personName: overrides.name ?? `Test ${role}`,
    email: overrides.email ?? `${role}-${personId.slice(0, 8)}@example.com`,
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    organisationName: organisation.name,
    role,
    verification: organisation.verification,
  };
}

/** One row of the huisartsen list, as stored. */
export function makeHuisarts(overrides: Partial<ListItemValue> = {}): ListItemValue {
  return {
    rol: "praktijkhouder",
    "uren-per-week": 40,
    "dagen-aanwezig": ["ma", "di", "wo", "do", "vr"],
    "jaren-verbonden": 10,
    ...overrides,
  };
}

export function makeTeam(overrides: GridValue = {}): GridValue {
  const empty = { personen: null, uren: null };
  return {
    "poh-somatiek": { personen: 1, uren: 24 },
    "poh-ggz": { personen: 1, uren: 16 },
    doktersassistent: { personen: 3, uren: 80 },
    pa: empty,
    vs: empty,
    aios: empty,
    anios: empty,
    praktijkmanager: { personen: 1, uren: 16 },
    ...overrides,
  };
}

/**
 * A valid set of practice facts as stored answers (every value passes questionSchema for content v1):
 * a praktijkhouder practice, 2 huisartsen with 64 hours together and 5000 patients (3125 per fte).
 * Pass `undefined` for a key to leave that question unanswered.
 */
export function makeAnswers(overrides: Partial<Record<string, Answers[string] | undefined>> = {}): Answers {
  const answers: Record<string, Answers[string] | undefined> = {
    praktijknaam: "Testpraktijk",
    "agb-code": "01234567",
    "kvk-nummer": "12345678",
    postcode: "3511 AB",
    eigenaar: "huisarts",
    rechtsvorm: "maatschap",
    "ingeschreven-patienten": 5000,
    huisartsen: [
      makeHuisarts(),
      makeHuisarts({ rol: "huisarts-in-dienst", "uren-per-week": 24, "dagen-aanwezig": ["ma", "wo", "vr"], "jaren-verbonden": 3 }),
    ],
    team: makeTeam(),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Answers;
}

/** Practice facts for the derived-figure tests, when going through answers says nothing more. */
export function makeFacts(overrides: Partial<PracticeFacts> = {}): PracticeFacts {
  return {
    owner: "huisarts",
    registeredPatients: 4000,
    huisartsen: [makeHuisartsFact()],
    medicallyResponsibleGp: "onbekend",
    governanceDocumented: "onbekend",
    ketenOrHolding: "onbekend",
    hagro: "onbekend",
    nearbyCooperation: "onbekend",
    anw: "onbekend",
    ...overrides,
  };
}

export function makeHuisartsFact(overrides: Partial<HuisartsFact> = {}): HuisartsFact {
  return { role: "praktijkhouder", hoursPerWeek: 40, weekdays: ["ma", "di", "wo", "do", "vr"], ...overrides };
}

/** A stored statement answer, e.g. `statement("nee")` for `{ choice: "nee", note: null }`. */
export function statement(choice: StatementChoice, note: string | null = null): StatementValue {
  return { choice, note };
}

/**
 * Facts for the signals engine on which every rule gives no-signal: a huisarts owner outside any keten,
 * 2000 patients on 40 huisarts hours, a huisarts present every weekday, arrangements documented, hagro
 * and ANW taken part in.
 */
export function makeSignalFacts(overrides: Partial<SignalFacts> = {}): SignalFacts {
  return {
    owner: "huisarts",
    registeredPatients: 2000,
    huisartsHoursPerWeek: 40,
    weekdaysPresent: ["ma", "di", "wo", "do", "vr"],
    huisartsenWithoutDays: 0,
    huisartsen: null,
    medicallyResponsibleGp: "ja",
    governanceDocumented: "ja",
    ketenOrHolding: "nee",
    hagro: "ja",
    nearbyCooperation: "onbekend",
    anw: "ja",
    ...overrides,
  };
}

/** A platform beheerder: a person outside every organisation, in the shape the platform's models take. */
export async function makePlatformAdmin(db: Kysely<Database>, overrides: Partial<{ email: string; name: string }> = {}): Promise<PlatformViewer> {
  const personId = randomUUID();
  const email = overrides.email ?? `platform-${personId.slice(0, 8)}@example.com`;
  const name = overrides.name ?? "Test platformbeheerder";
  await db.insertInto("person").values({ id: personId, email, name, created_at: now(), platform_admin: 1 }).execute();
  return { personId, personName: name, email };
}
