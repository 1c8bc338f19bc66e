/**
 * Hostile-input proof (`npm run test:fuzz`): every route of the isolation suite's list, with bodies and
 * headers a browser would never send, against the built server. Run `npm run build` first. The last
 * line is `fuzz: N requests, E server errors, I invalid rows stored`.
 */
import { serverSuiteConfig } from "./tests/setup/closing-line";

export default serverSuiteConfig("tests/fuzz/**/*.test.ts", /^fuzz: \d+ requests, \d+ server errors, \d+ invalid rows stored$/m);
