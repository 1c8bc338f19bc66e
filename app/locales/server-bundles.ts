/**
 * What the server renders with: the common texts and the workspace texts in one namespace. The browser
 * gets the common texts up front and the workspace texts with the pages that need them.
 */
import en from "./en";
import nl from "./nl";
import workspaceEn from "./workspace.en";
import workspaceNl from "./workspace.nl";

export const commonNl = { ...nl, ...workspaceNl };
export const commonEn = { ...en, ...workspaceEn };
