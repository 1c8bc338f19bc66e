/**
 * Bulk import of practice facts (issue 5): upload the spreadsheet with where it comes from and the date
 * it describes; the next page previews it with an error per bad row. A multipart form, so it works
 * without JavaScript; nothing reaches the portfolio before the preview is confirmed.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { isCalendarDate } from "~/domain/dates";
import { CsrfInput } from "~/components/csrf-input";
import { CsvFileField } from "~/components/csv-file-field";
import { FieldError } from "~/components/field-error";
import { requestLng } from "~/i18next.server";
import { canImport, listImports, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, mayReadImports, previewImport } from "~/models/facts-import.server";
import { requireViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readUploadForm } from "~/utils/csrf.server";
import { formatDate, formatDateTime } from "~/domain/format";
import { fixedT } from "~/utils/i18n-node";
import { REQUIRED_COLUMNS, OPTIONAL_COLUMNS } from "~/domain/practice-row";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";
import { parseForm } from "~/utils/parse-form";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const today = () => new Date().toISOString().slice(0, 10);

const UploadSchema = z.object({
  source: z.string().check(z.trim(), z.minLength(1, "workspaces.import.errors.source"), z.maxLength(200, "workspaces.import.errors.sourceTooLong")),
  sourceDate: z.string().check(
    z.refine(isCalendarDate, "workspaces.import.errors.date"),
    z.refine((v) => v <= today(), "workspaces.import.errors.dateFuture"),
  ),
});

type Field = "source" | "sourceDate" | "file";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!mayReadImports(viewer)) throw new Response("Not found", { status: 404 });
  return {
    pageTitle: await titleFor(request, "importStart", viewer.organisationName),
    imports: await listImports(viewer),
    canImport: canImport(viewer),
    maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
    maxRows: MAX_IMPORT_ROWS,
    columns: [...REQUIRED_COLUMNS],
    optional: [...OPTIONAL_COLUMNS],
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!mayReadImports(viewer)) throw new Response("Not found", { status: 404 });
  if (!canImport(viewer)) throw new Response("Forbidden", { status: 403 });
  // A body far larger than any practice list is refused before it is read.
  // A body larger than any spreadsheet is refused while it is read, with the message at the file field.
  const form = await readUploadForm(request);
  if (!form) {
    return data({ errors: { file: "workspaces.import.errors.tooLarge" } as Partial<Record<Field, string>>, problems: [] as string[] }, { status: 413 });
  }
  const parsed = parseForm<z.infer<typeof UploadSchema>, Field>({ source: String(form.get("source") ?? ""), sourceDate: String(form.get("sourceDate") ?? "") }, UploadSchema);
  const file = form.get("file");
  const { errors } = parsed;
  if (!(file instanceof File) || file.size === 0) errors.file = "workspaces.import.errors.file";
  else if (file.size > MAX_IMPORT_BYTES) errors.file = "workspaces.import.errors.tooLarge";
  if (!parsed.data || errors.file || !(file instanceof File)) return data({ errors, problems: [] as string[] }, { status: 400 });
  const result = await previewImport({
    viewer,
    fileName: file.name.slice(0, 200) || "import.csv",
    bytes: Buffer.from(await file.arrayBuffer()),
    source: parsed.data.source,
    sourceDate: parsed.data.sourceDate,
  });
  if (!result.ok) {
    const t = fixedT(await requestLng(request), "server");
    return data(
      { errors: { file: "workspaces.import.errors.unreadable" } as Partial<Record<Field, string>>, problems: result.problems.map((p) => t(p.code, p.params)) },
      { status: 400 },
    );
  }
  return redirect(`/portfolio/import/${result.id}`);
}

export default function ImportPage() {
  const { imports, canImport, maxMb, maxRows, columns, optional } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const errors = actionData?.errors ?? {};
  const described = (field: Field, help?: string) => [help, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="workspace narrow-wide">
      <p className="eyebrow">
        <Link to="/portfolio">{t("workspaces.portfolio.title")}</Link>
      </p>
      <h1>{t("workspaces.import.title")}</h1>
      <p className="lead">{t("workspaces.import.lead")}</p>
      <details className="explain">
        <summary>{t("workspaces.import.formatTitle")}</summary>
        <p>{t("workspaces.import.formatBody")}</p>
        <p>
          <code className="wrap">{columns.join(";")}</code>
        </p>
        <p>{t("workspaces.import.optionalColumns", { columns: optional.join(", ") })}</p>
      </details>

      {canImport ? (
        <Form method="post" encType="multipart/form-data" className="stack panel" noValidate aria-labelledby="upload-title">
          <h2 id="upload-title">{t("workspaces.import.upload")}</h2>
          <CsrfInput />
          <CsvFileField id="import-file" maxMb={maxMb} error={errors.file} problems={actionData?.problems ?? []} />
          <p className="hint">{t("workspaces.import.limits", { rows: maxRows, mb: maxMb })}</p>
          <div className="field">
            <label htmlFor="import-source">{t("workspaces.import.source")}</label>
            <p id="import-source-help" className="hint">
              {t("workspaces.import.sourceHelp")}
            </p>
            <input
              id="import-source"
              name="source"
              type="text"
              maxLength={200}
              aria-describedby={described("source", "import-source-help")}
              aria-invalid={errors.source ? true : undefined}
            />
            <FieldError id="source-error" message={errors.source} />
          </div>
          <div className="field">
            <label htmlFor="import-date">{t("workspaces.import.sourceDate")}</label>
            <p id="import-date-help" className="hint">
              {t("workspaces.import.sourceDateHelp")}
            </p>
            <input
              id="import-date"
              name="sourceDate"
              type="date"
              max={today()}
              aria-describedby={described("sourceDate", "import-date-help")}
              aria-invalid={errors.sourceDate ? true : undefined}
            />
            <FieldError id="sourceDate-error" message={errors.sourceDate} />
          </div>
          <button type="submit">{t("workspaces.import.previewButton")}</button>
        </Form>
      ) : (
        <p className="callout">{t("workspaces.import.readOnly")}</p>
      )}

      <section aria-labelledby="imports-title">
        <h2 id="imports-title">{t("workspaces.import.earlier")}</h2>
        {imports.length === 0 ? (
          <p className="hint">{t("workspaces.import.none")}</p>
        ) : (
          <table className="audit">
            <thead>
              <tr>
                <th scope="col">{t("workspaces.import.columns.when")}</th>
                <th scope="col">{t("workspaces.import.columns.file")}</th>
                <th scope="col">{t("workspaces.import.columns.source")}</th>
                <th scope="col">{t("workspaces.import.columns.rows")}</th>
                <th scope="col">{t("workspaces.import.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr key={i.id}>
                  <td>
                    {formatDateTime(i.created_at, lng)}
                    <span className="hint block">{i.created_by_name}</span>
                  </td>
                  <td>
                    <Link to={`/portfolio/import/${i.id}`}>{i.file_name}</Link>
                  </td>
                  <td>
                    {i.source}
                    <span className="hint block">{t("workspaces.import.asOf", { date: formatDate(i.source_date, lng) })}</span>
                  </td>
                  <td className="num">{t("workspaces.import.rowCounts", { rows: i.row_count, errors: i.error_count })}</td>
                  <td>{t(`workspaces.import.status.${i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
