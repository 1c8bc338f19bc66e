/**
 * Import of region figures (Vektis, CBS, Nivel as users download them): one row per region and year,
 * previewed with an error per bad row before anything changes. National data: the platform beheerder
 * only; recorded in the platform's audit trail.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import { CsrfInput } from "~/components/csrf-input";
import { CsvFileField } from "~/components/csv-file-field";
import { FieldError } from "~/components/field-error";
import { REGION_COLUMNS } from "~/domain/regional/region-row";
import { requestLng } from "~/i18next.server";
import { MAX_IMPORT_BYTES } from "~/models/facts-import.server";
import { listRegionImports, previewRegionImport } from "~/models/regions.server";
import { requirePlatformViewer } from "~/models/viewer.server";
import { useLng } from "~/utils/content-text";
import { readUploadForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/domain/format";
import { fixedT } from "~/utils/i18n-node";
import { workspaceClientLoader, workspaceHandle } from "~/utils/workspace-texts";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const handle = workspaceHandle;
export const clientLoader = workspaceClientLoader;

export const meta = titleMeta;

const SourceSchema = z.string().check(z.trim(), z.minLength(1, "workspaces.import.errors.source"), z.maxLength(200, "workspaces.import.errors.sourceTooLong"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformViewer(request);
  return {
    pageTitle: await titleFor(request, "regionImportStart"),
    imports: await listRegionImports(),
    columns: Object.keys(REGION_COLUMNS),
    maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePlatformViewer(request);
  // A body larger than any spreadsheet is refused while it is read, with the message at the file field.
  const form = await readUploadForm(request);
  if (!form) {
    return data({ errors: { file: "workspaces.import.errors.tooLarge" } as Record<string, string>, problems: [] as string[] }, { status: 413 });
  }
  const source = SourceSchema.safeParse(String(form.get("source") ?? ""));
  const file = form.get("file");
  const errors: Record<string, string> = {};
  if (!source.success) errors.source = source.error.issues[0]!.message;
  if (!(file instanceof File) || file.size === 0) errors.file = "workspaces.import.errors.file";
  else if (file.size > MAX_IMPORT_BYTES) errors.file = "workspaces.import.errors.tooLarge";
  if (!source.success || !(file instanceof File) || errors.file) return data({ errors, problems: [] as string[] }, { status: 400 });
  const result = await previewRegionImport({
    admin,
    fileName: file.name.slice(0, 200) || "regio.csv",
    bytes: Buffer.from(await file.arrayBuffer()),
    source: source.data,
  });
  if (!result.ok) {
    const t = fixedT(await requestLng(request), "server");
    return data(
      { errors: { file: "workspaces.import.errors.unreadable" } as Record<string, string>, problems: result.problems.map((p) => t(p.code, p.params)) },
      { status: 400 },
    );
  }
  return redirect(`/beheer/regions/import/${result.id}`);
}

export default function RegionImportPage() {
  const { imports, columns, maxMb } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lng = useLng();
  const errors = actionData?.errors ?? {};
  return (
    <div className="workspace narrow-wide">
      <p className="eyebrow">
        <Link to="/beheer">{t("beheer.title")}</Link> · <Link to="/regions">{t("regions.title")}</Link>
      </p>
      <h1>{t("regions.import.title")}</h1>
      <p className="lead">{t("regions.import.lead")}</p>
      <details className="explain">
        <summary>{t("workspaces.import.formatTitle")}</summary>
        <p>{t("regions.import.format")}</p>
        <p>
          <code className="wrap">{columns.join(";")}</code>
        </p>
      </details>
      <Form method="post" encType="multipart/form-data" className="stack panel" noValidate aria-labelledby="upload-title">
        <h2 id="upload-title">{t("workspaces.import.upload")}</h2>
        <CsrfInput />
        <CsvFileField id="region-file" maxMb={maxMb} error={errors.file} problems={actionData?.problems ?? []} />
        <div className="field">
          <label htmlFor="region-source">{t("workspaces.import.source")}</label>
          <p id="region-source-help" className="hint">
            {t("regions.import.sourceHelp")}
          </p>
          <input
            id="region-source"
            name="source"
            type="text"
            maxLength={200}
            aria-describedby={["region-source-help", errors.source ? "source-error" : ""].filter(Boolean).join(" ")}
            aria-invalid={errors.source ? true : undefined}
          />
          <FieldError id="source-error" message={errors.source} />
        </div>
        <button type="submit">{t("workspaces.import.previewButton")}</button>
      </Form>
      <section aria-labelledby="imports-title">
        <h2 id="imports-title">{t("workspaces.import.earlier")}</h2>
        {imports.length === 0 ? (
          <p className="hint">{t("workspaces.import.none")}</p>
        ) : (
          <ul className="plain">
            {imports.map((i) => (
              <li key={i.id}>
                <Link to={`/beheer/regions/import/${i.id}`}>{i.file_name}</Link> · {i.source} ·{" "}
                {t("workspaces.import.rowCounts", { rows: i.row_count, errors: i.error_count })} · {t(`workspaces.import.status.${i.status}`)}{" "}
                <span className="hint">{formatDateTime(i.created_at, lng)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
