/**
 * One way to read a form against its schema: the values (a FormData's text fields, or values already
 * picked from it) through a zod schema, giving the data or the first message per field. Messages are
 * i18n keys, shown next to their field in the reader's language; an action that finds more wrong adds
 * to the same errors.
 */
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

export type Parsed<T, K extends string> = { data: T; errors: FieldErrors<K> } | { data: null; errors: FieldErrors<K> };

/** A FormData's text fields as strings (a file or a repeated field is read by the action itself). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}

export function parseForm<T, K extends string = string>(values: unknown, schema: Schema<T>): Parsed<T, K> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: FieldErrors<K> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form") as K] ??= issue.message;
  return { data: null, errors };
}
