/** The conversation guide as a PDF, drawn from the same guide the page shows (so they cannot disagree). */
import type { TFunction } from "i18next";
import type { Lng } from "~/i18n";
import { formatDate, formatNumber } from "~/domain/format";
import { createPdf, labelled } from "~/utils/pdf.server";
import type { BeforeJoining, GuideSection } from "./guide.server";
import type { regionContextView } from "./regions.server";

export interface GuidePdfInput {
  title: string;
  subject: string;
  meta: string;
  reading: string;
  order: string;
  sources: string[];
  sections: GuideSection[];
  beforeJoining: BeforeJoining | null;
  notes: Array<{ kind: "note" | "agreement"; text: string; on_date: string; due_date: string | null; created_by_name: string | null }>;
  region: RegionView | null;
}

type Pdf = ReturnType<typeof createPdf>;

/** "Vragen om te stellen voordat u instapt", in a guide's or an afweging report's PDF. */
export function pdfBeforeJoining({ h2, p, list }: Pick<Pdf, "h2" | "p" | "list">, data: BeforeJoining, t: TFunction) {
  h2(data.title);
  p(data.intro);
  for (const advice of data.advice) p(advice, { italic: true });
  list(
    data.questions.map((q) => `${q.question} (${q.topic})`),
    { numbered: true },
  );
  p(`${t("signals.source")}: ${data.source}`, { muted: true });
}

type RegionView = NonNullable<Awaited<ReturnType<typeof regionContextView>>>;

/** The practice's region in the matrix, as context: a row per indicator with its value, unit and colour in words. */
export function pdfRegion({ h2, p, pairs }: Pick<Pdf, "h2" | "p" | "pairs">, region: RegionView | null, t: TFunction, lng: Lng) {
  if (!region) return;
  h2(t("matrix.context.title", { name: region.name, year: region.year }));
  p(t("matrix.context.lead", { count: region.red }), { muted: true });
  pairs(
    region.cells.map(({ indicator, cell }) => {
      const value = cell.value === null ? "-" : formatNumber(cell.value, lng, indicator.decimals, indicator.decimals);
      const measured = cell.value === null ? value : t("pages.units.withUnit", { value, unit: indicator.unit });
      return { label: indicator.title, value: `${measured} (${cell.reason === "too-few-regions" ? t("matrix.colour.tooFew") : t(`matrix.colour.${cell.colour}`)})` };
    }),
  );
}

export function renderGuidePdf(g: GuidePdfInput, t: TFunction, lng: Lng): Promise<Buffer> {
  const pdf = createPdf({ title: `${g.title}: ${g.subject}`, author: t("app.name"), subject: g.title, lng });
  const { h1, h2, h3, p, list, pairs, finish } = pdf;
  h1(`${g.title}: ${g.subject}`);
  p(g.meta, { muted: true });
  p(g.reading);
  p(g.order, { muted: true });
  h3(t("workspaces.guide.sourcesTitle"));
  list(g.sources);
  pdfRegion(pdf, g.region, t, lng);
  let n = 0;
  for (const section of g.sections) {
    h2(section.title);
    for (const e of section.entries) {
      h3(`${++n}. ${e.heading}${e.status ? ` — ${e.status.label}` : ""}`);
      p(t("workspaces.guide.basis", { basis: e.basis }), { muted: true });
      if (e.sides) pairs([{ label: t("workspaces.source.self"), value: e.sides.self }, { label: t("workspaces.source.own"), value: e.sides.own }]);
      if (e.evidence.length) pairs(e.evidence);
      if (e.kernpunten.length) p(`${t("signals.kernpunten")}: ${e.kernpunten.map((k) => k.id).join(", ")}`, { muted: true });
      if (e.source) p(`${t("signals.source")}: ${e.source}`, { muted: true });
      list(e.questions);
      for (const c of e.context) p(labelled(c.label, c.text), { italic: true });
    }
  }
  if (g.beforeJoining) pdfBeforeJoining(pdf, g.beforeJoining, t);
  h2(t("workspaces.notes.title"));
  if (g.notes.length === 0) p(t("workspaces.notes.none"), { muted: true });
  for (const note of g.notes) {
    const when = t(note.kind === "agreement" ? "workspaces.notes.agreedOn" : "workspaces.notes.notedOn", { date: formatDate(note.on_date, lng), who: note.created_by_name ?? "" });
    h3(`${t(`workspaces.notes.kinds.${note.kind}`)} · ${when}${note.due_date ? ` · ${t("workspaces.notes.due", { date: formatDate(note.due_date, lng) })}` : ""}`);
    p(note.text);
  }
  return finish((page, total) => `${g.subject} · ${t("report.page", { page, total })} · ${t("app.name")}`);
}
