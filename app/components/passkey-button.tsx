/**
 * A passkey step (WebAuthn): asks the server for options (a one-time challenge kept in the session),
 * lets the browser create or use the passkey (@simplewebauthn/browser, loaded only when pressed, so no
 * page carries it before), and posts the answer in an ordinary form to the page's own action. Without
 * JavaScript it says so; the authenticator app and recovery codes work without it.
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput, useCsrfToken } from "~/components/csrf-input";

export function PasskeyButton(props: {
  purpose: "register" | "authenticate";
  /** The action's intent that receives the answer. */
  intent: string;
  label: string;
  /** Extra fields posted with the answer (a name for a new passkey). */
  children?: React.ReactNode;
  /** Where the form posts (default: this page). */
  action?: string;
  redirectTo?: string;
}) {
  const { t } = useTranslation();
  const { token: csrf } = useCsrfToken();
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<"idle" | "busy" | "failed" | "unsupported">("idle");
  const formRef = useRef<HTMLFormElement>(null);
  const responseRef = useRef<HTMLInputElement>(null);
  useEffect(() => setHydrated(true), []);

  async function run() {
    setState("busy");
    try {
      const browser = await import("@simplewebauthn/browser");
      if (!browser.browserSupportsWebAuthn()) {
        setState("unsupported");
        return;
      }
      const body = new FormData();
      body.set("csrf", csrf);
      body.set("purpose", props.purpose);
      const reply = await fetch("/passkeys/options", { method: "POST", body, credentials: "same-origin" });
      if (!reply.ok) throw new Error(String(reply.status));
      const optionsJSON = await reply.json();
      const answer = props.purpose === "register" ? await browser.startRegistration({ optionsJSON }) : await browser.startAuthentication({ optionsJSON });
      if (!responseRef.current || !formRef.current) return;
      responseRef.current.value = JSON.stringify(answer);
      formRef.current.requestSubmit();
      setState("idle");
    } catch {
      setState("failed");
    }
  }

  return (
    <Form method="post" action={props.action} ref={formRef} className="stack passkey-form">
      <CsrfInput />
      <input type="hidden" name="_intent" value={props.intent} />
      <input type="hidden" name="response" ref={responseRef} defaultValue="" />
      {props.redirectTo ? <input type="hidden" name="redirectTo" value={props.redirectTo} /> : null}
      {props.children}
      {hydrated ? (
        <p>
          <button type="button" className="secondary" onClick={() => void run()} disabled={state === "busy"}>
            {props.label}
          </button>
        </p>
      ) : (
        <p className="hint">{t("security.passkey.noScript")}</p>
      )}
      <p role="status" className="hint">
        {state === "busy" ? t("security.passkey.busy") : state === "failed" ? t("security.passkey.failed") : state === "unsupported" ? t("security.passkey.unsupported") : ""}
      </p>
    </Form>
  );
}
