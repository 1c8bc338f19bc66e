import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { TextField } from "~/components/ui/text-field";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import * as z from "zod/mini";
import type { OrganisationKind } from "~/domain/organisation";
import { CsrfInput } from "~/components/csrf-input";
import { errorId, FieldError, inputId } from "~/components/field-error";
import { agbHeldByVerified, requestSignUp } from "~/models/account.server";
import { requestLng } from "~/i18next.server";
import { passwordProblem } from "~/models/password.server";
import { identifierSchema, IDENTIFIERS_OF_KIND, type IdentifierId } from "~/domain/identifiers";
import { getEnv } from "~/utils/env.server";
import { readForm } from "~/utils/csrf.server";
import { titleMeta } from "~/utils/page-title";
import { titleFor } from "~/utils/page-title.server";

export const meta = titleMeta;

const KINDS = ["praktijk", "keten", "zorgverzekeraar", "toezichthouder", "huisarts"] as const satisfies readonly OrganisationKind[];
const NAME_MAX = 200;
const EMAIL_MAX = 254;

const required = "accountFlows.errors.required";
const tooLong = "accountFlows.errors.tooLong";
const text = (max: number) => z.string().check(z.trim(), z.minLength(1, required), z.maxLength(max, tooLong));

const SignupSchema = z.object({
  organisationName: text(NAME_MAX),
  kind: z.enum(KINDS, "accountFlows.errors.kind"),
  // Identifiers are read per kind below (which are asked, which are required).
  agb: z.string(),
  kvk: z.string(),
  uzovi: z.string(),
  name: text(NAME_MAX),
  email: z.string().check(z.trim(), z.toLowerCase(), z.minLength(1, required), z.maxLength(EMAIL_MAX, tooLong), z.email("accountFlows.errors.email")),
  password: z.string().check(z.minLength(1, required)),
  passwordRepeat: z.string(),
});

type FieldName = keyof z.infer<typeof SignupSchema>;

const IDENTIFIER_MESSAGES: Record<IdentifierId, { message: string; requiredMessage: string }> = {
  agb: { message: "accountFlows.errors.agb", requiredMessage: "trust.errors.agbRequired" },
  kvk: { message: "trust.errors.kvk", requiredMessage: "trust.errors.kvkRequired" },
  uzovi: { message: "trust.errors.uzovi", requiredMessage: "trust.errors.uzoviRequired" },
};

/** The identifiers of the chosen kind: each checked as its own string; those the kind does not ask are null. */
function readIdentifiers(kind: OrganisationKind, raw: Record<IdentifierId, string>, errors: Errors) {
  const out: Record<IdentifierId, string | null> = { agb: null, kvk: null, uzovi: null };
  for (const id of ["agb", "kvk", "uzovi"] as const) {
    const need = IDENTIFIERS_OF_KIND[kind][id];
    if (!need) continue;
    const parsed = identifierSchema(id, { required: need === "required", ...IDENTIFIER_MESSAGES[id] }).safeParse(raw[id]);
    if (parsed.success) out[id] = parsed.data;
    else errors[id] = parsed.error.issues[0]?.message;
  }
  return out;
}
type Errors = Partial<Record<FieldName, string>>;

function firstErrors(issues: readonly { path: PropertyKey[]; message: string }[]): Errors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

export async function loader({ request }: LoaderFunctionArgs) {
  return { pageTitle: await titleFor(request, "signup"), contact: getEnv().PLATFORM_CONTACT, sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const raw = Object.fromEntries(
    (["organisationName", "kind", "agb", "kvk", "uzovi", "name", "email", "password", "passwordRepeat"] as const).map((k) => [k, String(form.get(k) ?? "")]),
  );
  const values = { organisationName: raw.organisationName!, kind: raw.kind!, agb: raw.agb!, kvk: raw.kvk!, uzovi: raw.uzovi!, name: raw.name!, email: raw.email! };
  const parsed = SignupSchema.safeParse(raw);
  const errors: Errors = parsed.success ? {} : firstErrors(parsed.error.issues);
  const identifiers = parsed.success ? readIdentifiers(parsed.data.kind, { agb: raw.agb!, kvk: raw.kvk!, uzovi: raw.uzovi! }, errors) : null;
  const password = raw.password!;
  if (!errors.password) {
    const problem = passwordProblem(password, [raw.email!, raw.name!, raw.organisationName!]);
    if (problem) errors.password = problem;
  }
  if (!errors.password && password !== raw.passwordRepeat) errors.passwordRepeat = "accountFlows.errors.passwordMismatch";
  if (!parsed.success || !identifiers || Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });

  const input = parsed.data;
  // An AGB of a verified practice is refused here, with the way to reach the beheer (the register is no secret; addresses are).
  if (identifiers.agb && (await agbHeldByVerified(identifiers.agb))) return data({ errors: { agb: "trust.errors.agbVerified" } as Errors, values }, { status: 400 });
  // The same answer whether or not the address has an account: a mail either way (a link, or what to do).
  await requestSignUp({
    organisationName: input.organisationName,
    kind: input.kind,
    agb: identifiers.agb,
    kvk: identifiers.kvk,
    uzovi: identifiers.uzovi,
    name: input.name,
    email: input.email,
    password: input.password,
    lng: await requestLng(request),
  });
  return redirect("/signup?sent=1");
}

export default function Signup() {
  const { contact, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors: Errors = actionData?.errors ?? {};
  const values = actionData?.values;
  if (sent) {
    return (
      <div className="narrow">
        <h1>{t("security.signup.sentTitle")}</h1>
        <p className="callout callout--ok" role="status">
          {t("security.signup.sent", { email: t("security.signup.yourAddress") })}
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("accountFlows.signup.title")}</h1>
      <p>{t("accountFlows.signup.lead")}</p>
      <p className="hint">{t("accountFlows.signup.joinByInvitation")}</p>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        {Object.keys(errors).length > 0 ? (
          <p className="callout callout--error" role="alert">
            {t("accountFlows.errors.summary")}
          </p>
        ) : null}
        <fieldset>
          <legend>{t("accountFlows.signup.organisation")}</legend>
          <TextField
            name="organisationName"
            label={t("accountFlows.fields.organisationName")}
            autoComplete="organization"
            error={errors.organisationName}
            defaultValue={values?.organisationName}
            max={NAME_MAX}
          />
          <div className="field">
            <label htmlFor={inputId("kind")}>{t("accountFlows.fields.kind")}</label>
            <select
              id={inputId("kind")}
              name="kind"
              required
              defaultValue={values?.kind ?? ""}
              aria-invalid={errors.kind ? true : undefined}
              aria-describedby={errors.kind ? errorId("kind") : undefined}
            >
              <option value="" disabled>
                {t("accountFlows.fields.chooseKind")}
              </option>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`account.kind.${kind}`)}
                </option>
              ))}
            </select>
            <FieldError id={errorId("kind")} message={errors.kind} />
          </div>
          <p className="hint">{t("trust.signup.identifiersLead")}</p>
          <TextField
            name="agb"
            label={t("trust.fields.agb")}
            autoComplete="off"
            inputMode="numeric"
            required={false}
            help={t("trust.fields.agbHelp")}
            error={errors.agb}
            errorValues={{ contact }}
            defaultValue={values?.agb}
            max={NAME_MAX}
          />
          <TextField
            name="kvk"
            label={t("trust.fields.kvk")}
            autoComplete="off"
            inputMode="numeric"
            required={false}
            help={t("trust.fields.kvkHelp")}
            error={errors.kvk}
            defaultValue={values?.kvk}
            max={NAME_MAX}
          />
          <TextField
            name="uzovi"
            label={t("trust.fields.uzovi")}
            autoComplete="off"
            inputMode="numeric"
            required={false}
            help={t("trust.fields.uzoviHelp")}
            error={errors.uzovi}
            defaultValue={values?.uzovi}
            max={NAME_MAX}
          />
        </fieldset>
        <fieldset>
          <legend>{t("accountFlows.signup.you")}</legend>
          <TextField name="name" label={t("accountFlows.fields.name")} autoComplete="name" error={errors.name} defaultValue={values?.name} />
          <TextField
            name="email"
            type="email"
            label={t("accountFlows.fields.email")}
            autoComplete="email"
            max={EMAIL_MAX}
            error={errors.email}
            defaultValue={values?.email}
          />
          <TextField
            name="password"
            type="password"
            label={t("accountFlows.fields.password")}
            autoComplete="new-password"
            help={t("accountFlows.fields.passwordHelp")}
            error={errors.password}
            max={NAME_MAX}
          />
          <TextField
            name="passwordRepeat"
            type="password"
            label={t("accountFlows.fields.passwordRepeat")}
            autoComplete="new-password"
            error={errors.passwordRepeat}
            max={NAME_MAX}
          />
        </fieldset>
        <button type="submit">{t("accountFlows.signup.submit")}</button>
      </Form>
      <p>
        {t("accountFlows.signup.haveAccount")} <Link to="/login">{t("account.signIn")}</Link>
      </p>
    </div>
  );
}
