/**
 * What the server renders with: the common texts and the workspace texts in one namespace. The browser
 * gets the common texts up front and the workspace texts with the pages that need them; the texts the
 * server alone words (rules-explained) it never gets.
 */
import en from "./en";
import nl from "./nl";
import rulesExplainedEn from "./rules-explained.en";
import rulesExplainedNl from "./rules-explained.nl";
import workspaceEn from "./workspace.en";
import workspaceNl from "./workspace.nl";

// The signal rules' reasons and the /signalen page are worded on the server only (issue 12).
export const commonNl = { ...nl, ...workspaceNl, rulesExplained: rulesExplainedNl };
export const commonEn = { ...en, ...workspaceEn, rulesExplained: rulesExplainedEn };
