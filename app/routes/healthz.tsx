/** A bare route: liveness for operators, and the floor every page figure in `npm run bench` is set beside. */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
