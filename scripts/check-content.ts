/** Loads every content version through the schemas and reports kernpunt coverage. Exit 1 on problems. */
import { getQuestionnaire, listContentVersions } from "../app/models/content.server";
import { uncoveredKernpunten } from "../app/domain/content/questionnaire";

let failed = false;
for (const version of listContentVersions()) {
  try {
    const q = getQuestionnaire(version);
    const missing = uncoveredKernpunten(q);
    const questions = q.sections.reduce((n, s) => n + s.questions.length, 0);
    console.log(
      `content v${version}: ${q.sections.length} sections, ${questions} questions, ` +
        `${q.kernpuntById.size} kernpunten, uncovered: ${missing.length ? missing.join(" ") : "none"}`,
    );
    if (missing.length) failed = true;
    for (const section of q.sections) {
      console.log(`  ${section.id}: ${section.questions.map((x) => x.id).join(", ")}`);
    }
  } catch (error) {
    failed = true;
    console.error((error as Error).message);
  }
}
process.exit(failed ? 1 : 0);
