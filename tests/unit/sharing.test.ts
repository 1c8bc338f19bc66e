/**
 * Who sees which assessment, in the query: author, live grant, keten beheerder; submitting freezes a
 * version, the next version carries the answers, a grant is explicit and revocable, requests decide.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import type { Organisation } from "../../db/schema";
import { FrozenAssessmentError, getAnswers, getAssessment, saveAnswers } from "~/models/assessment.server";
import { startExternalAssessment, startSelfAssessment } from "~/models/start.server";
import {
  createRequest,
  decideRequest,
  grantShare,
  listKetenSelfAssessments,
  listSharedWithOrg,
  revokeShare,
  SharingError,
  startNextVersion,
  submitAssessment,
} from "~/models/sharing.server";
import type { Viewer } from "~/models/viewer.server";
import { makeOrganisation, makePractice, makeViewer } from "../factories";

let keten: Organisation;
let practiceOrg: Organisation;
let insurerOrg: Organisation;
let practiceId: string;
let author: Viewer;
let beheerder: Viewer;
let insurer: Viewer;
let ketenBeheerder: Viewer;
let ketenLezer: Viewer;

beforeAll(async () => {
  const db = await getDb();
  keten = await makeOrganisation(db, { kind: "keten" });
  practiceOrg = await makeOrganisation(db, { kind: "praktijk" });
  insurerOrg = await makeOrganisation(db, { kind: "zorgverzekeraar" });
  practiceId = (await makePractice(db, { organisation_id: practiceOrg.id, keten_id: keten.id, agb: "07654321" })).id;
  author = await makeViewer(db, { organisation: practiceOrg, role: "invuller" });
  beheerder = await makeViewer(db, { organisation: practiceOrg, role: "beheerder" });
  insurer = await makeViewer(db, { organisation: insurerOrg, role: "beheerder" });
  ketenBeheerder = await makeViewer(db, { organisation: keten, role: "beheerder" });
  ketenLezer = await makeViewer(db, { organisation: keten, role: "lezer" });
});

const load = (id: string, v: Viewer) => getAssessment({ id, viewerOrgId: v.organisationId, viewerRole: v.role });

async function newSubmitted() {
  const id = (await startSelfAssessment({ practiceId, viewer: author }))!;
  const concept = (await load(id, author))!;
  await saveAnswers({ assessment: concept, viewer: author, entries: [{ questionId: "eigenaar", value: "huisarts", seenRevision: 0 }] });
  await submitAssessment(concept, author);
  return (await load(id, author))!;
}

describe("visibility in the query", () => {
  test("the author sees it; an insurer without a grant does not; the keten's beheerder does, its lezer not", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer: author }))!;
    expect((await load(id, author))?.access).toBe("author");
    expect(await load(id, insurer)).toBeUndefined();
    expect((await load(id, ketenBeheerder))?.access).toBe("keten");
    expect(await load(id, ketenLezer)).toBeUndefined();
    expect((await listKetenSelfAssessments(keten.id)).map((a) => a.id)).toContain(id);
  });
});

describe("submit, versions, share, revoke", () => {
  test("a submitted version is frozen; the next version carries its answers and links back", async () => {
    const submitted = await newSubmitted();
    expect(submitted.status).toBe("ingediend");
    await expect(
      saveAnswers({ assessment: submitted, viewer: author, entries: [{ questionId: "eigenaar", value: "bestuurder", seenRevision: 1 }] }),
    ).rejects.toBeInstanceOf(FrozenAssessmentError);
    const nextId = await startNextVersion(submitted, author);
    const next = (await load(nextId, author))!;
    expect(next).toMatchObject({ status: "concept", version_no: submitted.version_no + 1, previous_id: submitted.id });
    expect((await getAnswers(nextId)).get("eigenaar")?.value).toBe("huisarts");
    // The register's snapshot stays with the submitted version; the new concept reads the register itself.
    expect((await getAnswers(submitted.id)).has("agb-code")).toBe(true);
    expect((await getAnswers(nextId)).has("agb-code")).toBe(false);
    // Starting again returns the concept in progress, not a third version.
    expect(await startNextVersion(submitted, author)).toBe(nextId);
    await submitAssessment(next, author);
  });

  test("a grant shows the version to the insurer at once; revoking hides it at once", async () => {
    const submitted = await newSubmitted();
    expect(await load(submitted.id, insurer)).toBeUndefined();
    const shareId = await grantShare(submitted, beheerder, insurerOrg.id);
    expect((await load(submitted.id, insurer))?.access).toBe("shared");
    expect((await listSharedWithOrg(insurerOrg.id)).map((s) => s.id)).toContain(submitted.id);
    await revokeShare(submitted, beheerder, shareId);
    expect(await load(submitted.id, insurer)).toBeUndefined();
    expect((await listSharedWithOrg(insurerOrg.id)).map((s) => s.id)).not.toContain(submitted.id);
  });

  test("a concept cannot be shared, and a shared version cannot be shared on by its reader", async () => {
    const id = (await startSelfAssessment({ practiceId, viewer: author }))!;
    await expect(grantShare((await load(id, author))!, beheerder, insurerOrg.id)).rejects.toBeInstanceOf(SharingError);
    const submitted = await newSubmitted();
    await grantShare(submitted, beheerder, insurerOrg.id);
    const asInsurer = (await load(submitted.id, insurer))!;
    await expect(grantShare(asInsurer, insurer, keten.id)).rejects.toBeInstanceOf(SharingError);
  });
});

/** The id of a request that was made (a refusal here is a broken precondition). */
function opened(result: Awaited<ReturnType<typeof createRequest>>) {
  if (!result.ok) throw new Error(`request refused: ${result.reason}`);
  return result.id;
}

describe("requests", () => {
  test("an insurer's request, accepted by the practice's beheerder, shares the latest submitted version", async () => {
    const submitted = await newSubmitted();
    const requestId = opened(await createRequest(insurer, practiceId, "Voor het jaargesprek."));
    await expect(decideRequest(author, requestId, true)).rejects.toBeInstanceOf(SharingError);
    const sharedId = await decideRequest(beheerder, requestId, true);
    expect(sharedId).toBe(submitted.id);
    expect((await load(submitted.id, insurer))?.access).toBe("shared");
    // A decided request cannot be decided again.
    await expect(decideRequest(beheerder, requestId, false)).rejects.toBeInstanceOf(SharingError);
  });

  test("an organisation without a relation to the practice cannot decide its requests", async () => {
    const db = await getDb();
    const other = await makeViewer(db, { organisation: await makeOrganisation(db, { kind: "praktijk" }), role: "beheerder" });
    const requestId = opened(await createRequest(insurer, practiceId, null));
    await expect(decideRequest(other, requestId, true)).rejects.toBeInstanceOf(SharingError);
  });
});

describe("other perspectives", () => {
  test("an insurer's beoordeling is its own, worded about the practice, invisible to the practice", async () => {
    const id = (await startExternalAssessment({ practiceId, viewer: insurer }))!;
    expect((await load(id, insurer))?.perspective).toBe("beoordeling");
    expect(await load(id, author)).toBeUndefined();
    expect(await startExternalAssessment({ practiceId, viewer: author })).toBeNull();
  });
});
