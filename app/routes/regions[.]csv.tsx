/** The signaleringsmatrix of one year as CSV for Dutch Excel (`;`, BOM): value and colour per indicator. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cutOffText, formatIndicator } from "~/components/regional";
import i18next, { requestLng } from "~/i18next.server";
import { getRegionalMatrix, indicatorViews } from "~/models/regions.server";
import { requireViewer } from "~/models/viewer.server";
import { toDelimited } from "~/utils/csv";
import { downloadResponse, exportFileName } from "~/utils/download.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request);
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const m = await getRegionalMatrix(Number(new URL(request.url).searchParams.get("jaar")) || undefined);
  const indicators = indicatorViews(m.criteria, lng);
  const rows: string[][] = [
    [
      t("regions.columns.code"),
      t("regions.columns.region"),
      t("regions.year"),
      t("regions.columns.red"),
      ...indicators.flatMap((i) => [`${i.title} (${i.unit})`, t("regions.columns.colourOf", { title: i.title })]),
    ],
  ];
  for (const r of m.matrix?.regions ?? []) {
    rows.push([
      r.code,
      r.name,
      String(r.year),
      String(r.red),
      ...indicators.flatMap((i) => {
        const cell = r.cells[i.id];
        return [formatIndicator(cell.value, i.decimals, lng) ?? "", t(`matrix.colour.${cell.colour}`)];
      }),
    ]);
  }
  // Which criteria coloured it, under the table: a spreadsheet travels without the page.
  if (m.matrix) {
    rows.push([]);
    for (const i of indicators) rows.push([t("regions.columns.criteria"), i.title, cutOffText(m.matrix.cutOffs[i.id], t, lng)]);
    rows.push([t("regions.columns.caveat"), m.criteria.caveat[lng]]);
  }
  return downloadResponse(
    toDelimited(rows, { delimiter: ";", bom: true }),
    "text/csv; charset=utf-8",
    exportFileName(`${t("regions.fileName")} ${m.year ?? ""}`, new Date().toISOString(), "csv"),
  );
}
