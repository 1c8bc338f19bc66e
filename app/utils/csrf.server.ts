/**
 * CSRF protection on every mutating form (remix-utils' signed double-submit token): the root loader
 * hands out the token, every <Form> carries it, every action checks it before reading anything else.
 */
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";
import { getEnv } from "./env.server";

let csrf: CSRF | undefined;

function instance() {
  if (!csrf) {
    const secret = getEnv().SESSION_SECRET ?? randomBytes(32).toString("hex");
    csrf = new CSRF({
      cookie: createCookie("kws_csrf", {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "true",
        secrets: [secret],
      }),
      formDataKey: "csrf",
      secret,
    });
  }
  return csrf;
}

export function commitCsrfToken(request: Request) {
  return instance().commitToken(request);
}

/** The posted form, after its CSRF token was checked; a missing or wrong token is refused with 403. */
export async function readForm(request: Request): Promise<FormData> {
  const form = await request.formData();
  try {
    await instance().validate(form, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) throw new Response("CSRF token missing or invalid", { status: 403 });
    throw error;
  }
  return form;
}
