/**
 * Request hardening (issue 10): bodies are read within their limit (chunked too), only forms are
 * accepted, control characters never reach storage, redirects stay on this site, and form tokens are
 * bound to the session they were made for.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test, vi } from "vitest";
import { sessionCookie } from "~/models/session.server";
import { commitCsrfToken, readForm } from "~/utils/csrf.server";
import { cleanText, readFormBody } from "~/utils/request-body.server";
import { safeRedirect } from "~/utils/safe-redirect";

const URL_BASE = "http://localhost:3000/x";

/** A chunked body: no Content-Length, delivered in pieces as a slow client would. */
function chunked(total: number, chunk = 64 * 1024, type = "application/x-www-form-urlencoded") {
  let sent = 0;
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request(URL_BASE, { method: "POST", body, headers: { "Content-Type": type }, duplex: "half" } as RequestInit);
  return { request, read: () => sent, pulls: () => pulls };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, reason: error.headers.get("X-Refused") };
    throw error;
  }
  throw new Error("not refused");
}

describe("a body is read within its limit", () => {
  test("a chunked body over the limit is refused with 413 once the limit is passed, the rest unread", async () => {
    const body = chunked(200 * 1024 * 1024);
    expect(await refusal(readFormBody(body.request, 1024 * 1024))).toEqual({ status: 413, reason: "too-large" });
    // It stopped right after the first megabyte, not after 200.
    expect(body.read()).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });

  test("a declared Content-Length over the limit is refused before anything is read", async () => {
    const body = chunked(2 * 1024 * 1024);
    const request = new Request(body.request, { headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(2 * 1024 * 1024) } });
    expect(await refusal(readFormBody(request, 1024 * 1024))).toMatchObject({ status: 413 });
  });

  test("a body within the limit is read whole", async () => {
    const form = await readFormBody(new Request(URL_BASE, { method: "POST", body: new URLSearchParams({ a: "1", b: "twee" }) }));
    expect(Object.fromEntries(form)).toEqual({ a: "1", b: "twee" });
  });

  test.each([
    ["application/json", '{"a":1}'],
    ["text/plain", "a=1"],
    ["application/xml", "<a>1</a>"],
    ["", "a=1"],
  ])("%s is not a form: 415", async (type, text) => {
    const request = new Request(URL_BASE, { method: "POST", body: text, headers: type ? { "Content-Type": type } : {} });
    if (!type) request.headers.delete("Content-Type");
    expect(await refusal(readFormBody(request))).toMatchObject({ status: 415, reason: "unsupported-type" });
  });

  test("a multipart body with a broken boundary is a 400", async () => {
    const request = new Request(URL_BASE, { method: "POST", body: "--nope\r\nContent-Disposition: form-data; name=a\r\n\r\n1", headers: { "Content-Type": "multipart/form-data; boundary=other" } });
    expect(await refusal(readFormBody(request))).toMatchObject({ status: 400, reason: "malformed" });
  });

  test("bytes that are not UTF-8 are a 400, not replacement characters", async () => {
    const request = new Request(URL_BASE, { method: "POST", body: new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(await refusal(readFormBody(request))).toMatchObject({ status: 400 });
  });

  test("control characters are removed from every text value and name; text stays composed", async () => {
    const form = await readFormBody(
      new Request(URL_BASE, { method: "POST", body: new URLSearchParams({ "na\u0000me": "De\u0000 Lin\u0007de\u001b\r\nregel 2\tx\u0085", accent: "e\u0301" }) }),
    );
    expect(form.get("name")).toBe("De Linde\r\nregel 2\tx");
    expect(form.get("accent")).toBe("é");
    expect(cleanText("\u0000\u0008\u000b\u000c\u007f\u009f")).toBe("");
  });
});

describe("redirects stay on this site", () => {
  // Known open-redirect payloads (after the URL's own decoding, as a route sees them).
  test.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/ /evil.example",
    "/\u3000/evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\u0000/evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "//evil.example/%2F..",
    "/%0d%0aSet-Cookie:x=1".replace("%0d%0a", "\r\n"),
    "",
    " /assessments",
    "evil.example",
  ])("%j goes home", (to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  test.each([
    ["/assessments/x", "/assessments/x"],
    ["/portfolio?signal=owner-not-gp&page=2", "/portfolio?signal=owner-not-gp&page=2"],
    ["/regions#matrix", "/regions#matrix"],
    ["/zoek?q=café", "/zoek?q=caf%C3%A9"],
    ["/a/../b", "/b"],
  ])("%s stays: %s", (to, expected) => {
    expect(safeRedirect(to)).toBe(expected);
  });
});

describe("form tokens are bound to a session", () => {
  /** The session cookie as the server sets it (serialized by its own cookie). */
  const session = async (token: string) => (await sessionCookie.serialize(token)).split(";")[0]!;

  async function post(cookie: string, csrf: string, headers: Record<string, string> = {}) {
    return readForm(
      new Request(URL_BASE, {
        method: "POST",
        body: new URLSearchParams({ csrf, a: "1" }),
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
      }),
    );
  }

  test("a token works for the session it was made for, and for no other", async () => {
    const mine = await session("a".repeat(43));
    const theirs = await session("b".repeat(43));
    const [token] = await commitCsrfToken(new Request(URL_BASE, { headers: { Cookie: mine } }));
    expect((await post(mine, token)).get("a")).toBe("1");
    expect(await refusal(post(theirs, token))).toMatchObject({ status: 403, reason: "csrf" });
    expect(await refusal(post(mine, ""))).toMatchObject({ status: 403 });
    expect(await refusal(post(mine, `${token}x`))).toMatchObject({ status: 403 });
  });

  test("signed out, the token is bound to an anonymous cookie made for it", async () => {
    const [token, setCookie] = await commitCsrfToken(new Request(URL_BASE));
    expect(setCookie).toMatch(/^kws_csrf=[^;]+;.*HttpOnly/i);
    const cookie = setCookie!.split(";")[0]!;
    expect((await post(cookie, token)).get("a")).toBe("1");
    // After signing in, the anonymous page's token no longer counts: the session is the binding.
    expect(await refusal(post(`${cookie}; ${await session("c".repeat(43))}`, token))).toMatchObject({ status: 403 });
  });

  test("the secret is kept with the database: after a restart a token made before still works", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kws-csrf-"));
    const saved = process.env.DATABASE_PATH;
    process.env.DATABASE_PATH = path.join(dir, "restart.db");
    const mine = { headers: { Cookie: await session("d".repeat(43)) } };
    try {
      const tokenOfAFreshProcess = async () => {
        vi.resetModules();
        const fresh = await import("~/utils/csrf.server");
        return (await fresh.commitCsrfToken(new Request(URL_BASE, mine)))[0];
      };
      const before = await tokenOfAFreshProcess();
      expect(await tokenOfAFreshProcess()).toBe(before);
    } finally {
      process.env.DATABASE_PATH = saved;
      vi.resetModules();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a post from another site is refused whatever it carries", async () => {
    const mine = await session("e".repeat(43));
    const [token] = await commitCsrfToken(new Request(URL_BASE, { headers: { Cookie: mine } }));
    expect(await refusal(post(mine, token, { Origin: "https://evil.example" }))).toMatchObject({ status: 403 });
    expect(await refusal(post(mine, token, { Origin: "null" }))).toMatchObject({ status: 403 });
    expect(await refusal(post(mine, token, { "Sec-Fetch-Site": "cross-site" }))).toMatchObject({ status: 403 });
    expect((await post(mine, token, { Origin: "http://localhost:3000", "Sec-Fetch-Site": "same-origin" })).get("a")).toBe("1");
  });
});
