import { AuthenticityTokenInput } from "remix-utils/csrf/react";

/** The CSRF token every mutating form carries (checked by readForm in the action). */
export function CsrfInput() {
  return <AuthenticityTokenInput name="csrf" />;
}
