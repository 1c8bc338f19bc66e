/**
 * Notes made during a conversation and the agreements reached, with their dates, kept with the guide
 * of a practice or a keten. They belong to the organisation that writes them: nobody else reads them.
 * Removing one keeps the row (removed_at) so the audit trail still points at something.
 */
import { randomUUID } from "node:crypto";
import * as z from "zod/mini";
import { isCalendarDate } from "../domain/dates";
import { getDb } from "../../db/index.server";
import type { NoteKind } from "../../db/schema";
import { recordEvent } from "./audit.server";
import { canEdit, type Viewer } from "./viewer.server";

export const NOTE_MAX_LENGTH = 4000;
export type NoteSubject = { type: "practice" | "keten"; key: string };

const day = (message: string) => z.string().check(z.refine(isCalendarDate, message));

/** The form of a note or agreement; messages are i18n keys. */
export const NoteSchema = z
  .object({
    kind: z.enum(["note", "agreement"] satisfies NoteKind[], "workspaces.notes.errors.kind"),
    text: z.string().check(z.trim(), z.minLength(1, "workspaces.notes.errors.text"), z.maxLength(NOTE_MAX_LENGTH, "workspaces.notes.errors.tooLong")),
    onDate: day("workspaces.notes.errors.date"),
    dueDate: z.optional(day("workspaces.notes.errors.date")),
  })
  .check(
    z.refine((v) => v.dueDate === undefined || v.dueDate >= v.onDate, { message: "workspaces.notes.errors.dueBeforeDate", path: ["dueDate"] }),
  );

export async function listNotes(viewer: Viewer, subject: NoteSubject) {
  const db = await getDb();
  return db
    .selectFrom("conversation_note as n")
    .leftJoin("person", "person.id", "n.created_by")
    .select(["n.id", "n.kind", "n.text", "n.on_date", "n.due_date", "n.created_at", "person.name as created_by_name"])
    .where("n.organisation_id", "=", viewer.organisationId)
    .where("n.subject_type", "=", subject.type)
    .where("n.subject_key", "=", subject.key)
    .where("n.deleted_at", "is", null)
    .orderBy("n.on_date", "desc")
    .orderBy("n.created_at", "desc")
    .execute();
}

export async function addNote(viewer: Viewer, subject: NoteSubject, note: z.output<typeof NoteSchema>) {
  if (!canEdit(viewer)) throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("conversation_note")
      .values({
        id,
        organisation_id: viewer.organisationId,
        subject_type: subject.type,
        subject_key: subject.key,
        kind: note.kind,
        text: note.text,
        on_date: note.onDate,
        due_date: note.kind === "agreement" ? (note.dueDate ?? null) : null,
        created_by: viewer.personId,
        created_at: now,
        deleted_at: null,
        deleted_by: null,
      })
      .execute();
    await recordEvent(trx, { viewer, at: now, action: `${note.kind}.added`, subjectType: `${subject.type}-guide`, subjectId: subject.key, detail: { note: id } });
  });
  return id;
}

/** Removes one of the organisation's own notes of this subject; false when there is no such note. */
export async function removeNote(viewer: Viewer, subject: NoteSubject, id: string) {
  if (!canEdit(viewer)) throw new Response("Forbidden", { status: 403 });
  const db = await getDb();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("conversation_note")
      .set({ deleted_at: now, deleted_by: viewer.personId })
      .where("id", "=", id)
      .where("organisation_id", "=", viewer.organisationId)
      .where("subject_type", "=", subject.type)
      .where("subject_key", "=", subject.key)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await recordEvent(trx, { viewer, at: now, action: "note.removed", subjectType: `${subject.type}-guide`, subjectId: subject.key, detail: { note: id } });
    return true;
  });
}
