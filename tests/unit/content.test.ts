/**
 * The questionnaire as data: every version loads and covers every kernpunt, texts exist in both
 * languages and perspectives, the facts adapter's question ids exist with their types, and a broken
 * content folder is refused with a message that says what is wrong.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ContentError, getQuestionnaire, listContentVersions, loadQuestionnaireFrom } from "~/models/content.server";
import { ContentIntegrityError, EXPECTED_KERNPUNT_COUNTS, uncoveredKernpunten } from "~/domain/content/questionnaire";
import { KERNWAARDEN, type PerspectiveText, type Question } from "~/domain/content/schema";
import { FACT_QUESTIONS, HUISARTS_FIELDS, KETEN_LEGAL_FORM, OWNER_KINDS } from "~/domain/facts";

const SOURCE = path.resolve("content/v1");
const questionnaire = getQuestionnaire(1);

const EXPECTED_KERNPUNTEN = [
  ...Array.from({ length: 8 }, (_, i) => `continuiteit-${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `persoonsgericht-${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `gezamenlijk-${i + 1}`),
  ...Array.from({ length: 4 }, (_, i) => `medisch-generalistisch-${i + 1}`),
];

function question(id: string): Question {
  const found = questionnaire.questionById.get(id);
  if (!found) throw new Error(`no question ${id} in content v1`);
  return found.question;
}

describe("every content version", () => {
  const versions = listContentVersions();

  test("there is at least version 1", () => {
    expect(versions).toContain(1);
  });

  test.each(versions)("v%i loads, says its own version and covers every kernpunt", (version) => {
    const q = getQuestionnaire(version);
    expect(q.version).toBe(version);
    expect(uncoveredKernpunten(q)).toEqual([]);
    expect(q.kernwaarden.map((k) => k.id)).toEqual([...KERNWAARDEN]);
    for (const kernwaarde of q.kernwaarden) {
      expect(kernwaarde.kernpunten, kernwaarde.id).toHaveLength(EXPECTED_KERNPUNT_COUNTS[kernwaarde.id]);
    }
  });
});

describe("kernpunten in v1", () => {
  test("exactly the 29 kernpunten of the source, in order", () => {
    expect(EXPECTED_KERNPUNTEN).toHaveLength(29);
    expect([...questionnaire.kernpuntById.keys()]).toEqual(EXPECTED_KERNPUNTEN);
  });

  test.each(EXPECTED_KERNPUNTEN)("%s is served by at least one question, and by a statement that gives it a status", (id) => {
    const questions = questionnaire.questionsByKernpunt.get(id) ?? [];
    expect(questions.length).toBeGreaterThan(0);
    // The overview takes a kernpunt's status from statements only; without one it stays onbekend forever.
    expect(questions.some((q) => q.type === "statement")).toBe(true);
  });

  test("each kernpunt has its text in both languages and at least one source", () => {
    for (const [id, kernpunt] of questionnaire.kernpuntById) {
      expect(kernpunt.text.nl.trim(), id).not.toBe("");
      expect(kernpunt.text.en.trim(), id).not.toBe("");
      expect(kernpunt.sources.length, id).toBeGreaterThan(0);
      expect(id.startsWith(`${kernpunt.kernwaarde}-`), id).toBe(true);
    }
  });

  test("ANW participation is asked once and serves both continuiteit-4 and gezamenlijk-11", () => {
    const anw = question("anw-deelname");
    expect(anw.type).toBe("statement");
    expect(anw.kernpunten).toEqual(expect.arrayContaining(["continuiteit-4", "gezamenlijk-11"]));
    const asked = questionnaire.sections.flatMap((s) => s.questions).filter((q) => q.id === "anw-deelname");
    expect(asked).toHaveLength(1);
    expect(questionnaire.questionsByKernpunt.get("continuiteit-4")).toContain(anw);
    expect(questionnaire.questionsByKernpunt.get("gezamenlijk-11")).toContain(anw);
  });
});

describe("texts", () => {
  /** Every perspective text in v1 with where it sits, for a readable failure. */
  function perspectiveTexts(): Array<[string, PerspectiveText]> {
    const out: Array<[string, PerspectiveText]> = [];
    for (const section of questionnaire.sections) {
      if (section.intro) out.push([`${section.id}.intro`, section.intro]);
      if (section.priority) out.push([`${section.id}.priority.note`, section.priority.note]);
      for (const q of section.questions) {
        out.push([`${q.id}.text`, q.text]);
        if (q.help) out.push([`${q.id}.help`, q.help]);
        if (q.type === "statement" && q.dialogue) out.push([`${q.id}.dialogue`, q.dialogue]);
        if (q.type === "list") for (const f of q.item) out.push([`${q.id}.${f.id}.text`, f.text]);
      }
    }
    return out;
  }

  test("every text has nl and en; perspective texts have both for self and assessor", () => {
    const problems: string[] = [];
    const check = (where: string, text: Record<string, unknown>) => {
      for (const lng of ["nl", "en"]) {
        if (typeof text[lng] !== "string" || (text[lng] as string).trim() === "") problems.push(`${where}.${lng}`);
      }
    };
    for (const [where, text] of perspectiveTexts()) {
      if ("self" in text) {
        check(`${where}.self`, text.self);
        check(`${where}.assessor`, text.assessor);
      } else {
        check(where, text);
      }
    }
    expect(problems).toEqual([]);
  });

  test("a statement with perspective text reads differently for the practice and for an assessor", () => {
    const statements = questionnaire.sections.flatMap((s) => s.questions).filter((q) => q.type === "statement");
    expect(statements.length).toBeGreaterThan(29);
    const same: string[] = [];
    for (const s of statements) {
      if (!("self" in s.text)) continue;
      if (s.text.self.nl === s.text.assessor.nl) same.push(`${s.id}.nl`);
      if (s.text.self.en === s.text.assessor.en) same.push(`${s.id}.en`);
    }
    expect(same).toEqual([]);
  });
});

describe("the facts adapter's questions exist with their types", () => {
  test.each([
    { key: "owner", type: "choice", options: [...OWNER_KINDS] },
    { key: "registeredPatients", type: "integer" },
    { key: "huisartsen", type: "list" },
    { key: "medicallyResponsibleGp", type: "statement" },
    { key: "governanceDocumented", type: "statement" },
    { key: "hagroPresent", type: "choice", options: ["ja", "nee", "onbekend"] },
    { key: "hagroParticipation", type: "statement" },
    { key: "nearbyCooperation", type: "statement" },
    { key: "anw", type: "statement" },
  ] as const)("$key", ({ key, type, ...rest }) => {
    const q = question(FACT_QUESTIONS[key]);
    expect(q.type).toBe(type);
    if ("options" in rest && q.type === "choice") {
      expect(q.options.map((o) => o.id)).toEqual(rest.options);
    }
  });

  test("the expected ids themselves", () => {
    expect(FACT_QUESTIONS).toEqual({
      owner: "eigenaar",
      registeredPatients: "ingeschreven-patienten",
      huisartsen: "huisartsen",
      medicallyResponsibleGp: "medisch-eindverantwoordelijke-huisarts",
      governanceDocumented: "governance-vastgelegd",
      hagroPresent: "hagro-aanwezig",
      hagroParticipation: "hagro-deelname",
      nearbyCooperation: "samenwerking-huisartsen-omgeving",
      anw: "anw-deelname",
      legalForm: "rechtsvorm",
    });
  });

  test("the legal form has the option that means part of a keten or holding (rules v2 read it)", () => {
    const q = question(FACT_QUESTIONS.legalForm);
    expect(q.type === "choice" && q.options.map((o) => o.id)).toEqual(expect.arrayContaining([KETEN_LEGAL_FORM, "onbekend"]));
  });

  test("the nearby-cooperation statement is asked exactly when there is no hagro or that is not known", () => {
    expect(question(FACT_QUESTIONS.nearbyCooperation).showWhen).toEqual({ not: { question: FACT_QUESTIONS.hagroPresent, equals: "ja" } });
  });

  test("the huisartsen list has rol (choice), uren-per-week (number) and dagen-aanwezig (weekdays)", () => {
    const list = question(FACT_QUESTIONS.huisartsen);
    if (list.type !== "list") throw new Error("huisartsen is not a list");
    const field = (id: string) => list.item.find((f) => f.id === id);
    expect(field(HUISARTS_FIELDS.role)?.type).toBe("choice");
    expect(["decimal", "integer"]).toContain(field(HUISARTS_FIELDS.hours)?.type);
    expect(field(HUISARTS_FIELDS.weekdays)?.type).toBe("weekdays");
    const rol = field(HUISARTS_FIELDS.role);
    // The waarnemer share reads these roles.
    expect(rol?.type === "choice" && rol.options.map((o) => o.id)).toEqual(
      expect.arrayContaining(["vaste-waarnemer", "incidentele-waarnemer"]),
    );
  });
});

describe("a broken content folder is refused with a clear error", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A copy of content/v1 with one file changed. */
  function brokenCopy(file: string, change: (text: string) => string) {
    const dir = mkdtempSync(path.join(tmpdir(), "kws-content-"));
    dirs.push(dir);
    cpSync(SOURCE, dir, { recursive: true });
    const target = path.join(dir, file);
    const before = readFileSync(target, "utf8");
    const after = change(before);
    expect(after, "the test's change must alter the file").not.toBe(before);
    writeFileSync(target, after);
    return dir;
  }

  test("an untouched copy loads (the harness itself is sound)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kws-content-"));
    dirs.push(dir);
    cpSync(SOURCE, dir, { recursive: true });
    expect(loadQuestionnaireFrom(dir).questionById.size).toBe(questionnaire.questionById.size);
  });

  test.each([
    {
      name: "YAML that does not parse",
      file: "kernpunten.yaml",
      change: (t: string) => t.replace("kernwaarden:", "kernwaarden: [\n  - {"),
      error: ContentError,
      message: /kernpunten\.yaml: cannot read YAML/,
    },
    {
      name: "a question citing unknown kernpunt continuiteit-99",
      file: "sections/02-continuiteit.yaml",
      change: (t: string) => t.replace("kernpunten: [continuiteit-1]", "kernpunten: [continuiteit-99]"),
      error: ContentIntegrityError,
      message: /question vaste-huisarts cites unknown kernpunt continuiteit-99/,
    },
    {
      name: "a condition on an unknown parameter",
      file: "sections/02-continuiteit.yaml",
      change: (t: string) => t.replace("gt: { param: maxPatientsPerFte }", "gt: { param: maxPatientsPerDay }"),
      error: ContentError,
      message: /02-continuiteit\.yaml does not match the content schema:\n\s+at questions\.\d+\.showWhen/,
    },
    {
      name: "a condition on an unknown question",
      file: "sections/06-regionale-samenwerking.yaml",
      change: (t: string) => t.replace("showWhen: { question: hagro-aanwezig, equals: ja }", "showWhen: { question: hagro-bestaat, equals: ja }"),
      error: ContentIntegrityError,
      message: /question hagro-deelname showWhen refers to unknown question hagro-bestaat/,
    },
    {
      name: "a question id used twice",
      file: "sections/03-persoonsgericht.yaml",
      change: (t: string) => t.replace("- id: hele-mens-centraal", "- id: vaste-huisarts"),
      error: ContentIntegrityError,
      message: /question vaste-huisarts appears twice/,
    },
    {
      name: "a missing parameter",
      file: "parameters.yaml",
      change: (t: string) => t.replace(/^maxPatientsPerFte:.*$/m, ""),
      error: ContentError,
      message: /parameters\.yaml does not match the content schema:\n\s+at maxPatientsPerFte/,
    },
    {
      name: "a section file the manifest lists but that does not exist",
      file: "manifest.yaml",
      change: (t: string) => t.replace("sections/07-governance.yaml", "sections/08-bestaat-niet.yaml"),
      error: ContentError,
      message: /08-bestaat-niet\.yaml: cannot read YAML/,
    },
    {
      name: "a kernpunt listed under the wrong kernwaarde",
      file: "kernpunten.yaml",
      change: (t: string) => t.replace("- id: persoonsgericht-1\n", "- id: continuiteit-9\n"),
      error: ContentIntegrityError,
      message: /kernpunt continuiteit-9 is listed under persoonsgericht/,
    },
  ])("$name", ({ file, change, error, message }) => {
    const dir = brokenCopy(file, change);
    expect(() => loadQuestionnaireFrom(dir)).toThrow(error);
    expect(() => loadQuestionnaireFrom(dir)).toThrow(message);
  });

  test("a version folder whose manifest names another version is refused", () => {
    const root = mkdtempSync(path.join(tmpdir(), "kws-root-"));
    dirs.push(root);
    cpSync(SOURCE, path.join(root, "v7"), { recursive: true });
    const previous = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = root;
    try {
      expect(listContentVersions()).toEqual([7]);
      expect(() => getQuestionnaire(7)).toThrow(/content\/v7\/manifest\.yaml says version 1/);
    } finally {
      if (previous === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = previous;
    }
  });
});
