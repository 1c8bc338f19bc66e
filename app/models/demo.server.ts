/** The demo's published sign-ins (db/seed.ts), for the sign-in page in demo mode. */
export { DEMO_ORGANISATIONS, DEMO_PASSWORD } from "../../db/seed";
