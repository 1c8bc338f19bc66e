/**
 * Groups of questions in content (issue 13, item 6): the Wtza/Wkkgz/Wmg checklist is collapsed for a
 * huisarts-owner and open and essential when the owner is not a huisarts or not known — a rule in the
 * content, evaluated by the pure layout function; a group that does not fit its section is refused.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { getQuestionnaire, loadQuestionnaireFrom } from "~/models/content.server";
import { ContentIntegrityError } from "~/domain/content/questionnaire";
import { questionBlocks } from "~/domain/question-groups";
import { contextFor, walk } from "~/domain/walk";
import { makeAnswers } from "../factories";

const questionnaire = getQuestionnaire(1);
const governance = questionnaire.sectionById.get("governance")!;
const CHECKLIST = [
  "intern-toezicht",
  "organisatie-goede-zorg",
  "kwaliteit-systematisch-bewaakt",
  "incidentenprocedure",
  "regeling-financiele-bedrijfsvoering",
  "zorgactiviteiten-financieel-gescheiden",
  "financiele-administratie-controleerbaar",
  "rechtmatig-declareren",
];

function layout(eigenaar: string | undefined) {
  const answers = makeAnswers(eigenaar === undefined ? {} : { eigenaar });
  if (eigenaar === undefined) delete answers.eigenaar;
  const state = walk(questionnaire, answers).find((s) => s.section.id === "governance")!;
  return questionBlocks(governance, state.visible, contextFor(questionnaire, answers));
}

describe("the governance checklist", () => {
  test("is one group of the eight Wtza/Wkkgz/Wmg statements, after the seven other questions", () => {
    const blocks = layout("huisarts");
    expect(blocks.slice(0, 7).every((b) => b.kind === "question")).toBe(true);
    expect(blocks).toHaveLength(8);
    const group = blocks[7]!;
    expect(group.kind).toBe("group");
    if (group.kind !== "group") return;
    expect(group.questions.map((q) => q.id)).toEqual(CHECKLIST);
  });

  test.each([
    ["huisarts", false],
    ["andere-zorgverlener", true],
    ["bestuurder", true],
    ["onbekend", true],
  ])("owner %s: essential %s", (eigenaar, essential) => {
    const group = layout(eigenaar).find((b) => b.kind === "group");
    expect(group?.kind === "group" && group.essential).toBe(essential);
  });

  test("the questions are asked either way: collapsing changes what is read, not what is shown", () => {
    const visible = (eigenaar: string) => walk(questionnaire, makeAnswers({ eigenaar })).find((s) => s.section.id === "governance")!.total;
    expect(visible("huisarts")).toBe(visible("bestuurder"));
  });
});

describe("a group that does not fit its section is refused", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  function changed(change: (text: string) => string) {
    const dir = mkdtempSync(path.join(tmpdir(), "kws-groups-"));
    dirs.push(dir);
    cpSync(path.resolve("content/v1"), dir, { recursive: true });
    const file = path.join(dir, "sections/07-governance.yaml");
    const before = readFileSync(file, "utf8");
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    return () => loadQuestionnaireFrom(dir);
  }

  test("a question of another section", () => {
    const load = changed((t) => t.replace("      - intern-toezicht\n", "      - vaste-huisarts\n"));
    expect(load).toThrow(ContentIntegrityError);
    expect(load).toThrow(/group wettelijke-eisen lists a question that is not in section governance/);
  });

  test("questions that do not follow each other", () => {
    const load = changed((t) => t.replace("      - intern-toezicht\n", "      - medisch-eindverantwoordelijke-huisarts\n"));
    expect(load).toThrow(/group wettelijke-eisen: its questions must follow each other/);
  });

  test("a condition on an unknown question", () => {
    const load = changed((t) => t.replace("essentialWhen: { question: eigenaar,", "essentialWhen: { question: eigenaarschap,"));
    expect(load).toThrow(/group wettelijke-eisen essentialWhen refers to unknown question eigenaarschap/);
  });
});
