/**
 * The one Database interface for Kysely. Nullable columns are `T | null`, never optional.
 * The full product model is described in docs/data-model.md; tables arrive with the issue that uses them.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from "kysely";

import type { MemberRole, OrganisationKind, VerificationDecision, VerificationStatus } from "../app/domain/organisation";

export type { MemberRole, OrganisationKind, VerificationDecision, VerificationStatus };
export type Perspective = "zelfevaluatie" | "afweging" | "beoordeling" | "toezicht";
export type AssessmentStatus = "concept" | "ingediend";

/** ISO-8601 UTC timestamps as text: sortable, and portable to PostgreSQL's timestamptz. */
type Timestamp = string;


/** A column with a database default or null: optional when inserting. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface OrganisationTable {
  id: string;
  kind: OrganisationKind;
  name: string;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  /** When its beheerder closed it (people erased, own data deleted); null while it is open. See models/erasure.server.ts. */
  closed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  verification: Defaulted<VerificationStatus>;
  verified_at: Defaulted<Timestamp | null>;
  verified_by: Defaulted<string | null>;
  /** JSON { checked: string[], note: string } of the decision in force. */
  verification_basis: Defaulted<string | null>;
  /** KvK-nummer: 8 digits as a string. */
  kvk: Defaulted<string | null>;
  /** UZOVI-code of a zorgverzekeraar: 4 digits as a string. */
  uzovi: Defaulted<string | null>;
  /** 1: every person of this organisation signs in with a second factor (its beheerder's choice). */
  require_mfa: Defaulted<number>;
}


/** Every verification decision about an organisation (and its own requests to be verified), kept. */
export interface OrganisationVerificationTable {
  id: string;
  organisation_id: string;
  decision: VerificationDecision;
  /** JSON array of the identifiers checked: "kvk", "agb", "uzovi", "other". */
  checked: string;
  note: string;
  decided_by: string | null;
  decided_at: Timestamp;
}

/** A sign-up that says a practice in the register (without an account, or an unverified one) is theirs. */
export interface PracticeClaimTable {
  id: string;
  practice_id: string;
  organisation_id: string;
  status: "open" | "approved" | "refused";
  note: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

export interface PersonTable {
  id: string;
  email: string;
  name: string;
  /** Argon2id (PHC string); null until the person sets a password (invited, or demo without login). */
  password_hash: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  /** 1: the platform beheerder, outside every organisation (made only by `npm run admin:create`). */
  platform_admin: Defaulted<number>;
  /** 1: a seeded demo person, who in demo mode may sign in without a second factor. */
  demo: Defaulted<number>;
}

export interface MembershipTable {
  person_id: string;
  organisation_id: string;
  role: MemberRole;
  created_at: ColumnType<Timestamp, Timestamp, never>;
}

export interface RegionTable {
  id: string;
  code: string;
  name: string;
}

export interface PracticeTable {
  id: string;
  /** The praktijk organisation that speaks for this practice; null for a practice known only from imports. */
  organisation_id: string | null;
  /** The keten (an organisation of kind keten) the practice belongs to. */
  keten_id: string | null;
  region_id: string | null;
  /** AGB code: 8 digits as a string (leading zeros). */
  agb: string | null;
  name: string;
  postcode: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  /** When a person last changed the register facts (name, AGB, postcode, region, the organisation's KvK); null: as signed up or imported. */
  register_changed_at: Defaulted<Timestamp | null>;
  /** Who did: a person id, nulled when that person is erased. */
  register_changed_by: Defaulted<string | null>;
}

export interface AssessmentTable extends SignalColumns, StoredSignalResults {
  id: string;
  practice_id: string;
  /** The organisation that writes (and owns) this assessment. */
  author_org_id: string;
  perspective: Perspective;
  /** The content version it was started on; it is read with that version forever. */
  content_version: number;
  status: AssessmentStatus;
  /** 1 for the first version; a submitted version is frozen, later edits make version + 1. */
  version_no: number;
  previous_id: string | null;
  created_by: string | null;
  created_at: ColumnType<Timestamp, Timestamp, never>;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  /** When the signal columns were last computed (in the saving transaction); null: not yet. */
  signals_at: Timestamp | null;
}

/**
 * The five signals as columns, on every source a portfolio reads (an assessment, an imported row):
 * computed when the source changes, never edited, filtered and counted in SQL.
 */
export interface SignalColumns {
  sig_owner_not_gp: SignalStatusValue | null;
  sig_patients_per_fte: SignalStatusValue | null;
  sig_no_gp_present: SignalStatusValue | null;
  sig_unclear_organisation: SignalStatusValue | null;
  sig_regional_cooperation: SignalStatusValue | null;
  /** Patients per fte against the 4000 line; null when unknown or without huisarts hours. */
  patients_per_fte: number | null;
  /** How many of the five are "signal". */
  signal_count: number | null;
}
export type SignalStatusValue = "signal" | "no-signal" | "unknown"; // the same as domain/portfolio.ts STATUSES

/** The results behind the signal columns, exactly as computed (issue 12), on an assessment and an imported row. */
export interface StoredSignalResults {
  /** The version of the signal rules that computed the columns (app/domain/signals/vN.ts); null: not yet computed. */
  signals_rules_version: number | null;
  /** JSON of the SignalResults as that version computed them (status, reason, evidence, figure). */
  signal_results: string | null;
}
export type SignalColumn = keyof Omit<SignalColumns, "patients_per_fte" | "signal_count">;

export interface AnswerTable {
  assessment_id: string;
  question_id: string;
  /** JSON of the typed answer (see app/domain/answers.ts). */
  value: string;
  /** Increases with every change; a save that saw an older revision is a conflict, never an overwrite. */
  revision: number;
  updated_at: Timestamp;
  updated_by: string | null;
  /** JSON of the AnswerOrigin (app/domain/prefill.ts) of a prefilled answer; null once changed or when someone gave it. */
  origin: Defaulted<string | null>;
  /** Who confirmed a prefilled answer as it is, and when; null until then (and again after a change). */
  confirmed_by: Defaulted<string | null>;
  confirmed_at: Defaulted<Timestamp | null>;
}

/** "Klopt nog": a section of a next version confirmed as it stands, by whom and when (issue 13). */
export interface SectionConfirmationTable {
  assessment_id: string;
  section_id: string;
  confirmed_by: string | null;
  confirmed_at: Timestamp;
}

export interface AuditEventTable {
  id: string;
  at: Timestamp;
  actor_person_id: string | null;
  actor_org_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  assessment_id: string | null;
  /** JSON with what changed (question id, old and new revision); never patient data. */
  detail: string | null;
}

/** The practice's own "context en borging" per signal: stands beside the signal, never changes it. */
export interface SignalContextTable {
  assessment_id: string;
  signal_id: string;
  text: string;
  revision: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's random token. */
  id_hash: string;
  person_id: string;
  /** The organisation the person acts for in this session; null for the platform beheerder. */
  organisation_id: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** Absolute end, whatever the activity. */
  expires_at: Timestamp;
  /** When this session passed a second factor; null: password only. */
  mfa_at: Defaulted<Timestamp | null>;
  /** When the person last proved who they are in this session (sign-in or re-authentication). */
  auth_at: Defaulted<Timestamp | null>;
  /** The WebAuthn challenge handed out last (used once), and when. */
  challenge: Defaulted<string | null>;
  challenge_at: Defaulted<Timestamp | null>;
  /** New recovery codes until confirmed saved, encrypted with a key from the cookie's token (never in the database alone). */
  pending_codes: Defaulted<string | null>;
}

export interface TotpFactorTable {
  person_id: string;
  /** Base32 secret. */
  secret: string;
  created_at: Timestamp;
  /** null: enrolment not finished (no code entered yet). */
  confirmed_at: Timestamp | null;
  /** The time step of the last code accepted; each code is used once. */
  last_step: number | null;
}

export interface RecoveryCodeTable {
  id: string;
  person_id: string;
  /** SHA-256 of the normalised code. */
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PasskeyTable {
  /** Credential id, base64url. */
  id: string;
  person_id: string;
  /** COSE public key, base64url. */
  public_key: string;
  counter: number;
  transports: string | null;
  device_type: string;
  backed_up: number;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

/** A sign-up waiting for its address to be confirmed by the link in a mail. */
export interface SignupRequestTable {
  token_hash: string;
  email: string;
  payload: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export type TokenPurpose = "password-reset" | "invitation";

export interface TokenTable {
  token_hash: string;
  purpose: TokenPurpose;
  email: string;
  person_id: string | null;
  organisation_id: string | null;
  role: MemberRole | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** An explicit grant of one (submitted) assessment version to one organisation; revocable at once. */
export interface ShareTable {
  id: string;
  assessment_id: string;
  organisation_id: string;
  granted_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export type RequestStatus = "open" | "accepted" | "declined";

export interface AssessmentRequestTable {
  id: string;
  practice_id: string;
  requester_org_id: string;
  message: string | null;
  status: RequestStatus;
  share_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
}

/** Mail received by the local SMTP server in demo mode and tests (never used with a real SMTP host). */
export interface OutboxMessageTable {
  id: string;
  received_at: Timestamp;
  recipient: string;
  subject: string;
  body: string;
}

export type ImportStatus = "preview" | "confirmed" | "discarded";

/** A spreadsheet of practice facts uploaded by an insurer or toezichthouder: previewed, then confirmed. */
export interface FactsImportTable {
  id: string;
  organisation_id: string;
  /** Practice facts (an insurer's portfolio) or region indicators (the signaleringsmatrix). */
  kind: ColumnType<"practices" | "regions", "practices" | "regions" | undefined, never>;
  status: ImportStatus;
  file_name: string;
  /** Where the figures come from, in the importer's words. */
  source: string;
  /** The date the figures describe (peildatum), YYYY-MM-DD. */
  source_date: string;
  row_count: number;
  error_count: number;
  /** JSON of the parsed rows and errors while in preview; null once decided. */
  preview: string | null;
  created_by: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  /** While the file is read, or its rows are being applied; null at rest. */
  stage: "reading" | "confirming" | null;
  /** The last spreadsheet row applied while confirming (resumable after a restart). */
  confirmed_through: number | null;
  /** Practices added to the register by this import so far. */
  new_practices: ColumnType<number, number | undefined, number>;
}

/** One row of an upload, staged for its preview and its confirmation (JSON of the parsed row or its errors). */
export interface ImportRowTable {
  import_id: string;
  line: number;
  ok: number;
  agb: string | null;
  data: string;
}

/** The current imported facts of one practice for one organisation; never mixed into a practice's own answers. */
export interface ImportedFactsTable extends SignalColumns, StoredSignalResults {
  id: string;
  organisation_id: string;
  practice_id: string;
  import_id: string;
  row_number: number;
  name: string;
  keten_id: string | null;
  keten_name: string | null;
  region_id: string | null;
  /** JSON of the SignalFacts read from the row. */
  facts: string;
  imported_at: Timestamp;
}

export type NoteKind = "note" | "agreement";

/** Notes and agreements of a conversation, kept with the guide of a practice or a keten, per organisation. */
export interface ConversationNoteTable {
  id: string;
  organisation_id: string;
  subject_type: "practice" | "keten";
  subject_key: string;
  kind: NoteKind;
  text: string;
  on_date: string;
  due_date: string | null;
  created_by: string | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

/** One practice in one organisation's portfolio: the source that speaks for it (see models/portfolio.server.ts). */
export interface PortfolioEntryTable extends SignalColumns {
  /** The rules version of the source's signals, so the portfolio can say where it differs from the current one. */
  signals_rules_version: number | null;
  organisation_id: string;
  practice_id: string;
  source: "self" | "own" | "import";
  source_id: string;
  at: Timestamp;
  version_no: number | null;
  has_self: number;
  has_own: number;
  has_import: number;
  differs: number;
  /** 1: a signal's status differs from the source's previous version (the previous one this organisation may see); null: none. */
  signals_changed: number | null;
}

/** One huisartsenregio in one year: the matrix's indicator values (JSON, canonical units), with their source. */
export interface RegionYearTable {
  region_id: string;
  year: number;
  indicator_values: string;
  counts: string | null;
  import_id: string | null;
  source: string;
  updated_at: Timestamp;
}

/**
 * National colouring criteria published by the platform beheerder, with their basis; the latest per
 * indicator is in force. criteria null: back to the content's criteria.
 */
export interface CriteriaPublicationTable {
  id: string;
  indicator_id: string;
  criteria: string | null;
  agreed_by: string;
  source: string;
  agreed_on: string;
  published_by: string | null;
  published_at: Timestamp;
}

/** An insurer's or toezichthouder's own cut-offs for one indicator: its own view only. */
export interface OwnCriteriaTable {
  organisation_id: string;
  indicator_id: string;
  criteria: string;
  changed_by: string | null;
  changed_at: Timestamp;
}

/** Settings kept with the data (e.g. the generated CSRF secret in demo and development). */
export interface AppSettingTable {
  key: string;
  value: string;
  created_at: Timestamp;
}

/**
 * One erasure, by ids only (the names are gone): a person everywhere, a person from one organisation, or
 * an organisation closed. Kept so a restored backup gets the erasures made after it repeated.
 */
export interface ErasureTable {
  id: string;
  kind: "person" | "membership" | "organisation";
  person_id: string | null;
  organisation_id: string | null;
  at: Timestamp;
}

/** A region-figures upload by the platform beheerder: previewed, then confirmed or discarded. */
export interface RegionImportTable {
  id: string;
  status: ImportStatus;
  file_name: string;
  source: string;
  row_count: number;
  error_count: number;
  preview: string | null;
  created_by: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
}

export interface Database {
  organisation: OrganisationTable;
  person: PersonTable;
  membership: MembershipTable;
  region: RegionTable;
  practice: PracticeTable;
  assessment: AssessmentTable;
  answer: AnswerTable;
  audit_event: AuditEventTable;
  signal_context: SignalContextTable;
  session: SessionTable;
  token: TokenTable;
  share: ShareTable;
  assessment_request: AssessmentRequestTable;
  outbox_message: OutboxMessageTable;
  facts_import: FactsImportTable;
  imported_facts: ImportedFactsTable;
  conversation_note: ConversationNoteTable;
  portfolio_entry: PortfolioEntryTable;
  region_year: RegionYearTable;
  app_setting: AppSettingTable;
  import_row: ImportRowTable;
  erasure: ErasureTable;
  organisation_verification: OrganisationVerificationTable;
  practice_claim: PracticeClaimTable;
  criteria_publication: CriteriaPublicationTable;
  own_criteria: OwnCriteriaTable;
  region_import: RegionImportTable;
  totp_factor: TotpFactorTable;
  recovery_code: RecoveryCodeTable;
  passkey: PasskeyTable;
  signup_request: SignupRequestTable;
  section_confirmation: SectionConfirmationTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Practice = Selectable<PracticeTable>;
export type NewPractice = Insertable<PracticeTable>;
export type Assessment = Selectable<AssessmentTable>;
export type AssessmentUpdate = Updateable<AssessmentTable>;
export type AnswerRow = Selectable<AnswerTable>;
