/**
 * The note form of a guide page (add a note or agreement, remove one), on the route's side: read and
 * checked here, stored by the notes model. The page has already checked who may see the subject.
 */
import type { NoteErrors } from "~/domain/presented";
import { addNote, NoteSchema, removeNote, type NoteSubject } from "~/models/notes.server";
import type { Viewer } from "~/models/viewer.server";
import { formValues, parseForm } from "./parse-form";

/** Returns the errors of a bad note (stored: nothing) with the values typed, or null when done. */
export async function handleNoteForm(viewer: Viewer, subject: NoteSubject, form: FormData): Promise<{ errors: NoteErrors; values: Record<string, string> } | null> {
  const intent = form.get("_intent");
  if (intent === "remove-note") {
    if (!(await removeNote(viewer, subject, String(form.get("noteId") ?? "")))) throw new Response("Not found", { status: 404 });
    return null;
  }
  if (intent !== "add-note") throw new Response("Bad request", { status: 400 });
  const values = formValues(form, ["kind", "text", "onDate", "dueDate"]);
  const parsed = parseForm<Parameters<typeof addNote>[2], keyof NoteErrors>({ ...values, dueDate: values.dueDate!.trim() === "" ? undefined : values.dueDate }, NoteSchema);
  if (!parsed.data) return { errors: parsed.errors, values };
  await addNote(viewer, subject, parsed.data);
  return null;
}
