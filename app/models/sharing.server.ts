/**
 * Submitting, versions, sharing and requests. A submitted version is frozen; editing starts the next
 * version (answers and context copied) and the old one stays readable. A practice shares a submitted
 * version with any number of organisations, each by an explicit grant revocable at once; others ask for it.
 */
import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { getDb } from "../../db/index.server";
import type { Database, OrganisationKind } from "../../db/schema";
import { getQuestionnaire } from "~/models/content.server";
import { registerAnswers, registerQuestions } from "~/domain/register";
import { getRegisterFacts } from "./register.server";
import { recordEvent } from "./audit.server";
import { refreshPortfolioOfShare, refreshPortfoliosOfAssessment } from "./portfolio.server";
import { refreshAssessmentSignals } from "./signal-store.server";
import { findConcept, getAssessment, insertAssessment, type AssessmentWithPractice } from "./assessment.server";
import { isVerified, type Viewer } from "./viewer.server";

export class SharingError extends Error {
  constructor(public code: string) {
    super(code);
  }
}

export async function submitAssessment(assessment: AssessmentWithPractice, viewer: Viewer) {
  if (assessment.access !== "author" || assessment.status !== "concept") throw new SharingError("not-submittable");
  const db = await getDb();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    // The register as it is now goes into the version's answers: the version keeps saying what it said.
    await snapshotRegister(trx, assessment, viewer, now);
    // What is frozen with the version: its signals as the rules in force compute them now, with their version.
    await refreshAssessmentSignals(trx, assessment.id);
    const updated = await trx
      .updateTable("assessment")
      .set({ status: "ingediend", submitted_at: now, updated_at: now })
      .where("id", "=", assessment.id)
      .where("status", "=", "concept")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new SharingError("not-submittable");
    await recordEvent(trx, { viewer, at: now, action: "assessment.submitted", subjectType: "assessment", subjectId: assessment.id, assessmentId: assessment.id, detail: { version: assessment.version_no } });
    await refreshPortfoliosOfAssessment(trx, assessment.id);
  });
}

/**
 * The register facts a version shows, written into its answers when it is submitted (issue 13): a
 * concept reads the register live; a submitted version keeps what the register said at submission.
 */
async function snapshotRegister(trx: Transaction<Database>, assessment: AssessmentWithPractice, viewer: Viewer, now: string) {
  const questions = registerQuestions(getQuestionnaire(assessment.content_version).sections);
  if (questions.size === 0) return;
  const answers = registerAnswers(questions, await getRegisterFacts(trx, assessment.practice_id));
  const stored = new Map(
    (await trx.selectFrom("answer").select(["question_id", "revision"]).where("assessment_id", "=", assessment.id).where("question_id", "in", [...questions.keys()]).execute()).map((r) => [
      r.question_id,
      r.revision,
    ]),
  );
  for (const id of questions.keys()) {
    const value = JSON.stringify(answers[id] ?? null);
    const revision = (stored.get(id) ?? 0) + 1;
    await trx
      .insertInto("answer")
      .values({ assessment_id: assessment.id, question_id: id, value, revision, updated_at: now, updated_by: viewer.personId })
      .onConflict((oc) => oc.columns(["assessment_id", "question_id"]).doUpdateSet({ value, revision, updated_at: now, updated_by: viewer.personId }))
      .execute();
  }
  await recordEvent(trx, { viewer, at: now, action: "assessment.register-snapshot", subjectType: "assessment", subjectId: assessment.id, assessmentId: assessment.id, detail: { answers } });
}

/** The next version of a submitted assessment, with its answers and context; or the concept already started. */
export async function startNextVersion(assessment: AssessmentWithPractice, viewer: Viewer) {
  if (assessment.access !== "author" || assessment.status !== "ingediend") throw new SharingError("not-versionable");
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const existing = await findConcept(trx, assessment.practice_id, assessment.author_org_id, assessment.perspective);
    if (existing) return existing.id;
    const latest = await trx
      .selectFrom("assessment")
      .select((eb) => eb.fn.max("version_no").as("v"))
      .where("practice_id", "=", assessment.practice_id)
      .where("author_org_id", "=", assessment.author_org_id)
      .where("perspective", "=", assessment.perspective)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const id = await insertAssessment(trx, {
      practiceId: assessment.practice_id,
      viewer,
      perspective: assessment.perspective,
      versionNo: Number(latest.v ?? assessment.version_no) + 1,
      previousId: assessment.id,
      contentVersion: assessment.content_version,
    });
    // Copies in SQL: the answers keep their values; revisions restart for the new version. The register's
    // snapshot stays with the version it was taken for: the new concept reads the register itself.
    const register = [...registerQuestions(getQuestionnaire(assessment.content_version).sections).keys()];
    await sql`insert into answer (assessment_id, question_id, value, revision, updated_at, updated_by)
      select ${id}, question_id, value, 1, ${now}, ${viewer.personId} from answer where assessment_id = ${assessment.id} and value != 'null'
      and question_id not in (${sql.join(register.length > 0 ? register : [""])})`.execute(trx);
    await sql`insert into signal_context (assessment_id, signal_id, text, revision, updated_at, updated_by)
      select ${id}, signal_id, text, 1, ${now}, ${viewer.personId} from signal_context where assessment_id = ${assessment.id}`.execute(trx);
    await refreshAssessmentSignals(trx, id);
    return id;
  });
}

export async function listVersions(assessment: AssessmentWithPractice) {
  const db = await getDb();
  return db
    .selectFrom("assessment")
    .select(["id", "version_no", "status", "submitted_at", "updated_at"])
    .where("practice_id", "=", assessment.practice_id)
    .where("author_org_id", "=", assessment.author_org_id)
    .where("perspective", "=", assessment.perspective)
    .orderBy("version_no", "desc")
    .execute();
}

/**
 * Organisations a practice may share with: every other open organisation the platform verified, by kind
 * and name. An unverified one is not offered (a stranger signed up under an inspectorate's name is
 * exactly who must not receive a self-assessment).
 */
export async function listShareTargets(viewer: Viewer) {
  const db = await getDb();
  return db
    .selectFrom("organisation")
    .select(["id", "name", "kind", "verification"])
    .where("id", "!=", viewer.organisationId)
    .where("closed_at", "is", null)
    .where("verification", "=", "verified")
    .where("kind", "in", ["zorgverzekeraar", "toezichthouder", "huisarts", "keten"] satisfies OrganisationKind[])
    .orderBy("kind")
    .orderBy("name")
    .execute();
}

export async function listShares(assessmentId: string) {
  const db = await getDb();
  return db
    .selectFrom("share")
    .innerJoin("organisation", "organisation.id", "share.organisation_id")
    .select(["share.id", "share.created_at", "share.revoked_at", "organisation.name as organisation_name", "organisation.kind as organisation_kind", "organisation.verification as organisation_verification"])
    .where("share.assessment_id", "=", assessmentId)
    .orderBy("share.created_at", "desc")
    .execute();
}

export async function grantShare(assessment: AssessmentWithPractice, viewer: Viewer, organisationId: string) {
  if (assessment.access !== "author" || assessment.status !== "ingediend") throw new SharingError("not-shareable");
  // A practice shares once the platform has verified it: its self-assessment then speaks with a checked name.
  if (!isVerified(viewer)) throw new SharingError("unverified");
  const targets = await listShareTargets(viewer);
  if (!targets.some((t) => t.id === organisationId)) throw new SharingError("unknown-organisation");
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const live = await trx
      .selectFrom("share")
      .select("id")
      .where("assessment_id", "=", assessment.id)
      .where("organisation_id", "=", organisationId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (live) return live.id;
    const id = randomUUID();
    const now = new Date().toISOString();
    await trx.insertInto("share").values({ id, assessment_id: assessment.id, organisation_id: organisationId, granted_by: viewer.personId, created_at: now, revoked_at: null, revoked_by: null }).execute();
    await recordEvent(trx, { viewer, at: now, action: "assessment.shared", subjectType: "share", subjectId: id, assessmentId: assessment.id, detail: { organisationId } });
    await refreshPortfolioOfShare(trx, id);
    return id;
  });
}

export async function revokeShare(assessment: AssessmentWithPractice, viewer: Viewer, shareId: string) {
  if (assessment.access !== "author") throw new SharingError("not-shareable");
  const db = await getDb();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("share")
      .set({ revoked_at: now, revoked_by: viewer.personId })
      .where("id", "=", shareId)
      .where("assessment_id", "=", assessment.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new SharingError("unknown-share");
    await recordEvent(trx, { viewer, at: now, action: "assessment.revoked", subjectType: "share", subjectId: shareId, assessmentId: assessment.id });
    await refreshPortfolioOfShare(trx, shareId);
  });
}

/** What other organisations shared with this one (live grants only), the latest first: the home page's list. */
export async function listSharedWithOrg(viewerOrgId: string) {
  const db = await getDb();
  return db
    .selectFrom("share")
    .innerJoin("assessment", "assessment.id", "share.assessment_id")
    .innerJoin("practice", "practice.id", "assessment.practice_id")
    .leftJoin("organisation as po", "po.id", "practice.organisation_id")
    .select(["assessment.id", "assessment.version_no", "assessment.submitted_at", "assessment.perspective", "practice.name as practice_name", "po.verification as practice_verification", "share.created_at as shared_at"])
    .where("share.organisation_id", "=", viewerOrgId)
    .where("share.revoked_at", "is", null)
    .orderBy("share.created_at", "desc")
    .limit(HOME_LIST_LIMIT)
    .execute();
}

/** The home page lists the latest few; the portfolio has them all, filtered and sorted. */
export const HOME_LIST_LIMIT = 20;

// ---------------------------------------------------------------------------------------------------
// Requests: an insurer, toezichthouder or huisarts asks a practice for its self-assessment.

/** The longest message a request carries; a longer one is refused, never cut. */
export const REQUEST_MESSAGE_MAX = 1000;
/** Requests one organisation may send in 24 hours: enough for a year's round, not a mail cannon. */
export const REQUESTS_PER_DAY = 50;

/** A practice by its AGB, for a verified organisation only (an unverified one looks nothing up). */
export async function findPracticeByAgb(viewer: Viewer, agb: string) {
  if (!isVerified(viewer)) return undefined;
  const db = await getDb();
  return db.selectFrom("practice").select(["id", "name", "organisation_id"]).where("agb", "=", agb).executeTakeFirst();
}

export type RequestResult = { ok: true; id: string } | { ok: false; reason: "already-open" | "daily-limit" };

/**
 * A request for a practice's self-assessment: at most one open per requester and practice (a unique
 * index decides between two at once), and at most REQUESTS_PER_DAY per organisation in 24 hours.
 */
export async function createRequest(viewer: Viewer, practiceId: string, message: string | null): Promise<RequestResult> {
  if (!isVerified(viewer)) throw new SharingError("unverified");
  if (message !== null && message.length > REQUEST_MESSAGE_MAX) throw new SharingError("message-too-long");
  const db = await getDb();
  const id = randomUUID();
  const now = new Date();
  try {
    return await db.transaction().execute(async (trx) => {
      const open = await trx
        .selectFrom("assessment_request")
        .select("id")
        .where("requester_org_id", "=", viewer.organisationId)
        .where("practice_id", "=", practiceId)
        .where("status", "=", "open")
        .executeTakeFirst();
      if (open) return { ok: false, reason: "already-open" } as const;
      const today = await trx
        .selectFrom("assessment_request")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("requester_org_id", "=", viewer.organisationId)
        .where("created_at", ">", new Date(now.getTime() - 86_400_000).toISOString())
        .executeTakeFirstOrThrow();
      if (Number(today.n) >= REQUESTS_PER_DAY) return { ok: false, reason: "daily-limit" } as const;
      await trx
        .insertInto("assessment_request")
        .values({ id, practice_id: practiceId, requester_org_id: viewer.organisationId, message, status: "open", share_id: null, created_by: viewer.personId, created_at: now.toISOString(), decided_at: null, decided_by: null })
        .execute();
      await recordEvent(trx, { viewer, at: now.toISOString(), action: "request.created", subjectType: "assessment_request", subjectId: id, detail: { practiceId } });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && String(error.code).startsWith("SQLITE_CONSTRAINT")) return { ok: false, reason: "already-open" };
    throw error;
  }
}

export async function listRequestsSent(viewerOrgId: string) {
  const db = await getDb();
  return db
    .selectFrom("assessment_request")
    .innerJoin("practice", "practice.id", "assessment_request.practice_id")
    .leftJoin("organisation as po", "po.id", "practice.organisation_id")
    .select(["assessment_request.id", "assessment_request.status", "assessment_request.created_at", "assessment_request.decided_at", "practice.name as practice_name", "po.verification as practice_verification"])
    .where("assessment_request.requester_org_id", "=", viewerOrgId)
    .orderBy("assessment_request.created_at", "desc")
    .limit(100)
    .execute();
}

/** Open requests addressed to the practices this organisation speaks for. */
export async function listRequestsReceived(viewerOrgId: string) {
  const db = await getDb();
  return db
    .selectFrom("assessment_request")
    .innerJoin("practice", "practice.id", "assessment_request.practice_id")
    .innerJoin("organisation", "organisation.id", "assessment_request.requester_org_id")
    .select([
      "assessment_request.id",
      "assessment_request.message",
      "assessment_request.created_at",
      "assessment_request.practice_id",
      "practice.name as practice_name",
      "organisation.name as requester_name",
      "organisation.kind as requester_kind",
      "organisation.verification as requester_verification",
    ])
    .where("practice.organisation_id", "=", viewerOrgId)
    .where("assessment_request.status", "=", "open")
    // A requester whose verification was withdrawn asks nothing any more.
    .where("organisation.verification", "=", "verified")
    .orderBy("assessment_request.created_at", "desc")
    .execute();
}

/** Accept (share the latest submitted self-assessment) or decline. Only the practice's beheerder. */
export async function decideRequest(viewer: Viewer, requestId: string, accept: boolean) {
  if (viewer.role !== "beheerder") throw new SharingError("forbidden");
  const db = await getDb();
  const request = await db
    .selectFrom("assessment_request")
    .innerJoin("practice", "practice.id", "assessment_request.practice_id")
    .innerJoin("organisation as requester", "requester.id", "assessment_request.requester_org_id")
    .select(["assessment_request.id", "assessment_request.practice_id", "assessment_request.requester_org_id"])
    .where("assessment_request.id", "=", requestId)
    .where("practice.organisation_id", "=", viewer.organisationId)
    .where("assessment_request.status", "=", "open")
    .where("requester.verification", "=", "verified")
    .executeTakeFirst();
  if (!request) throw new SharingError("unknown-request");
  // Accepting shares: a practice the platform has not verified yet may decline, not share.
  if (accept && !isVerified(viewer)) throw new SharingError("unverified");
  const now = new Date().toISOString();
  if (!accept) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("assessment_request").set({ status: "declined", decided_at: now, decided_by: viewer.personId }).where("id", "=", requestId).execute();
      await recordEvent(trx, { viewer, at: now, action: "request.declined", subjectType: "assessment_request", subjectId: requestId });
    });
    return null;
  }
  const latest = await db
    .selectFrom("assessment")
    .select("id")
    .where("practice_id", "=", request.practice_id)
    .where("author_org_id", "=", viewer.organisationId)
    .where("perspective", "=", "zelfevaluatie")
    .where("status", "=", "ingediend")
    .orderBy("version_no", "desc")
    .executeTakeFirst();
  if (!latest) throw new SharingError("nothing-submitted");
  const assessment = await getAssessment({ id: latest.id, viewerOrgId: viewer.organisationId });
  const shareId = await grantShare(assessment!, viewer, request.requester_org_id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("assessment_request").set({ status: "accepted", decided_at: now, decided_by: viewer.personId, share_id: shareId }).where("id", "=", requestId).execute();
    await recordEvent(trx, { viewer, at: now, action: "request.accepted", subjectType: "assessment_request", subjectId: requestId, assessmentId: latest.id });
  });
  return latest.id;
}

/** For a (verified) keten's beheerder: the self-assessments its member practices wrote, newest version first. */
export async function listKetenSelfAssessments(ketenOrgId: string) {
  const db = await getDb();
  return db
    .selectFrom("assessment")
    .innerJoin("practice", "practice.id", "assessment.practice_id")
    .select(["assessment.id", "assessment.practice_id", "assessment.version_no", "assessment.status", "assessment.updated_at", "practice.name as practice_name"])
    .where("practice.keten_id", "=", ketenOrgId)
    .where("assessment.perspective", "=", "zelfevaluatie")
    .whereRef("assessment.author_org_id", "=", "practice.organisation_id")
    .orderBy("practice.name")
    .orderBy("assessment.version_no", "desc")
    .limit(500)
    .execute();
}
