import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { i18nConfig, loadResources, asLng } from "./i18n";
import { ensureWorkspaceTexts, pageNeedsWorkspaceTexts } from "./utils/workspace-texts";

async function hydrate() {
  const lang = document.documentElement.lang;
  const lng = asLng(lang);
  const { default: common } = await loadResources(lng);
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng, resources: { [lng]: { common } } });
  const modules = (window as unknown as { __remixRouteModules?: Record<string, { handle?: unknown }> }).__remixRouteModules ?? {};
  if (pageNeedsWorkspaceTexts(modules)) await ensureWorkspaceTexts(lng);
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
