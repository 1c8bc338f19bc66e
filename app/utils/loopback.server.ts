/**
 * Whether a request came from this machine: 127.0.0.0/8, ::1, or an IPv4 loopback address in IPv6 form.
 * The address is the socket's as Express reports it (req.ip); behind TRUST_PROXY=true it would come
 * from X-Forwarded-For, which a client can write itself, so then nothing counts as loopback.
 */
export function isLoopback(address: string | undefined | null) {
  if (!address || process.env.TRUST_PROXY === "true") return false;
  const a = address.trim().toLowerCase();
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
