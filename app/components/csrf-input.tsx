/**
 * The CSRF token every mutating form carries (checked by readForm in the action). The root loader hands
 * the token to CsrfProvider; an error page rendered without the root loader has none, and its forms
 * then post without a token and are refused, which is the safe way round. When a token is refused
 * (it belongs to an earlier session), `useRenewCsrf` fetches a fresh one from /csrf and every form on
 * the page carries that from then on.
 */
import { createContext, useCallback, useContext, useEffect, useState } from "react";

const CsrfContext = createContext<{ token: string; setToken: (token: string) => void }>({ token: "", setToken: () => {} });

export function CsrfProvider({ value, children }: { value: string; children: React.ReactNode }) {
  const [token, setToken] = useState(value);
  // A new token from the server (a sign-in, a revalidation) replaces the one in hand.
  useEffect(() => setToken(value), [value]);
  return <CsrfContext.Provider value={{ token, setToken }}>{children}</CsrfContext.Provider>;
}

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useContext(CsrfContext).token} />;
}

/** Fetches a fresh token for this page's forms; resolves to it, or to null when there is none to have. */
export function useRenewCsrf() {
  const { setToken } = useContext(CsrfContext);
  return useCallback(async () => {
    try {
      const response = await fetch("/csrf", { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!response.ok) return null;
      const { token } = (await response.json()) as { token?: unknown };
      if (typeof token !== "string" || token === "") return null;
      setToken(token);
      return token;
    } catch {
      return null;
    }
  }, [setToken]);
}

/** The token itself, for a script that posts outside a form (the passkey steps). */
export const useCsrfToken = () => useContext(CsrfContext);
