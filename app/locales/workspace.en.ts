/**
 * The texts of the workspace pages (portfolio, practices, ketens, the signaleringsmatrix): merged into the
 * common namespace on the server, and sent to the browser only with the pages that use them, so the
 * questionnaire of a busy practice does not carry them (see app/utils/workspace-texts.ts).
 */
import beheer from "./beheer.en";
import regions from "./regions.en";
import workspaces from "./workspaces.en";

export default { workspaces, regions, beheer };
