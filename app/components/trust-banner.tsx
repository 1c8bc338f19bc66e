import { useTranslation } from "react-i18next";
import type { OrganisationKind, VerificationStatus } from "~/domain/organisation";

/**
 * What an organisation that is not (or no longer) verified may do, said on its home page: its own work
 * only, until the platform beheerder has checked its identifiers. A refusal or withdrawal shows its note.
 */
export function TrustBanner(props: {
  kind: OrganisationKind;
  status: VerificationStatus;
  note: string | null;
  claim: { status: string; agb: string | null; name: string } | null;
}) {
  const { t } = useTranslation();
  if (props.status === "verified") return null;
  return (
    <section className="callout callout--essential trust-banner" aria-labelledby="trust-title">
      <h2 id="trust-title">{t(`trust.banner.${props.status}.title`)}</h2>
      <p>{t(`trust.banner.${props.status}.body`)}</p>
      <p>{t(`trust.limits.${props.kind}`)}</p>
      {props.note && props.status !== "pending" ? <p>{t("trust.banner.note", { note: props.note })}</p> : null}
      {props.claim ? <p>{t(`trust.claim.${props.claim.status === "open" ? "open" : props.claim.status === "approved" ? "approved" : "refused"}`, { name: props.claim.name, agb: props.claim.agb ?? "" })}</p> : null}
      <p>
        <a href="/organisation#verification">{t("trust.banner.more")}</a>
      </p>
    </section>
  );
}
