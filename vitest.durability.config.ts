/**
 * Durability proof (`npm run test:durability`): 50 clients autosave against the built server, which is
 * killed with SIGKILL half-way and restarted; every acknowledged save must be in the database. Run
 * `npm run build` first. The last line is `durability: N acknowledged, M present, K lost`.
 */
import { serverSuiteConfig } from "./tests/setup/closing-line";

export default serverSuiteConfig("tests/durability/**/*.test.ts", /^durability: \d+ acknowledged, \d+ present, \d+ lost$/m);
