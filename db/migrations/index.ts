/**
 * Every migration, imported statically so they bundle into the server build and run under Vitest.
 * Add new ones at the end; never edit one that has shipped.
 */
import type { Migration } from "kysely";
import * as initial from "./2026-11-23-01-initial";
import * as signalContext from "./2026-11-23-02-signal-context";
import * as accounts from "./2026-11-23-03-accounts-sharing";
import * as assessmentSignal from "./2026-11-23-04-assessment-signal";
import * as workspaces from "./2026-12-01-05-workspaces";
import * as portfolioEntry from "./2026-12-01-06-portfolio-entry";
import * as regionalMatrix from "./2026-12-01-07-regional-matrix";
import * as appSetting from "./2026-12-03-08-app-setting";
import * as closingAndRetention from "./2026-12-03-08b-closing-and-retention";
import * as importRows from "./2026-12-03-08c-import-rows";
import * as signalRulesVersion from "./2026-12-03-10-signal-rules-version";
import * as trust from "./2026-12-03-11-trust";
import * as mfa from "./2026-12-03-11a-mfa";
import * as answerOrigin from "./2026-12-03-12b-answer-origin";
import * as register from "./2026-12-03-12c-register";

export const migrations: Record<string, Migration> = {
  "2026-11-23-01-initial": initial,
  "2026-11-23-02-signal-context": signalContext,
  "2026-11-23-03-accounts-sharing": accounts,
  "2026-11-23-04-assessment-signal": assessmentSignal,
  "2026-12-01-05-workspaces": workspaces,
  "2026-12-01-06-portfolio-entry": portfolioEntry,
  "2026-12-01-07-regional-matrix": regionalMatrix,
  "2026-12-03-08-app-setting": appSetting,
  "2026-12-03-08b-closing-and-retention": closingAndRetention,
  "2026-12-03-08c-import-rows": importRows,
  "2026-12-03-10-signal-rules-version": signalRulesVersion,
  "2026-12-03-11-trust": trust,
  "2026-12-03-11a-mfa": mfa,
  "2026-12-03-12b-answer-origin": answerOrigin,
  "2026-12-03-12c-register": register,
};
