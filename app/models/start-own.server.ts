/**
 * A way in from every practice (issue 13): an insurer's beoordeling, a toezichthouder's
 * gespreksvoorbereiding, a huisarts's afweging can be started from any practice the reader sees, whether
 * or not the practice has an account. Only a verified organisation acts on another's practice; a lezer
 * reads. A praktijk or keten writes self-assessments only.
 */
import type { Perspective } from "../../db/schema";
import { PERSPECTIVE_OF_KIND } from "./assessment.server";
import { canEdit, isVerified, type Viewer } from "./viewer.server";

export type OwnStart = { perspective: Exclude<Perspective, "zelfevaluatie">; allowed: true } | { perspective: Exclude<Perspective, "zelfevaluatie">; allowed: false; reason: "unverified" | "lezer" };

/** What the viewer may start about a practice; null when its organisation writes about no other practice. */
export function ownStart(viewer: Viewer): OwnStart | null {
  const perspective = PERSPECTIVE_OF_KIND[viewer.organisationKind];
  if (perspective === "zelfevaluatie") return null;
  if (!isVerified(viewer)) return { perspective, allowed: false, reason: "unverified" };
  if (!canEdit(viewer)) return { perspective, allowed: false, reason: "lezer" };
  return { perspective, allowed: true };
}
