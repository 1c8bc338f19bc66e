/**
 * Reading a request body as a form, with the limits applied while reading: a body larger than the limit
 * is refused with 413 as soon as the limit is passed (chunked bodies too), without reading the rest.
 * Any body that is not a form (JSON, text, XML, a multipart body with a broken boundary, bytes that are
 * not UTF-8 text) is a 4xx with a message, never a server error.
 */

/** Forms: a whole section of the questionnaire is a few kilobytes; 1 MiB leaves room and stops abuse. */
export const FORM_LIMIT_BYTES = 1024 * 1024;
/** A spreadsheet (practice facts, region figures): every practice in the country is about 1 MB. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;
/** An upload's whole body: the file and the form's other fields. */
export const UPLOAD_BODY_LIMIT_BYTES = UPLOAD_LIMIT_BYTES + 64 * 1024;

export type BodyRefusal = "too-large" | "unsupported-type" | "malformed" | "method";

/** A refused body: the route answers it with its status and a message in the person's language. */
export function refuseBody(reason: BodyRefusal, limit?: number): Response {
  const status = { "too-large": 413, "unsupported-type": 415, malformed: 400, method: 405 }[reason];
  const headers = new Headers({ "Content-Type": "text/plain; charset=utf-8", "X-Refused": reason, "Cache-Control": "no-store" });
  if (limit) headers.set("X-Limit-Bytes", String(limit));
  return new Response(reason, { status, headers });
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

function mediaType(request: Request) {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The body's bytes, up to `limit`; throws the 413 Response when there are more. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null) {
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0) throw refuseBody("malformed");
    if (length > limit) throw refuseBody("too-large", limit);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Stop reading here. Cancelling would destroy the socket before the 413 is written; the server
        // throws the rest away (bounded) and closes the connection after the answer (server.mjs).
        reader.releaseLock();
        throw refuseBody("too-large", limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    // The client went away or sent a broken chunked encoding.
    throw refuseBody("malformed");
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls; lone surrogates never reach here. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Text as it may be stored: control characters (NUL and the like) removed, composed (NFC). */
export function cleanText(value: string): string {
  return value.replace(CONTROL, "").normalize("NFC");
}

/**
 * The posted form, read within `limit` bytes. Only form encodings are accepted; every text value is
 * cleaned of control characters, so no stored text can carry them whichever route stores it.
 */
export async function readFormBody(request: Request, limit = FORM_LIMIT_BYTES): Promise<FormData> {
  if (request.method !== "POST") throw refuseBody("method");
  const type = mediaType(request);
  if (!FORM_TYPES.includes(type)) throw refuseBody("unsupported-type");
  const bytes = await readLimited(request, limit);
  let parsed: FormData;
  try {
    if (type === "application/x-www-form-urlencoded") {
      // Strict UTF-8: a body that is not text is refused rather than stored with replacement characters.
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      parsed = new FormData();
      for (const [key, value] of new URLSearchParams(text)) parsed.append(key, value);
    } else {
      parsed = await new Response(bytes as BodyInit, { headers: { "Content-Type": request.headers.get("Content-Type")! } }).formData();
    }
  } catch {
    throw refuseBody("malformed");
  }
  const clean = new FormData();
  for (const [key, value] of parsed) {
    if (typeof value === "string") clean.append(cleanText(key), cleanText(value));
    else clean.append(cleanText(key), value);
  }
  return clean;
}
