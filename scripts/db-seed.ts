/** `npm run db:seed`: fills an empty database with the fictitious demo data (no-op when not empty). */
import { getDb } from "../db/index.server";
import { seedDemoIfEmpty } from "../db/seed";

const db = await getDb();
console.log((await seedDemoIfEmpty(db)) ? "demo data added" : "database is not empty: nothing added");
await db.destroy();
