import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import i18next from "eslint-plugin-i18next";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", "coverage/"] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The layers (docs/architecture.md): routes → models → db, routes → components, everything → domain.
    // The domain is pure: no I/O, no database, no i18n instance, nothing of the layers above it.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts"],
    plugins: { "import-x": importX },
    // Without the TypeScript extensions and parser, import-x follows no .ts import and no-cycle finds nothing.
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./app/domain",
              from: ["./app/models", "./app/routes", "./app/components", "./app/utils", "./db", "./app/i18next.server.ts", "./app/entry.server.tsx", "./app/root.tsx"],
              message: "The domain is pure: no models, database, routes, components, server utilities or i18n instance.",
            },
            { target: "./app/domain", from: "./node_modules/i18next", message: "The domain gets words, never the i18n instance." },
            { target: "./app/routes", from: "./db", message: "Routes reach the database through app/models." },
            { target: "./app/components", from: ["./app/models", "./db", "./app/routes"], message: "Components get data from loaders and types from the domain." },
            { target: "./app/models", from: ["./app/routes", "./app/components"], message: "Models know nothing of routes or components." },
            // The seeds (db/seed*.ts) sit above the models: they make the demo through them, as a user would.
            {
              target: ["./db/index.server.ts", "./db/schema.ts", "./db/backup.ts", "./db/migrations", "./db/stream.server.ts", "./db/snapshot.server.ts"],
              from: ["./app/models", "./app/routes", "./app/components"],
              message: "The database layer is below the models.",
            },
          ],
        },
      ],
    },
  },
  {
    // No I/O in the domain: no file system, network, processes or database drivers.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["node:*", "fs", "fs/*", "path", "http", "https", "net", "child_process", "worker_threads", "better-sqlite3", "kysely", "i18next", "react-i18next"], message: "The domain is pure: no I/O, database or i18n instance." }],
        },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y, i18next },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region must take keyboard focus to scroll (WCAG 2.1.1); see components/scroll-region.tsx.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["tabpanel", "region"] }],
      // All user-facing text goes through i18next: no Dutch or English literals in JSX.
      "i18next/no-literal-string": ["error", { mode: "jsx-text-only" }],
    },
  },
);
