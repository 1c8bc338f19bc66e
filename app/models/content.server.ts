/**
 * Loads questionnaire versions from content/vN/ and validates every file at load. Each version is read
 * once per process; an assessment asks for the version it was started on.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import {
  DialogueFileSchema,
  KernpuntenFileSchema,
  ManifestSchema,
  ParametersFileSchema,
  SectionSchema,
  SignalsFileSchema,
} from "~/domain/content/schema";
import { interpolateContent } from "~/domain/content/interpolate";
import { buildQuestionnaire, type Questionnaire } from "~/domain/content/questionnaire";

export class ContentError extends Error {}

function contentRoot() {
  return process.env.CONTENT_DIR ?? path.resolve(process.cwd(), "content");
}

function readFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(`${file}: cannot read YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 10)
      .map((issue) => `  at ${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("\n");
    throw new ContentError(`${file} does not match the content schema:\n${problems}`);
  }
  return result.data;
}

export function loadQuestionnaireFrom(dir: string): Questionnaire {
  const parameters = readFile(path.join(dir, "parameters.yaml"), ParametersFileSchema);
  // Texts name the figures ({{maxPatientsPerFte}}); they are filled in from the parameters here.
  const problems: string[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S) => interpolateContent(readFile(path.join(dir, file), schema), parameters, problems, file);
  const manifest = read("manifest.yaml", ManifestSchema);
  const kernpunten = read("kernpunten.yaml", KernpuntenFileSchema);
  const sections = manifest.sections.map((file) => read(file, SectionSchema));
  const signals = read("signals.yaml", SignalsFileSchema);
  const dialogue = read("dialogue.yaml", DialogueFileSchema);
  if (problems.length > 0) throw new ContentError(`${dir}: ${problems.slice(0, 10).join("\n  ")}`);
  return buildQuestionnaire({ manifest, kernpunten, parameters, sections, signals, dialogue });
}

const cache = new Map<number, Questionnaire>();

export function listContentVersions(): number[] {
  const root = contentRoot();
  if (!existsSync(root)) throw new ContentError(`content folder not found at ${root}`);
  return readdirSync(root)
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export function getQuestionnaire(version: number): Questionnaire {
  let questionnaire = cache.get(version);
  if (!questionnaire) {
    questionnaire = loadQuestionnaireFrom(path.join(contentRoot(), `v${version}`));
    if (questionnaire.version !== version) {
      throw new ContentError(`content/v${version}/manifest.yaml says version ${questionnaire.version}`);
    }
    cache.set(version, questionnaire);
  }
  return questionnaire;
}

/** The version new assessments start on. */
export function getCurrentQuestionnaire(): Questionnaire {
  const versions = listContentVersions();
  const latest = versions.at(-1);
  if (latest === undefined) throw new ContentError("no content version found");
  return getQuestionnaire(latest);
}
