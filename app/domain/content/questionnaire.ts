/**
 * A loaded questionnaire version with its indexes, and the cross-file checks that a single file's
 * schema cannot make (unique ids, references in conditions, kernpunt ids that exist).
 */
import type { z } from "zod";
import type {
  Condition,
  DialogueFile,
  Kernpunt,
  KernpuntenFileSchema,
  Kernwaarde,
  LocalizedText,
  ManifestSchema,
  Parameters,
  Question,
  Section,
  SignalsFile,
} from "./schema";

export type KernwaardeContent = z.output<typeof KernpuntenFileSchema>["kernwaarden"][number];

export interface Questionnaire {
  version: number;
  published: string;
  title: LocalizedText;
  sources: z.output<typeof ManifestSchema>["sources"];
  parameters: Parameters;
  kernwaarden: KernwaardeContent[];
  sections: Section[];
  sectionById: Map<string, Section>;
  questionById: Map<string, { question: Question; section: Section }>;
  kernpuntById: Map<string, Kernpunt & { kernwaarde: Kernwaarde }>;
  /** The questions that serve each kernpunt, in questionnaire order. */
  questionsByKernpunt: Map<string, Question[]>;
  /** The five signals' wording, kernpunten, source and dialogue questions. */
  signals: SignalsFile;
  /** The conversation guide's, the comparison's and the afweging's texts. */
  dialogue: DialogueFile;
}

export class ContentIntegrityError extends Error {}

function conditionRefs(condition: Condition): { questions: string[]; params: string[] } {
  const questions: string[] = [];
  const params: string[] = [];
  const visit = (c: Condition) => {
    if ("all" in c) c.all.forEach(visit);
    else if ("any" in c) c.any.forEach(visit);
    else if ("not" in c) visit(c.not);
    else {
      if ("question" in c) questions.push(c.question);
      for (const key of ["gt", "gte", "lt", "lte"] as const) {
        const value = (c as Record<string, unknown>)[key];
        if (value && typeof value === "object" && "param" in value) params.push(String(value.param));
      }
    }
  };
  visit(condition);
  return { questions, params };
}

export function buildQuestionnaire(input: {
  manifest: z.output<typeof ManifestSchema>;
  kernpunten: z.output<typeof KernpuntenFileSchema>;
  parameters: Parameters;
  sections: Section[];
  signals: SignalsFile;
  dialogue: DialogueFile;
}): Questionnaire {
  const problems: string[] = [];
  const sectionById = new Map<string, Section>();
  const questionById = new Map<string, { question: Question; section: Section }>();
  const kernpuntById = new Map<string, Kernpunt & { kernwaarde: Kernwaarde }>();
  const questionsByKernpunt = new Map<string, Question[]>();

  for (const kernwaarde of input.kernpunten.kernwaarden) {
    for (const kernpunt of kernwaarde.kernpunten) {
      if (!kernpunt.id.startsWith(`${kernwaarde.id}-`)) {
        problems.push(`kernpunt ${kernpunt.id} is listed under ${kernwaarde.id}`);
      }
      if (kernpuntById.has(kernpunt.id)) problems.push(`kernpunt ${kernpunt.id} is listed twice`);
      kernpuntById.set(kernpunt.id, { ...kernpunt, kernwaarde: kernwaarde.id });
      questionsByKernpunt.set(kernpunt.id, []);
    }
  }

  for (const section of input.sections) {
    if (sectionById.has(section.id)) problems.push(`section ${section.id} appears twice`);
    sectionById.set(section.id, section);
    for (const question of section.questions) {
      if (questionById.has(question.id)) problems.push(`question ${question.id} appears twice`);
      questionById.set(question.id, { question, section });
      for (const kernpuntId of question.kernpunten) {
        const list = questionsByKernpunt.get(kernpuntId);
        if (!list) problems.push(`question ${question.id} cites unknown kernpunt ${kernpuntId}`);
        else list.push(question);
      }
    }
  }

  const checkCondition = (where: string, condition: Condition | undefined) => {
    if (!condition) return;
    const refs = conditionRefs(condition);
    for (const ref of refs.questions) {
      if (!questionById.has(ref)) problems.push(`${where} refers to unknown question ${ref}`);
    }
    for (const ref of refs.params) {
      if (!(ref in input.parameters)) problems.push(`${where} refers to unknown parameter ${ref}`);
    }
  };
  const registerSeen = new Set<string>();
  for (const section of input.sections) {
    checkCondition(`section ${section.id} priority`, section.priority?.when);
    const order = section.questions.map((q) => q.id);
    const grouped = new Set<string>();
    for (const group of section.groups) {
      checkCondition(`group ${group.id} essentialWhen`, group.essentialWhen);
      const at = group.questions.map((id) => order.indexOf(id));
      if (at.some((i) => i < 0)) problems.push(`group ${group.id} lists a question that is not in section ${section.id}`);
      else if (at.some((i, n) => i !== at[0]! + n)) problems.push(`group ${group.id}: its questions must follow each other in the section's order`);
      for (const id of group.questions) {
        if (grouped.has(id)) problems.push(`question ${id} is in two groups`);
        grouped.add(id);
      }
    }
    for (const question of section.questions) {
      checkCondition(`question ${question.id} showWhen`, question.showWhen);
      if (question.type === "statement") {
        question.autoStatus.forEach((auto, i) =>
          checkCondition(`question ${question.id} autoStatus[${i}]`, auto.when),
        );
      }
      if (question.type === "text" && question.register) {
        // A register fact is shown once and never hidden: it is given, not asked.
        if (registerSeen.has(question.register)) problems.push(`question ${question.id} shows register fact ${question.register} a second time`);
        registerSeen.add(question.register);
        if (question.showWhen) problems.push(`register question ${question.id} may not have showWhen`);
      }
      if (question.type === "list") {
        for (const field of question.item) {
          if (field.showWhen) problems.push(`list field ${question.id}.${field.id} may not have showWhen`);
        }
      }
    }
  }

  for (const signal of input.signals.signals) {
    for (const id of signal.kernpunten) {
      if (!kernpuntById.has(id)) problems.push(`signal ${signal.id} cites unknown kernpunt ${id}`);
    }
  }
  if (new Set(input.signals.signals.map((s) => s.id)).size !== input.signals.signals.length) {
    problems.push("signals.yaml lists a signal twice");
  }

  if (problems.length > 0) {
    throw new ContentIntegrityError(`content v${input.manifest.version} is inconsistent:\n  ${problems.join("\n  ")}`);
  }

  return {
    version: input.manifest.version,
    published: input.manifest.published,
    title: input.manifest.title,
    sources: input.manifest.sources,
    parameters: input.parameters,
    kernwaarden: input.kernpunten.kernwaarden,
    sections: input.sections,
    sectionById,
    questionById,
    kernpuntById,
    questionsByKernpunt,
    signals: input.signals,
    dialogue: input.dialogue,
  };
}

/** Kernpunten that no question serves. Empty for a publishable version. */
export function uncoveredKernpunten(questionnaire: Questionnaire): string[] {
  return [...questionnaire.questionsByKernpunt.entries()]
    .filter(([, questions]) => questions.length === 0)
    .map(([id]) => id);
}

export const EXPECTED_KERNPUNT_COUNTS: Record<Kernwaarde, number> = {
  continuiteit: 8,
  persoonsgericht: 5,
  gezamenlijk: 12,
  "medisch-generalistisch": 4,
};
