/**
 * What no stored row may be, whatever was sent: the fuzz suite's "invalid rows stored".
 * - an answer that its question's schema (in the assessment's content version) would refuse, or to a
 *   question that does not exist;
 * - text with control characters (other than tab and line breaks), raw or inside stored JSON;
 * - text longer than anything the app accepts (100,000 characters), outside the columns that hold whole
 *   files or mail;
 * - an organisation without a beheerder (a sign-up stored by halves).
 */
import Database from "better-sqlite3";
import { questionSchema } from "~/domain/answers";
import { getQuestionnaire } from "~/models/content.server";

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONG = 100_000;
/** Columns that hold whole files, previews or mail bodies. */
const BULK = new Set(["facts_import.preview", "outbox_message.body", "import_row.data"]);

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) strings(v, strings(k, out));
  return out;
}

export function invalidRows(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const problems: string[] = [];
  try {
    const answers = db
      .prepare("select answer.assessment_id, answer.question_id, answer.value, assessment.content_version from answer join assessment on assessment.id = answer.assessment_id")
      .all() as Array<{ assessment_id: string; question_id: string; value: string; content_version: number }>;
    for (const a of answers) {
      const question = getQuestionnaire(a.content_version).questionById.get(a.question_id)?.question;
      if (!question) {
        problems.push(`answer ${a.assessment_id}/${a.question_id}: no such question`);
        continue;
      }
      const parsed = questionSchema(question).safeParse(JSON.parse(a.value));
      if (!parsed.success) problems.push(`answer ${a.assessment_id}/${a.question_id}: ${a.value.slice(0, 80)} is not a valid answer`);
    }

    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const table of tables) {
      const columns = (db.prepare(`pragma table_info(${table})`).all() as Array<{ name: string; type: string }>).filter((c) => /text/i.test(c.type));
      for (const column of columns) {
        const rows = db.prepare(`select rowid as id, "${column.name}" as v from "${table}" where "${column.name}" is not null`).all() as Array<{ id: number; v: unknown }>;
        for (const { id, v } of rows) {
          if (typeof v !== "string") continue;
          let texts = [v];
          if (/^[[{"]/.test(v)) {
            try {
              texts = strings(JSON.parse(v));
            } catch {
              // not JSON: the raw text is what is stored
            }
          }
          if (texts.some((t) => CONTROL.test(t))) problems.push(`${table}.${column.name} row ${id}: control characters`);
          if (v.length > LONG && !BULK.has(`${table}.${column.name}`)) problems.push(`${table}.${column.name} row ${id}: ${v.length} characters`);
        }
      }
    }

    const orphans = db
      .prepare("select id, name from organisation where not exists (select 1 from membership where membership.organisation_id = organisation.id and membership.role = 'beheerder')")
      .all() as Array<{ id: string; name: string }>;
    for (const o of orphans) problems.push(`organisation ${o.name}: no beheerder`);
  } finally {
    db.close();
  }
  return problems;
}
