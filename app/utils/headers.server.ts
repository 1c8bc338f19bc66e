/**
 * Security headers for every document: a Content-Security-Policy that allows no inline script except
 * Remix's own, carrying this response's nonce; no framing; no MIME sniffing; a strict referrer policy;
 * HSTS when the request came over https.
 */
export function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(headers: Headers, options: { nonce?: string; secure?: boolean } = {}) {
  if (options.nonce) headers.set("Content-Security-Policy", contentSecurityPolicy(options.nonce));
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (options.secure) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return headers;
}
