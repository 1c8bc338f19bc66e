/**
 * The isolation matrix covers every route: a route file added to app/routes without its probes in
 * tests/isolation/matrix.ts fails here. Files Remix ignores (remix.config.js ignoredRouteFiles) are skipped.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { methodsProbed, ROUTES } from "./matrix";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const MODULE = /\.(tsx?|jsx?|mdx?)$/;
const ignored = (name: string) => name.startsWith(".") || /\.test\.(tsx?|jsx?)$/.test(name) || /\.server\.(tsx?|jsx?)$/.test(name);

/** Remix v2 flat routes: a module file is a route; so is a folder with a route.* module in it. */
function routeModules(dir = routesDir): Array<{ route: string; file: string }> {
  const out: Array<{ route: string; file: string }> = [];
  for (const name of readdirSync(dir)) {
    if (ignored(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const inner = readdirSync(full).find((f) => /^route\.(tsx?|jsx?|mdx?)$/.test(f));
      if (inner) out.push({ route: name, file: path.join(full, inner) });
    } else if (MODULE.test(name)) {
      out.push({ route: name.replace(MODULE, ""), file: full });
    }
  }
  return out;
}

const exportsFunction = (source: string, name: string) =>
  new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+(const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source);

describe("the isolation matrix covers every route", () => {
  const modules = routeModules();

  test("app/routes has routes to cover", () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  const unlisted = (found: Array<{ route: string }>) => found.map((m) => m.route).filter((route) => !(route in ROUTES));

  test("every route file in app/routes is in the matrix", () => {
    expect(unlisted(modules), "route files without probes in tests/isolation/matrix.ts").toEqual([]);
  });

  test("a new route file, or a route folder, that the matrix does not list is noticed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kws-routes-"));
    try {
      for (const { file } of modules) writeFileSync(path.join(dir, path.basename(file)), "");
      writeFileSync(path.join(dir, "assessments.$id.share-link.tsx"), "export function loader() {}");
      mkdirSync(path.join(dir, "admin.organisations"));
      writeFileSync(path.join(dir, "admin.organisations", "route.tsx"), "export function loader() {}");
      writeFileSync(path.join(dir, "helpers.server.ts"), "");
      expect(unlisted(routeModules(dir)).sort()).toEqual(["admin.organisations", "assessments.$id.share-link"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the matrix lists no route that is gone", () => {
    const present = new Set(modules.map((m) => m.route));
    expect(Object.keys(ROUTES).filter((route) => !present.has(route))).toEqual([]);
  });

  test("a route with a loader has a GET probe; a route with an action has a POST probe", () => {
    const gaps: string[] = [];
    for (const { route, file } of modules) {
      const source = readFileSync(file, "utf8");
      const probed = methodsProbed(route);
      if (exportsFunction(source, "loader") && !probed.get) gaps.push(`${route}: loader without a GET probe`);
      if (exportsFunction(source, "action") && !probed.post) gaps.push(`${route}: action without a POST probe`);
      if (!exportsFunction(source, "loader") && !exportsFunction(source, "action") && !probed.get) gaps.push(`${route}: page without a GET probe`);
    }
    expect(gaps).toEqual([]);
  });
});
