import { toDelimited } from "./csv";
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

/**
 * A CSV download written while it is read: batches of rows (e.g. from db/stream.server.ts) become CSV
 * one batch at a time, each when the client asks for more, so a whole country's export neither holds
 * the server up nor sits in memory. `done` is told how many rows went out and whether the download
 * finished (an export is audited with its size).
 */
export function streamedCsvDownload(fileName: string, batches: AsyncIterable<string[][]>, done?: (rows: number, completed: boolean) => Promise<void>) {
  const iterator = batches[Symbol.asyncIterator]();
  let rows = 0;
  let first = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          if (first) controller.enqueue(encoder.encode("\uFEFF"));
          // Recorded before the end reaches the client: whoever sees the whole file sees it audited.
          await done?.(rows, true);
          controller.close();
          return;
        }
        rows += next.value.length;
        controller.enqueue(encoder.encode(toDelimited(next.value, { delimiter: ";", bom: first })));
        first = false;
      } catch (error) {
        controller.error(error);
        await done?.(rows, false);
      }
    },
    async cancel() {
      await iterator.return?.();
      await done?.(rows, false);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
