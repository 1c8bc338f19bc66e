/**
 * Starting an assessment: a practice's self-assessment (or its next version after a submitted one), or
 * another organisation's own assessment about a practice, prefilled with what it may already see. Above
 * the assessment, sharing and known models, which it combines; none of them imports this one.
 */
import { getDb } from "../../db/index.server";
import { findConcept, getAssessment, insertAssessment, PERSPECTIVE_OF_KIND } from "./assessment.server";
import { getCurrentQuestionnaire } from "./content.server";
import { prefillAssessment } from "./known.server";
import { getPracticeForOrg } from "./practice.server";
import { startNextVersion } from "./sharing.server";
import { isVerified, type Viewer } from "./viewer.server";

/**
 * Starts a self-assessment on the current content version, returns the one already in progress, or
 * after a submitted version starts the next version from it (answers carried over).
 */
export async function startSelfAssessment({ practiceId, viewer }: { practiceId: string; viewer: Viewer }) {
  // An unverified keten does not speak for member practices yet.
  const practice = await getPracticeForOrg({ id: practiceId, viewerOrgId: viewer.organisationId, includeMembers: isVerified(viewer) });
  // The organisation that speaks for the practice writes its self-assessment; a keten only for a
  // member practice without an account of its own. A keten reads its members' self-assessments.
  if (!practice || (practice.organisation_id !== null && practice.organisation_id !== viewer.organisationId)) return null;
  const db = await getDb();
  const latestSubmitted = await db
    .selectFrom("assessment")
    .select("id")
    .where("practice_id", "=", practiceId)
    .where("author_org_id", "=", viewer.organisationId)
    .where("perspective", "=", "zelfevaluatie")
    .where("status", "=", "ingediend")
    .orderBy("version_no", "desc")
    .executeTakeFirst();
  if (latestSubmitted) {
    const assessment = await getAssessment({ id: latestSubmitted.id, viewerOrgId: viewer.organisationId });
    return startNextVersion(assessment!, viewer);
  }
  return db.transaction().execute(async (trx) => {
    const existing = await findConcept(trx, practiceId, viewer.organisationId, "zelfevaluatie");
    return existing?.id ?? insertAssessment(trx, { practiceId, viewer, perspective: "zelfevaluatie" });
  });
}

/**
 * An insurer's beoordeling, a toezichthouder's preparation or a huisarts's afweging about a practice:
 * the same questions, worded about "de praktijk", owned by the organisation that writes it.
 */
export async function startExternalAssessment({ practiceId, viewer }: { practiceId: string; viewer: Viewer }) {
  const perspective = PERSPECTIVE_OF_KIND[viewer.organisationKind];
  // Writing about another organisation's practice is acting on others: verified organisations only.
  if (perspective === "zelfevaluatie" || !isVerified(viewer)) return null;
  const db = await getDb();
  return db.transaction().execute(async (trx) => {
    const practice = await trx.selectFrom("practice").select("id").where("id", "=", practiceId).executeTakeFirst();
    if (!practice) return null;
    const existing = await findConcept(trx, practiceId, viewer.organisationId, perspective);
    if (existing) return existing.id;
    const id = await insertAssessment(trx, { practiceId, viewer, perspective });
    // Start from what is known (issue 13): the facts it may already see, each with its source.
    await prefillAssessment(trx, { assessmentId: id, practiceId, viewer, questionnaire: getCurrentQuestionnaire() });
    return id;
  });
}
