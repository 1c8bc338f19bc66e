/** What server.mjs passes to every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (behind TRUST_PROXY=true: from X-Forwarded-For). */
    clientAddress?: string;
    /** Whether the request came over https (for HSTS). */
    secure?: boolean;
  }
}
export {};
