/** The fuzz suite's checker finds what it is meant to find (else "0 invalid rows" would prove nothing). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { migrateToLatest, openDatabase } from "../../db/index.server";
import { invalidRows } from "../fuzz/invariants";

const dir = mkdtempSync(path.join(tmpdir(), "kws-invariants-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("an invalid answer, a control character, an organisation without beheerder are each found", async () => {
  const file = path.join(dir, "bad.db");
  const db = openDatabase(file);
  await migrateToLatest(db);
  const now = new Date().toISOString();
  await db.insertInto("organisation").values({ id: "o1", kind: "praktijk", name: "Zonder\u0000beheerder", created_at: now }).execute();
  await db.insertInto("practice").values({ id: "p1", organisation_id: "o1", keten_id: null, region_id: null, agb: null, name: "P", postcode: null, created_at: now, updated_at: now }).execute();
  await db
    .insertInto("assessment")
    .values({ id: "a1", practice_id: "p1", author_org_id: "o1", perspective: "zelfevaluatie", content_version: 1, status: "concept", version_no: 1, previous_id: null, created_by: null, created_at: now, updated_at: now, submitted_at: null, signals_at: null, sig_owner_not_gp: null, sig_patients_per_fte: null, sig_no_gp_present: null, sig_unclear_organisation: null, sig_regional_cooperation: null, patients_per_fte: null, signal_count: null })
    .execute();
  const answer = (question_id: string, value: unknown) => ({ assessment_id: "a1", question_id, value: JSON.stringify(value), revision: 1, updated_at: now, updated_by: null });
  await db.insertInto("answer").values([answer("ingeschreven-patienten", "veel"), answer("bestaat-niet", 1), answer("praktijknaam", "De\u0007Linde"), answer("regio", "Utrecht")]).execute();
  await db.destroy();

  const problems = invalidRows(file);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/ingeschreven-patienten: .* is not a valid answer/),
      expect.stringMatching(/bestaat-niet: no such question/),
      expect.stringMatching(/answer\.value row \d+: control characters/),
      expect.stringMatching(/organisation\.name row \d+: control characters/),
      "organisation Zonder\u0000beheerder: no beheerder",
    ]),
  );
  // The valid answer is not among them.
  expect(problems.some((p) => p.includes("regio"))).toBe(false);
});
