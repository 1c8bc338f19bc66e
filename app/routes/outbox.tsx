import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOutbox } from "~/models/mail.server";
import { useLng } from "~/utils/content-text";
import { getEnv } from "~/utils/env.server";
import { isLoopback } from "~/utils/loopback.server";
import { formatDateTime } from "~/domain/format";
import accountStyles from "~/styles/account.css?url";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStyles }];

/**
 * Demo mode only, and only to this machine (the loopback address): the mail the local SMTP server
 * received, sign-in links included. Anywhere else, and from anywhere else, this page does not exist.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const env = getEnv();
  if (!env.DEMO_MODE || !isLoopback(context.clientAddress)) throw new Response("Not found", { status: 404 });
  return { pageTitle: await titleFor(request, "outbox"), messages: await listOutbox(), appOrigin: new URL(env.APP_URL).origin };
}

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The mail's text with its links clickable; a link into this app opens on whatever host the demo runs on. */
function MailBody({ text, appOrigin }: { text: string; appOrigin: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mail-body">
      {parts.map((part, index) => {
        if (index % 2 === 0) return part;
        const href = part.startsWith(appOrigin + "/") ? part.slice(appOrigin.length) : part;
        return (
          <a key={index} href={href}>
            {part}
          </a>
        );
      })}
    </pre>
  );
}

export default function Outbox() {
  const { messages, appOrigin } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  return (
    <div className="outbox">
      <h1>{t("accountFlows.outbox.title")}</h1>
      <p className="callout">{t("accountFlows.outbox.lead")}</p>
      <p>
        <Link to="/outbox" reloadDocument>
          {t("accountFlows.outbox.refresh")}
        </Link>
      </p>
      {messages.length === 0 ? <p>{t("accountFlows.outbox.empty")}</p> : null}
      <ol className="plain outbox-messages">
        {messages.map((message) => (
          <li key={message.id}>
            <article className="mail" aria-labelledby={`mail-${message.id}`}>
              <h2 id={`mail-${message.id}`}>{message.subject}</h2>
              <dl className="mail-meta">
                <dt>{t("accountFlows.outbox.to")}</dt>
                <dd>{message.recipient}</dd>
                <dt>{t("accountFlows.outbox.received")}</dt>
                <dd>{formatDateTime(message.received_at, lng)}</dd>
              </dl>
              <MailBody text={message.body} appOrigin={appOrigin} />
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
