/** Sessions time out, passwords follow the policy, production refuses demo data, redirects stay local. */
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../db/index.server";
import { hashPassword, passwordProblem, verifyPassword } from "~/models/password.server";
import { createSession, endAllSessions, getSession } from "~/models/session.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { makeOrganisation, makeViewer } from "../factories";
import type { Viewer } from "~/models/viewer.server";

let viewer: Viewer;
beforeAll(async () => {
  const db = await getDb();
  viewer = await makeViewer(db, { organisation: await makeOrganisation(db), role: "beheerder" });
});

const requestWith = (setCookie: string) => new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("sessions", () => {
  test("a new session works; the table holds only the token's hash", async () => {
    const cookie = await createSession(viewer.personId, viewer.organisationId);
    const token = cookie.split(";")[0]!.split("=")[1]!;
    expect(await getSession(requestWith(cookie))).toMatchObject({ personId: viewer.personId });
    const rows = await (await getDb()).selectFrom("session").select("id_hash").execute();
    expect(rows.some((r) => r.id_hash.includes(decodeURIComponent(token)))).toBe(false);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  test("an idle session ends after SESSION_IDLE_MINUTES, and is deleted", async () => {
    await endAllSessions(viewer.personId);
    const cookie = await createSession(viewer.personId, viewer.organisationId);
    const db = await getDb();
    const hours3 = new Date(Date.now() - 3 * 3600_000).toISOString();
    await db.updateTable("session").set({ last_seen_at: hours3 }).where("person_id", "=", viewer.personId).execute();
    expect(await getSession(requestWith(cookie))).toBeNull();
    expect(await db.selectFrom("session").select("id_hash").where("person_id", "=", viewer.personId).execute()).toEqual([]);
  });

  test("an active session still ends at its absolute end", async () => {
    const cookie = await createSession(viewer.personId, viewer.organisationId);
    const db = await getDb();
    await db.updateTable("session").set({ expires_at: new Date(Date.now() - 1000).toISOString(), last_seen_at: new Date().toISOString() }).execute();
    expect(await getSession(requestWith(cookie))).toBeNull();
  });

  test("ending all of a person's sessions ends every one of them", async () => {
    const a = await createSession(viewer.personId, viewer.organisationId);
    const b = await createSession(viewer.personId, viewer.organisationId);
    await endAllSessions(viewer.personId);
    expect(await getSession(requestWith(a))).toBeNull();
    expect(await getSession(requestWith(b))).toBeNull();
  });

  test("a forged or unknown cookie is no session", async () => {
    expect(await getSession(new Request("http://localhost/", { headers: { Cookie: "kws_session=bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtaGVyZQ" } }))).toBeNull();
  });
});

describe("password policy", () => {
  test.each([
    ["kort-wachtw", "account.errors.passwordShort"],
    ["password1234", "account.errors.passwordCommon"],
    ["123456789012", "account.errors.passwordCommon"],
    ["qwertyuiopasdf", "account.errors.passwordCommon"],
    ["x".repeat(129), "account.errors.passwordLong"],
  ])("%s is refused with %s", (password, key) => {
    expect(passwordProblem(password)).toBe(key);
  });

  test.each(["Kernwaarden-demo-2026", "paarse olifant fietst door Utrecht", "a".repeat(3) + "Zq9!vT#m2@Lp".repeat(6)])("%s is accepted (64+ characters too)", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });

  test("Argon2id hashes verify only the right password", async () => {
    const hash = await hashPassword("paarse olifant fietst door Utrecht");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "paarse olifant fietst door Utrecht")).toBe(true);
    expect(await verifyPassword(hash, "paarse olifant fietst door Utrecht!")).toBe(false);
    expect(await verifyPassword(null, "anything at all here")).toBe(false);
  });
});

describe("configuration in production", () => {
  async function parse(env: Record<string, string>) {
    const saved = { ...process.env };
    for (const key of ["DEMO_MODE", "SEED_DEMO", "SESSION_SECRET", "SMTP_URL", "APP_URL"]) delete process.env[key];
    Object.assign(process.env, env);
    try {
      const { vi } = await import("vitest");
      vi.resetModules();
      const { getEnv } = await import("~/utils/env.server");
      return getEnv();
    } finally {
      process.env = saved;
    }
  }

  test("demo data is refused in production outside demo mode", async () => {
    await expect(parse({ NODE_ENV: "production", SEED_DEMO: "true", SESSION_SECRET: "s".repeat(40), SMTP_URL: "smtp://mail.example.com", APP_URL: "https://kws.example.com" })).rejects.toThrow(/SEED_DEMO/);
  });

  test("production requires a session secret, SMTP and the public address", async () => {
    await expect(parse({ NODE_ENV: "production" })).rejects.toThrow(/SESSION_SECRET[\s\S]*SMTP_URL[\s\S]*APP_URL/);
  });

  test("production with everything set starts without demo data", async () => {
    const env = await parse({ NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), SMTP_URL: "smtp://mail.example.com", APP_URL: "https://kws.example.com" });
    expect(env).toMatchObject({ DEMO_MODE: false, SEED_DEMO: false });
  });

  test("demo mode in production keeps the demo", async () => {
    const env = await parse({ NODE_ENV: "production", DEMO_MODE: "true" });
    expect(env).toMatchObject({ DEMO_MODE: true, SEED_DEMO: true });
  });
});

describe("redirects stay on this site", () => {
  test.each([
    ["/assessments/x", "/assessments/x"],
    ["//evil.example.com", "/"],
    ["https://evil.example.com", "/"],
    ["/\\evil.example.com", "/"],
    [null, "/"],
  ])("%s → %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });
});
