/**
 * The organisation's data is its own (AVG art. 15 and 20): its beheerder downloads all of it as one JSON
 * document. Streamed page by page from a snapshot of the database (db/snapshot.server.ts), so memory
 * stays bounded whatever the organisation's size and every other request goes on meanwhile.
 *
 * Only the organisation's own data, decided in each query: its organisation row, practices it speaks
 * for, its people (name, e-mail, role: never a password hash, token or session), the assessments it
 * wrote with answers and context texts, its conversation notes, the shares of its assessments and the
 * shares it received (metadata only: the shared content is the other organisation's), the requests it
 * sent and received, its imports (metadata, not the rows), and the audit events about it. Where another
 * organisation acted on something of this one (viewed a shared version, sent a request), the event
 * names that organisation but never its person.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { getDb } from "../../db/index.server";
import { openSnapshot } from "../../db/snapshot.server";
import { recordEvent } from "./audit.server";
import type { Viewer } from "./viewer.server";
import { SIGNAL_COLUMNS } from "../domain/portfolio";

/** Rows per query: the unit of memory and of how long one read holds the snapshot's connection. */
const PAGE = 500;

export const EXPORT_FORMAT = "kernwaardenscan.organisation-export";
export const EXPORT_VERSION = 1;

type Db = Kysely<Database>;

const parse = (json: string | null): unknown => {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
};

/** Lets every waiting request run: the snapshot's queries resolve as microtasks, which would starve them. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Pages of rows, by a unique sortable key, until a page comes back short; other requests run between pages. */
async function* pages<T, K>(read: (after: K | null) => Promise<T[]>, keyOf: (row: T) => K): AsyncGenerator<T[]> {
  let after: K | null = null;
  for (;;) {
    await yieldToOthers();
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}

async function* jsonArray(name: string, source: AsyncIterable<unknown[]>, last = false): AsyncGenerator<string> {
  yield `${JSON.stringify(name)}: [`;
  let first = true;
  for await (const rows of source) {
    if (rows.length === 0) continue;
    yield (first ? "\n" : ",\n") + rows.map((r) => JSON.stringify(r)).join(",\n");
    first = false;
  }
  yield `\n]${last ? "" : ",\n"}`;
}

async function* once<T>(rows: () => Promise<T[]>): AsyncGenerator<T[]> {
  await yieldToOthers();
  yield await rows();
}

const SIGNALS = SIGNAL_COLUMNS;

function assessmentPages(db: Db, org: string) {
  return pages(
    async (after: string | null) => {
      let q = db
        .selectFrom("assessment as a")
        .innerJoin("practice as p", "p.id", "a.practice_id")
        .select([
          "a.id",
          "a.practice_id",
          "p.name as practice_name",
          "p.agb as practice_agb",
          "a.perspective",
          "a.status",
          "a.version_no",
          "a.previous_id",
          "a.content_version",
          "a.created_at",
          "a.created_by",
          "a.updated_at",
          "a.submitted_at",
          "a.signals_at",
          "a.patients_per_fte",
          "a.signal_count",
          ...SIGNALS.map((s) => `a.${s}` as const),
        ])
        .where("a.author_org_id", "=", org)
        .orderBy("a.id")
        .limit(PAGE);
      if (after !== null) q = q.where("a.id", ">", after);
      const rows = await q.execute();
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const [answers, contexts] = await Promise.all([
        db.selectFrom("answer").selectAll().where("assessment_id", "in", ids).orderBy("assessment_id").orderBy("question_id").execute(),
        db.selectFrom("signal_context").selectAll().where("assessment_id", "in", ids).orderBy("assessment_id").orderBy("signal_id").execute(),
      ]);
      return rows.map((a) => ({
        id: a.id,
        practice: { id: a.practice_id, name: a.practice_name, agb: a.practice_agb },
        perspective: a.perspective,
        status: a.status,
        versionNo: a.version_no,
        previousId: a.previous_id,
        contentVersion: a.content_version,
        createdAt: a.created_at,
        createdBy: a.created_by,
        updatedAt: a.updated_at,
        submittedAt: a.submitted_at,
        signals: {
          computedAt: a.signals_at,
          ownerNotGp: a.sig_owner_not_gp,
          patientsPerFte: a.sig_patients_per_fte,
          noGpPresent: a.sig_no_gp_present,
          unclearOrganisation: a.sig_unclear_organisation,
          regionalCooperation: a.sig_regional_cooperation,
          patientsPerFteFigure: a.patients_per_fte,
          signalCount: a.signal_count,
        },
        answers: answers
          .filter((x) => x.assessment_id === a.id)
          .map((x) => ({ questionId: x.question_id, value: parse(x.value), revision: x.revision, updatedAt: x.updated_at, updatedBy: x.updated_by })),
        context: contexts
          .filter((x) => x.assessment_id === a.id)
          .map((x) => ({ signalId: x.signal_id, text: x.text, revision: x.revision, updatedAt: x.updated_at, updatedBy: x.updated_by })),
      }));
    },
    (row) => row.id,
  );
}

function notePages(db: Db, org: string) {
  return pages(
    async (after: string | null) => {
      let q = db.selectFrom("conversation_note").selectAll().where("organisation_id", "=", org).orderBy("id").limit(PAGE);
      if (after !== null) q = q.where("id", ">", after);
      return (await q.execute()).map((n) => ({
        id: n.id,
        subject: { type: n.subject_type, key: n.subject_key },
        kind: n.kind,
        text: n.text,
        onDate: n.on_date,
        dueDate: n.due_date,
        createdAt: n.created_at,
        createdBy: n.created_by,
        removedAt: n.deleted_at,
        removedBy: n.deleted_by,
      }));
    },
    (row) => row.id,
  );
}

/** Audit events about the organisation: by it, on its assessments, on its requests, about it. */
function auditPages(db: Db, org: string) {
  return pages(
    async (after: { at: string; id: string } | null) => {
      let q = db
        .selectFrom("audit_event as e")
        .leftJoin("organisation as o", "o.id", "e.actor_org_id")
        .select(["e.id", "e.at", "e.actor_person_id", "e.actor_org_id", "o.name as actor_org_name", "e.action", "e.subject_type", "e.subject_id", "e.assessment_id", "e.detail"])
        .where((eb) =>
          eb.or([
            eb("e.actor_org_id", "=", org),
            eb("e.assessment_id", "in", eb.selectFrom("assessment").select("id").where("author_org_id", "=", org)),
            eb.and([eb("e.subject_type", "=", "organisation"), eb("e.subject_id", "=", org)]),
            eb.and([
              eb("e.subject_type", "=", "assessment_request"),
              eb(
                "e.subject_id",
                "in",
                eb
                  .selectFrom("assessment_request as r")
                  .select("r.id")
                  .where((rb) =>
                    rb.or([rb("r.requester_org_id", "=", org), rb("r.practice_id", "in", rb.selectFrom("practice").select("id").where("organisation_id", "=", org))]),
                  ),
              ),
            ]),
            // Sign-ins are recorded before there is a session; they name the organisation in their detail.
            eb.and([eb("e.action", "=", "session.signed-in"), eb("e.actor_org_id", "is", null), eb("e.detail", "like", `%"organisationId":"${org}"%`)]),
          ]),
        )
        .orderBy("e.at")
        .orderBy("e.id")
        .limit(PAGE);
      if (after !== null) q = q.where((eb) => eb(eb.refTuple("e.at", "e.id"), ">", eb.tuple(after.at, after.id)));
      return (await q.execute()).map((e) => ({
        id: e.id,
        at: e.at,
        action: e.action,
        subject: { type: e.subject_type, id: e.subject_id },
        assessmentId: e.assessment_id,
        actor: {
          organisation: e.actor_org_id ? { id: e.actor_org_id, name: e.actor_org_name } : null,
          // Another organisation's people are theirs: the event names the organisation only.
          personId: e.actor_org_id === org || e.actor_org_id === null ? e.actor_person_id : null,
        },
        detail: parse(e.detail),
      }));
    },
    (row) => ({ at: row.at, id: row.id }),
  );
}

async function* documentChunks(db: Db, viewer: Viewer, exportedAt: string): AsyncGenerator<string> {
  const org = viewer.organisationId;
  const organisation = await db.selectFrom("organisation").select(["id", "kind", "name", "created_at", "closed_at"]).where("id", "=", org).executeTakeFirstOrThrow();
  yield `{\n"format": ${JSON.stringify(EXPORT_FORMAT)},\n"version": ${EXPORT_VERSION},\n"exportedAt": ${JSON.stringify(exportedAt)},\n`;
  yield `"exportedBy": ${JSON.stringify({ personId: viewer.personId })},\n`;
  yield `"organisation": ${JSON.stringify({ id: organisation.id, kind: organisation.kind, name: organisation.name, createdAt: organisation.created_at, closedAt: organisation.closed_at })},\n`;

  yield* jsonArray(
    "practices",
    once(() =>
      db
        .selectFrom("practice as p")
        .leftJoin("region as r", "r.id", "p.region_id")
        .select(["p.id", "p.name", "p.agb", "p.postcode", "r.code as region", "p.organisation_id", "p.keten_id", "p.created_at"])
        .where((eb) => eb.or([eb("p.organisation_id", "=", org), eb("p.keten_id", "=", org)]))
        .orderBy("p.name")
        .execute()
        .then((rows) =>
          rows.map((p) => ({ id: p.id, name: p.name, agb: p.agb, postcode: p.postcode, region: p.region, relation: p.organisation_id === org ? "own" : "keten-member", createdAt: p.created_at })),
        ),
    ),
  );

  yield* jsonArray(
    "people",
    once(() =>
      db
        .selectFrom("membership as m")
        .innerJoin("person as p", "p.id", "m.person_id")
        .select(["p.id", "p.name", "p.email", "m.role", "m.created_at"])
        .where("m.organisation_id", "=", org)
        .orderBy("p.name")
        .orderBy("p.email")
        .execute()
        .then((rows) => rows.map((p) => ({ id: p.id, name: p.name, email: p.email, role: p.role, memberSince: p.created_at }))),
    ),
  );

  yield* jsonArray(
    "openInvitations",
    once(() =>
      db
        .selectFrom("token")
        .select(["email", "role", "created_at", "created_by", "expires_at"])
        .where("purpose", "=", "invitation")
        .where("organisation_id", "=", org)
        .where("used_at", "is", null)
        .where("expires_at", ">", exportedAt)
        .orderBy("created_at")
        .execute()
        .then((rows) => rows.map((t) => ({ email: t.email, role: t.role, createdAt: t.created_at, createdBy: t.created_by, expiresAt: t.expires_at }))),
    ),
  );

  yield* jsonArray("assessments", assessmentPages(db, org));
  yield* jsonArray("conversationNotes", notePages(db, org));

  yield* jsonArray(
    "sharesGranted",
    once(() =>
      db
        .selectFrom("share as s")
        .innerJoin("assessment as a", "a.id", "s.assessment_id")
        .innerJoin("organisation as o", "o.id", "s.organisation_id")
        .select(["s.id", "s.assessment_id", "o.id as org_id", "o.name as org_name", "o.kind as org_kind", "s.granted_by", "s.created_at", "s.revoked_at", "s.revoked_by"])
        .where("a.author_org_id", "=", org)
        .orderBy("s.created_at")
        .execute()
        .then((rows) =>
          rows.map((s) => ({
            id: s.id,
            assessmentId: s.assessment_id,
            sharedWith: { id: s.org_id, name: s.org_name, kind: s.org_kind },
            grantedBy: s.granted_by,
            createdAt: s.created_at,
            revokedAt: s.revoked_at,
            revokedBy: s.revoked_by,
          })),
        ),
    ),
  );

  yield* jsonArray(
    "sharesReceived",
    once(() =>
      db
        .selectFrom("share as s")
        .innerJoin("assessment as a", "a.id", "s.assessment_id")
        .innerJoin("practice as p", "p.id", "a.practice_id")
        .innerJoin("organisation as o", "o.id", "a.author_org_id")
        .select(["s.id", "s.assessment_id", "a.version_no", "p.id as practice_id", "p.name as practice_name", "o.id as org_id", "o.name as org_name", "o.kind as org_kind", "s.created_at", "s.revoked_at"])
        .where("s.organisation_id", "=", org)
        .orderBy("s.created_at")
        .execute()
        .then((rows) =>
          rows.map((s) => ({
            id: s.id,
            assessmentId: s.assessment_id,
            versionNo: s.version_no,
            practice: { id: s.practice_id, name: s.practice_name },
            sharedBy: { id: s.org_id, name: s.org_name, kind: s.org_kind },
            createdAt: s.created_at,
            revokedAt: s.revoked_at,
          })),
        ),
    ),
  );

  yield* jsonArray(
    "requestsSent",
    once(() =>
      db
        .selectFrom("assessment_request as r")
        .innerJoin("practice as p", "p.id", "r.practice_id")
        .select(["r.id", "p.id as practice_id", "p.name as practice_name", "p.agb as practice_agb", "r.message", "r.status", "r.share_id", "r.created_at", "r.created_by", "r.decided_at"])
        .where("r.requester_org_id", "=", org)
        .orderBy("r.created_at")
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            id: r.id,
            practice: { id: r.practice_id, name: r.practice_name, agb: r.practice_agb },
            message: r.message,
            status: r.status,
            shareId: r.share_id,
            createdAt: r.created_at,
            createdBy: r.created_by,
            decidedAt: r.decided_at,
          })),
        ),
    ),
  );

  yield* jsonArray(
    "requestsReceived",
    once(() =>
      db
        .selectFrom("assessment_request as r")
        .innerJoin("practice as p", "p.id", "r.practice_id")
        .innerJoin("organisation as o", "o.id", "r.requester_org_id")
        .select(["r.id", "p.id as practice_id", "p.name as practice_name", "o.id as org_id", "o.name as org_name", "o.kind as org_kind", "r.message", "r.status", "r.share_id", "r.created_at", "r.decided_at", "r.decided_by"])
        .where("p.organisation_id", "=", org)
        .orderBy("r.created_at")
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            id: r.id,
            practice: { id: r.practice_id, name: r.practice_name },
            from: { id: r.org_id, name: r.org_name, kind: r.org_kind },
            message: r.message,
            status: r.status,
            shareId: r.share_id,
            createdAt: r.created_at,
            decidedAt: r.decided_at,
            decidedBy: r.decided_by,
          })),
        ),
    ),
  );

  yield* jsonArray(
    "imports",
    once(() =>
      db
        .selectFrom("facts_import")
        .select(["id", "kind", "status", "file_name", "source", "source_date", "row_count", "error_count", "created_at", "created_by", "decided_at"])
        .where("organisation_id", "=", org)
        .orderBy("created_at")
        .execute()
        .then((rows) =>
          rows.map((f) => ({
            id: f.id,
            kind: f.kind,
            status: f.status,
            fileName: f.file_name,
            source: f.source,
            sourceDate: f.source_date,
            rows: f.row_count,
            errors: f.error_count,
            createdAt: f.created_at,
            createdBy: f.created_by,
            decidedAt: f.decided_at,
          })),
        ),
    ),
  );

  yield* jsonArray("auditEvents", auditPages(db, org), true);
  yield "\n}\n";
}

/**
 * The organisation's export for its beheerder, audited as an export before the first byte. The stream
 * reads a snapshot taken now; it closes that snapshot when it ends, fails or is cancelled.
 */
export async function exportOrganisation(viewer: Viewer) {
  if (viewer.role !== "beheerder") throw new Response("Forbidden", { status: 403 });
  const exportedAt = new Date().toISOString();
  await recordEvent(await getDb(), {
    viewer,
    at: exportedAt,
    action: "organisation.exported",
    subjectType: "organisation",
    subjectId: viewer.organisationId,
    detail: { format: "json", version: EXPORT_VERSION },
  });
  const snapshot = await openSnapshot();
  const chunks = documentChunks(snapshot.db, viewer, exportedAt);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await snapshot.close();
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        await snapshot.close();
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
      await snapshot.close();
    },
  });
  return { stream, exportedAt };
}

/** Reads a whole export into one string: for tests and small organisations. */
export async function exportOrganisationText(viewer: Viewer) {
  const { stream } = await exportOrganisation(viewer);
  return new Response(stream).text();
}
