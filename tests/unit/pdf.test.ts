/**
 * The report's PDF as a reader's software sees it (poppler's pdfinfo and pdftotext): tagged, titled, in
 * the reader's language, with headings, lists and tables in its structure, the summary first, "Pagina 2
 * van 7" on every page, and no doubled punctuation after a question ("…onze praktijk?:").
 */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { getQuestionnaire } from "~/models/content.server";
import { assessmentSummary } from "~/domain/summary";
import { walk, progressTotals } from "~/domain/walk";
import type { Lng } from "~/i18n";
import i18next from "~/i18next.server";
import { answerValues, getAnswers, getAssessment, saveAnswers } from "~/models/assessment.server";
import { startSelfAssessment } from "~/models/start.server";
import { renderReportPdf } from "~/models/report-export.server";
import { buildReport } from "~/models/report.server";
import { makeAnswers, makeOrganisation, makePractice, makeViewer, statement } from "../factories";
import { pdfFacts, type PdfFacts } from "../pdf-info";

const pdfs = {} as Record<Lng, PdfFacts & { bytes: Buffer }>;

beforeAll(async () => {
  const db = await getDb();
  const org = await makeOrganisation(db, { kind: "praktijk" });
  const viewer = await makeViewer(db, { organisation: org });
  const practice = await makePractice(db, { organisation_id: org.id, name: "Huisartsenpraktijk De Linde" });
  const id = (await startSelfAssessment({ practiceId: practice.id, viewer }))!;
  // A bestuurder owns it (a signal); governance and regional cooperation unknown; one kernpunt answered nee.
  const answers = makeAnswers({ eigenaar: "bestuurder", "governance-vastgelegd": statement("weet-niet"), "hele-mens-centraal": statement("nee", "Te weinig tijd.") });
  await saveAnswers({ assessment: { id, status: "concept" }, viewer, entries: Object.entries(answers).map(([questionId, value]) => ({ questionId, value, seenRevision: 0 })) });
  const assessment = (await getAssessment({ id, viewerOrgId: org.id }))!;
  const questionnaire = getQuestionnaire(assessment.content_version);
  const values = answerValues(await getAnswers(id));
  const ctx = { viewer, assessment, questionnaire, editable: true, stored: await getAnswers(id), answers: values, states: walk(questionnaire, values) };
  for (const lng of ["nl", "en"] as const) {
    const report = await buildReport(ctx, lng);
    const summary = assessmentSummary({ signals: report.signals, totals: progressTotals(ctx.states), rulesVersion: assessment.content_version, assessment });
    const bytes = await renderReportPdf(report, await i18next.getFixedT(lng), { lng, summary });
    pdfs[lng] = { ...pdfFacts(bytes), bytes };
  }
});

describe("the report's PDF", () => {
  test("is tagged (PDF 1.7), titled with the report and practice, and says its language", () => {
    expect(pdfs.nl.tagged).toBe(true);
    expect(pdfs.nl.version).toBe("1.7");
    expect(pdfs.nl.title).toBe("Rapport: Huisartsenpraktijk De Linde");
    expect(pdfs.en.title).toBe("Report: Huisartsenpraktijk De Linde");
    expect(pdfs.nl.bytes.toString("latin1")).toContain("/Lang (nl-NL)");
    expect(pdfs.en.bytes.toString("latin1")).toContain("/Lang (en-GB)");
    expect(pdfs.nl.bytes.toString("latin1")).toContain("/DisplayDocTitle true");
  });

  test("its structure has headings, paragraphs, lists and label-value tables with row headers", () => {
    const elements = new Set(pdfs.nl.structure.split("\n").map((line) => line.trim().split(/\s/)[0]));
    for (const element of ["Document", "H1", "H2", "H3", "H4", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD"]) expect(elements, element).toContain(element);
  });

  test("opens with the summary: signals in a line, questions answered of shown, rules version, date", () => {
    const first = pdfs.nl.pageTexts[0]!;
    expect(first).toMatch(/1 signaal, 2 onbekend · \d+ van \d+ vragen beantwoord · regels v1 · laatst gewijzigd op \d+ \w+ \d{4}/);
    expect(first.indexOf("1 signaal, 2 onbekend")).toBeLessThan(first.indexOf("Praktijkgegevens"));
    expect(pdfs.en.pageTexts[0]).toMatch(/1 signal, 2 unknown · \d+ of \d+ questions answered · rules v1 · last changed on/);
  });

  test('every page says "Pagina n van N" (English: "Page n of N")', () => {
    expect(pdfs.nl.pages).toBeGreaterThan(2);
    pdfs.nl.pageTexts.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Pagina ${i + 1} van ${pdfs.nl.pages}`));
    pdfs.en.pageTexts.forEach((text, i) => expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pdfs.en.pages}`));
  });

  test("a question as a label is not followed by a colon; the facts read with their units", () => {
    const text = pdfs.nl.pageTexts.join("\n");
    expect(text).toContain("Wie is eigenaar van onze praktijk?");
    expect(text).not.toMatch(/\?:/);
    expect(text).toContain("40 uur per week");
  });
});
