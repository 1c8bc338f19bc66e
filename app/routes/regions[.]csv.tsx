/** The signaleringsmatrix of one year as CSV for Dutch Excel (`;`, BOM): value and colour per indicator. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cutOffText, formatIndicator } from "~/components/regional";
import i18next, { requestLng } from "~/i18next.server";
import { getRegionalMatrix, indicatorViews, mayViewOwnCriteria } from "~/models/regions.server";
import { requireReader } from "~/models/viewer.server";
import { toDelimited } from "~/utils/csv";
import { downloadResponse, exportFileName } from "~/utils/download.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer } = await requireReader(request);
  const lng = await requestLng(request);
  const t = await i18next.getFixedT(lng);
  const params = new URL(request.url).searchParams;
  // The organisation's own view (its own cut-offs, labelled so in the criteria rows) only when asked for.
  const own = viewer !== null && mayViewOwnCriteria(viewer) && params.get("grenzen") === "eigen";
  const m = await getRegionalMatrix(Number(params.get("jaar")) || undefined, own && viewer ? viewer.organisationId : undefined);
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
    for (const i of indicators) {
      const override = m.overrides.find((o) => o.indicatorId === i.id);
      rows.push([t("regions.columns.criteria"), i.title, cutOffText(m.matrix.cutOffs[i.id], t, lng, override?.kind === "own")]);
    }
    rows.push([t("regions.columns.caveat"), m.criteria.caveat[lng]]);
  }
  return downloadResponse(
    toDelimited(rows, { delimiter: ";", bom: true }),
    "text/csv; charset=utf-8",
    exportFileName(`${t("regions.fileName")} ${m.year ?? ""}`, new Date().toISOString(), "csv"),
  );
}
