/**
 * "Beoordeling starten" / "Gespreksvoorbereiding starten" / "Afweging starten" for one practice (issue 13):
 * a real form posting to the practice page, so it works without JavaScript. When the viewer may not start
 * one, it says why instead.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";

export type OwnStartView =
  | { perspective: "beoordeling" | "toezicht" | "afweging"; allowed: true }
  | { perspective: "beoordeling" | "toezicht" | "afweging"; allowed: false; reason: "unverified" | "lezer" };

export function StartOwn({ practiceId, practiceName, start, compact = false }: { practiceId: string; practiceName: string; start: OwnStartView; compact?: boolean }) {
  const { t } = useTranslation();
  const action = t(`home.startAbout.${start.perspective}`);
  if (!start.allowed) return compact ? null : <p className="hint">{t(`register.start.${start.reason}`)}</p>;
  return (
    <Form method="post" action={`/practices/${practiceId}?index`} className={compact ? "inline-form start-own start-own--compact" : "inline-form start-own"}>
      <CsrfInput />
      <button type="submit" name="_intent" value="start-own" className={compact ? "secondary small" : "secondary"} aria-label={compact ? t("register.start.label", { action, practice: practiceName }) : undefined}>
        {action}
      </button>
    </Form>
  );
}
