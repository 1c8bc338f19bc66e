import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { CsrfInput, CsrfProvider } from "./components/csrf-input";
import { useNonce } from "./components/nonce";
import { mayReadImports } from "./models/facts-import.server";
import { hasPortfolio } from "./models/portfolio.server";
import { getAuth } from "./models/viewer.server";
import { isLoopback } from "./utils/loopback.server";
import { commitCsrfToken } from "./utils/csrf.server";
import { getEnv } from "./utils/env.server";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { fallbackLng, supportedLngs, asLng } from "./i18n";
import i18next from "./i18next.server";
import styles from "./styles/app.css?url";
import { errorTitles, titleMeta } from "./utils/page-title";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const handle = { i18n: "common" };

export const meta = titleMeta;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await i18next.getLocale(request);
  const [csrf, csrfCookie] = await commitCsrfToken(request);
  const auth = await getAuth(request);
  const viewer = auth.kind === "organisation" && auth.mfa === "ok" ? auth.viewer : null;
  const platform = auth.kind === "platform" && auth.mfa === "ok" ? auth.admin : null;
  const t = await i18next.getFixedT(request);
  return data(
    {
      locale: asLng(locale),
      // The title of a page whose own loader did not answer (an error page).
      titles: errorTitles(t),
      csrf,
      viewer: viewer && {
        name: viewer.personName,
        organisation: viewer.organisationName,
        role: viewer.role,
        kind: viewer.organisationKind,
        portfolio: hasPortfolio(viewer),
        imports: mayReadImports(viewer),
      },
      platform: platform && { name: platform.personName },
      // Signed in with a password, the second factor (or its enrolment) still to do: only "sign out" shows.
      pending: auth.kind !== "none" && auth.mfa !== "ok",
      demo: getEnv().DEMO_MODE,
      // The demo's outbox answers only on this machine: the link shows only there.
      outbox: getEnv().DEMO_MODE && isLoopback(context.clientAddress),
    },
    { headers: csrfCookie ? { "Set-Cookie": csrfCookie } : {} },
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    // A whole new document: the browser then loads the texts of the chosen language, not only its data.
    <Form method="post" action="/language" className="language-switch" aria-label={t("language.label")} reloadDocument>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {supportedLngs.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          aria-pressed={i18n.language === lng}
          className="link-button"
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </Form>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? fallbackLng;
  const { t } = useTranslation();
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <CsrfProvider value={data?.csrf ?? ""}>
          <header className="site-header">
            <a href="/" className="brand">
              {t("app.name")}
            </a>
            <div className="header-tools">
              {data?.platform ? (
                <nav className="header-links" aria-label={t("nav.workspace")}>
                  <a href="/beheer">{t("nav.beheer")}</a>
                  <a href="/regions">{t("nav.regions")}</a>
                </nav>
              ) : null}
              {data?.viewer ? (
                <nav className="header-links" aria-label={t("nav.workspace")}>
                  {data.viewer.portfolio ? <a href="/portfolio">{t("nav.portfolio")}</a> : null}
                  {data.viewer.imports ? <a href="/portfolio/import">{t("nav.import")}</a> : null}
                  <a href="/regions">{t("nav.regions")}</a>
                </nav>
              ) : null}
              <nav className="header-links" aria-label={t("nav.account")}>
                {data?.viewer ? <a href="/organisation">{t("accountFlows.organisation.title")}</a> : null}
                {data?.viewer || data?.platform ? <a href="/security">{t("security.nav")}</a> : null}
                {data?.outbox ? <a href="/outbox">{t("accountFlows.outbox.title")}</a> : null}
              </nav>
              {data?.viewer || data?.platform || data?.pending ? (
                <Form method="post" action="/logout" className="account-menu">
                  <CsrfInput />
                  {data.pending ? (
                    <span className="who">{t("security.pending")}</span>
                  ) : data.viewer ? (
                    <span className="who" title={data.viewer.organisation}>
                      {t("account.who", { name: data.viewer.name, role: t(`account.role.${data.viewer.role}`) })}
                    </span>
                  ) : (
                    <span className="who" title={t("nav.beheer")}>
                      {t("account.who", { name: data.platform?.name ?? "", role: t("nav.platformRole") })}
                    </span>
                  )}
                  <button type="submit" className="link-button">
                    {t("account.signOut")}
                  </button>
                </Form>
              ) : null}
              <LanguageSwitch />
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        </CsrfProvider>
        <footer className="site-footer">
          <p>{t("app.footer")}</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  useChangeLanguage(data?.locale ?? fallbackLng);
  return <Outlet />;
}

/** Which explanation an error page gives: by the refusal's reason where it has one, else by status. */
function errorKey(status: number, reason: string | null) {
  if (status === 404) return "notFound";
  const byReason: Record<string, string> = { csrf: "csrf", "too-large": "tooLarge", "unsupported-type": "unsupported", malformed: "malformed", method: "method" };
  if (reason && byReason[reason]) return byReason[reason];
  const byStatus: Record<number, string> = { 403: "forbidden", 405: "method", 409: "conflict", 413: "tooLarge", 415: "unsupported" };
  return byStatus[status] ?? (status >= 400 && status < 500 ? "badRequest" : "server");
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : null;
  const key = errorKey(status, reason);
  return (
    <div className="error-page">
      <h1>{t(`errorPage.${key}.title`)}</h1>
      <p>{t(`errorPage.${key}.body`)}</p>
      <p>
        <a href="/">{t("errorPage.home")}</a>
      </p>
    </div>
  );
}
