/** A file download: the headers every export sends (never cached, never sniffed). */
export function downloadResponse(body: string | Uint8Array, contentType: string, fileName: string) {
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (body instanceof Uint8Array) headers["Content-Length"] = String(body.byteLength);
  return new Response(body as BodyInit, { headers });
}

/** A file name that says what it is: kernwaardenscan-<subject>-<date>.<ext>. */
export function exportFileName(subject: string, generatedAt: string, ext: string) {
  const slug = subject
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `kernwaardenscan-${slug}-${generatedAt.slice(0, 10)}.${ext}`;
}
