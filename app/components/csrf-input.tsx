/**
 * The CSRF token every mutating form carries (checked by readForm in the action). The root loader
 * hands the token to CsrfProvider; an error page rendered without the root loader has none, and its
 * forms then post without a token and are refused, which is the safe way round.
 */
import { createContext, useContext } from "react";

const CsrfContext = createContext("");

export const CsrfProvider = CsrfContext.Provider;

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useContext(CsrfContext)} />;
}

/** The token itself, for a script that posts outside a form (the passkey steps). */
export const useCsrfToken = () => useContext(CsrfContext);
