/**
 * Loads the regional matrix criteria from content/regional/vN/ and validates them at load, like the
 * questionnaire (../content/load.server.ts). Each version is read once per process; a matrix that was
 * coloured by an older version can ask for that version.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { RegionalCriteriaFileSchema, type RegionalCriteria } from "~/domain/regional/schema";

export class RegionalContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegionalContentError";
  }
}

export const MATRIX_FILE = "matrix.yaml";

function regionalRoot(): string {
  return path.join(process.env.CONTENT_DIR ?? path.resolve(process.cwd(), "content"), "regional");
}

/** One version folder: its matrix.yaml parsed and validated, or an error naming the file and the path. */
export function loadRegionalCriteriaFrom(dir: string): RegionalCriteria {
  const file = path.join(dir, MATRIX_FILE);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new RegionalContentError(`${file}: cannot read YAML: ${(error as Error).message}`);
  }
  const result = RegionalCriteriaFileSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 10)
      .map((issue) => `  at ${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("\n");
    throw new RegionalContentError(`${file} does not match the regional criteria schema:\n${problems}`);
  }
  return result.data;
}

export function listRegionalVersions(): number[] {
  const root = regionalRoot();
  if (!existsSync(root)) throw new RegionalContentError(`regional content folder not found at ${root}`);
  return readdirSync(root)
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

// Keyed by folder, not by number: a test (or a second CONTENT_DIR) must never get another root's copy.
const cache = new Map<string, RegionalCriteria>();

/** The criteria of one version; without a version, the latest (the one a new matrix is coloured by). */
export function getRegionalCriteria(version?: number): RegionalCriteria {
  const wanted = version ?? listRegionalVersions().at(-1);
  if (wanted === undefined) throw new RegionalContentError(`no regional content version found in ${regionalRoot()}`);
  const dir = path.join(regionalRoot(), `v${wanted}`);
  let criteria = cache.get(dir);
  if (!criteria) {
    criteria = loadRegionalCriteriaFrom(dir);
    if (criteria.version !== wanted) {
      throw new RegionalContentError(`${path.join(dir, MATRIX_FILE)} says version ${criteria.version}, its folder is v${wanted}`);
    }
    cache.set(dir, criteria);
  }
  return criteria;
}
