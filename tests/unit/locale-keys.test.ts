/**
 * Every text key the code asks for exists, in Dutch and in English. TypeScript checks that en.ts has
 * every key of nl.ts, but not that a `t("…")` call names a key that exists: a typo would show the key
 * itself to the user. Literal keys must resolve to a string; a key built from a template
 * (`t(\`signals.status.${status}\`)`) must at least have its fixed part resolve to a group of texts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { commonEn as en, commonNl as nl } from "~/locales/server-bundles";
import serverEn from "~/locales/server.en";
import serverNl from "~/locales/server.nl";

const root = path.resolve(import.meta.dirname, "../../app");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "locales" ? [] : files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) ? [full] : [];
  });
}

function walkKey(tree: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), tree);
}

/** A plural key (t("x", { count })) resolves through x_other. */
const lookup = (tree: unknown, key: string) => walkKey(tree, key) ?? walkKey(tree, `${key}_other`);

const sources = files(root).map((file) => ({ file: path.relative(root, file), text: readFileSync(file, "utf8") }));
// t("a.b"), t('a.b'), i18nKey="a.b", and message keys in zod schemas ("workspaces.notes.errors.x").
const LITERAL = /\bt\(\s*["']([a-zA-Z][\w-]*(?:\.[\w-]+)+)["']/g;
const TEMPLATE = /\bt\(\s*`([a-zA-Z][\w-]*(?:\.[\w-]+)*)\.\$\{/g;

describe("every key the code uses exists", () => {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const m of text.matchAll(LITERAL)) literal.set(m[1]!, file);
    for (const m of text.matchAll(TEMPLATE)) prefixes.set(m[1]!, file);
  }

  test("the scan finds the keys (it would pass vacuously otherwise)", () => {
    expect(literal.size).toBeGreaterThan(200);
    expect(prefixes.size).toBeGreaterThan(20);
  });

  for (const [name, tree, serverTree] of [["nl", nl, serverNl], ["en", en, serverEn]] as const) {
    test(`${name}: literal keys are texts`, () => {
      const missing = [...literal].filter(([key]) => typeof lookup(tree, key) !== "string" && typeof lookup(serverTree, key) !== "string").map(([key, file]) => `${key} (${file})`);
      expect(missing).toEqual([]);
    });
    test(`${name}: template keys have their group`, () => {
      const missing = [...prefixes].filter(([key]) => typeof lookup(tree, key) !== "object" && typeof lookup(serverTree, key) !== "object").map(([key, file]) => `${key} (${file})`);
      expect(missing).toEqual([]);
    });
  }
});
