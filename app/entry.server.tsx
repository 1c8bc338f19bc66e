import { PassThrough } from "node:stream";
import { randomBytes } from "node:crypto";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig } from "./i18n";
import i18next from "./i18next.server";
import { commonEn, commonNl } from "./locales/server-bundles";
import { startup } from "./utils/startup.server";
import { securityHeaders } from "./utils/headers.server";
import { NonceProvider } from "./components/nonce";

export const streamTimeout = 5_000;

// Configuration, content and database are checked before the first request, not during one.
await startup();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = randomBytes(16).toString("base64");
  const instance = createInstance();
  const lng = await i18next.getLocale(request);
  await instance.use(initReactI18next).init({
    ...i18nConfig,
    lng,
    resources: { nl: { common: commonNl }, en: { common: commonEn } },
  });
  const userAgent = request.headers.get("user-agent");
  const readyEvent = userAgent && isbot(userAgent) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          securityHeaders(responseHeaders, { nonce, secure: loadContext?.secure });
          noStore(responseHeaders);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
          body.on("close", () => clearTimeout(timer));
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    // Cleared when the response ends, so a stopping server does not wait for it.
    const timer = setTimeout(abort, streamTimeout + 1_000);
  });
}

/** Data requests (client navigation) get the same headers, without a CSP (they are not documents). */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  securityHeaders(response.headers, { secure: context?.secure });
  noStore(response.headers);
  return response;
};

/** Pages and their data are personal (signed in) or carry a form token (signed out): no cache keeps them. */
function noStore(headers: Headers) {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}
