/**
 * The isolation matrix: for every route file in app/routes, the requests that can read, list, change,
 * export or share something, and what each actor must get. routes-covered.test.ts fails when a route
 * file is missing here; isolation.test.ts sends every probe as every actor and counts the checks.
 *
 * The rules (issue 4, "Proof"):
 * - anonymous: a redirect to /login (or the route's own refusal), never data;
 * - an organisation that may not see an assessment: 404, as for one that does not exist;
 * - a role that may see but not change: 403; a missing or foreign CSRF token: 403;
 * - a frozen (submitted) version: 409; when more than one reason applies, either code;
 * - every refusal leaves the database exactly as it was (checked by fingerprint);
 * - every permitted read shows nothing of another organisation's: its notes, its context texts, its
 *   people's e-mail addresses, its audit events (checked on every allowed reply, issue 11);
 * - an organisation the platform has not verified acts on its own things only; the platform beheerder
 *   (outside every organisation) reads its own pages and the national matrix, nothing of an organisation.
 */

export type OrgKey =
  | "praktijk"
  | "ander"
  | "keten"
  | "verzekeraar"
  | "toezicht"
  | "huisarts"
  | "onvKeten"
  | "onvVerzekeraar"
  | "onvToezicht"
  | "onvHuisarts";
export type Role = "beheerder" | "invuller" | "lezer";
export const ROLES: readonly Role[] = ["beheerder", "invuller", "lezer"];

export interface Person {
  kind: "person";
  key: string;
  org: OrgKey;
  role: Role;
  email: string;
}
export interface Anonymous {
  kind: "anonymous";
  key: "anoniem";
}
/** The platform beheerder: a person outside every organisation, made by `npm run admin:create`. */
export interface Platform {
  kind: "platform";
  key: "platform";
  email: string;
}
export type Actor = Person | Anonymous | Platform;

export const PLATFORM_EMAIL = "platformbeheer@kernwaardenscan-test.example.com";

/**
 * The organisations in play: the demo ones from db/seed.ts (verified, basis "demo"), a second practice
 * signed up by the suite (unverified), and a stranger of every other kind signed up through /signup
 * (unverified; the "inspectorate" under the name of the real one). `signup` is what the suite signs up.
 */
export const ORGS: Record<OrgKey, { domain: string; about: string; roles: readonly Role[]; signup?: { name: string; kind: string; agb?: string; kvk?: string; uzovi?: string } }> = {
  praktijk: { domain: "praktijk-de-linde", about: "the demo practice De Linde: owner of S and C, subject of B and R", roles: ROLES },
  ander: { domain: "praktijk-elders", about: "a second practice, signed up through /signup, unverified: owner of O", roles: ROLES },
  keten: { domain: "voorbeeldketen", about: "the keten De Linde belongs to: its beheerder reads member self-assessments", roles: ROLES },
  verzekeraar: { domain: "voorbeeld-verzekeraar", about: "the insurer: owner of B, requester of R", roles: ROLES },
  toezicht: { domain: "voorbeeld-toezicht", about: "the toezichthouder: gets a grant on S in the grant phase, loses everything when withdrawn", roles: ROLES },
  huisarts: { domain: "huisartsengroep-overweging", about: "a huisarts group: never any grant", roles: ROLES },
  onvKeten: { domain: "nagemaakte-keten", about: "an unverified keten", roles: ["beheerder"], signup: { name: "Zorggroep Nagemaakt (isolatietest)", kind: "keten", kvk: "70000001" } },
  onvVerzekeraar: {
    domain: "nagemaakte-verzekeraar",
    about: "an unverified insurer",
    roles: ["beheerder"],
    signup: { name: "Nagemaakte Zorgverzekeraar (isolatietest)", kind: "zorgverzekeraar", kvk: "70000002", uzovi: "7002" },
  },
  onvToezicht: { domain: "nagemaakte-inspectie", about: "an unverified toezichthouder under the inspectorate's name", roles: ["beheerder"], signup: { name: "Inspectie Gezondheidszorg en Jeugd", kind: "toezichthouder" } },
  onvHuisarts: { domain: "nagemaakte-huisartsen", about: "an unverified huisarts group, refused by the platform in the setup", roles: ["beheerder"], signup: { name: "Huisartsen Nagemaakt (isolatietest)", kind: "huisarts" } },
};

export const ACTORS: Actor[] = [
  { kind: "anonymous", key: "anoniem" },
  ...(Object.keys(ORGS) as OrgKey[]).flatMap((org) =>
    ORGS[org].roles.map((role): Person => ({ kind: "person", key: `${org}.${role}`, org, role, email: `${role}@${ORGS[org].domain}.example.com` })),
  ),
  { kind: "platform", key: "platform", email: PLATFORM_EMAIL },
];

/**
 * The assessments probed:
 * S: De Linde's self-assessment version 1, submitted (frozen);  C: its version 2, a concept;
 * B: the insurer's beoordeling about De Linde (a concept);      O: the second practice's self-assessment;
 * X: an id that does not exist (a 404 must look the same for what exists and what does not).
 */
export type ResourceKey = "S" | "C" | "B" | "O" | "X";
export const RESOURCE_KEYS: readonly ResourceKey[] = ["S", "C", "B", "O", "X"];
export const RESOURCES: Record<
  ResourceKey,
  { author: OrgKey | null; status: "concept" | "ingediend"; ketenMember: boolean; practice: "linde" | "ander" | null }
> = {
  S: { author: "praktijk", status: "ingediend", ketenMember: true, practice: "linde" },
  C: { author: "praktijk", status: "concept", ketenMember: true, practice: "linde" },
  B: { author: "verzekeraar", status: "concept", ketenMember: false, practice: "linde" },
  O: { author: "ander", status: "concept", ketenMember: false, practice: "ander" },
  X: { author: null, status: "concept", ketenMember: false, practice: null },
};

/** Everything the setup produced through the app, and the state of the grants. */
export interface World {
  ids: Record<ResourceKey, string> & {
    /** The insurer's request to De Linde. */
    request: string;
    practice: { linde: string; ander: string };
    org: Record<OrgKey, string>;
    lindeLezer: string;
    /** An invitation token that was used in the setup: dead now. */
    usedInvitation: string;
    /** The practice-facts import each of them confirmed (the demo seed's). */
    imports: { verzekeraar: string; toezicht: string };
    /** A note the insurer's beheerder wrote in De Linde's conversation guide. */
    note: string;
    /** Region figures the insurer's beheerder uploaded, still in preview. */
    regionImport: string;
  };
  /** A unique answer (the note of MARKER_QUESTION) planted in each assessment: no refused reply may contain it. */
  markers: Record<ResourceKey, string>;
  /** Texts only their own organisation may ever see: the insurer's note, context texts of C, B and O, an audit-only address. */
  secrets: { note: string; context: Record<"C" | "B" | "O", string>; audit: string };
  /** Organisations not (or no longer) verified: they act on their own things only. */
  unverified: Set<OrgKey>;
  /** The organisation the platform refused in the setup (it may ask again). */
  refused: OrgKey;
  practiceNames: { linde: string; ander: string };
  orgNames: Record<OrgKey, string>;
  /** Live grants per assessment (organisations holding an unrevoked share). */
  grants: Partial<Record<ResourceKey, OrgKey[]>>;
  /** The id of a live share to revoke, if any. */
  liveShare: string | null;
  requestOpen: boolean;
  /** The stored revision of an answer / a signal context, so a change probe would really save if let through. */
  revision: (assessmentId: string, questionId: string) => number;
  contextRevision: (assessmentId: string, signalId: string) => number;
}

export type Expectation =
  /** An allowed change this matrix does not perform (the setup and grant steps do, through the same routes). */
  | { kind: "skip"; why: string }
  | { kind: "allow" | "refuse"; status: number[]; location?: RegExp; contains?: string[]; notContains?: string[]; verify?: (body: string) => string | null };

export interface Probe {
  name: string;
  method: "GET" | "POST";
  /** Sent once per assessment (of `resources`, default all), the :id filled in; else once. */
  perResource?: boolean;
  resources?: readonly ResourceKey[];
  path: (w: World, r: ResourceKey) => string;
  form?: (w: World, a: Actor, r: ResourceKey) => Record<string, string>;
  /** "none": posted without a token; "foreign": with a token from another person's session. */
  csrf?: "own" | "none" | "foreign";
  /** Only these actors (default: everyone). */
  actors?: (a: Actor) => boolean;
  expect: (a: Actor, w: World, r: ResourceKey) => Expectation;
  /** What the platform beheerder gets, where platformDefault would be wrong. */
  platform?: (w: World, r: ResourceKey) => Expectation;
}

export interface RouteEntry {
  /** What the route is, and why its probes are the ones that matter. */
  about: string;
  probes: Probe[];
  /** Its probes' expect() speaks for the platform beheerder too (its own pages). */
  platformAware?: boolean;
}

/* ------------------------------------------------------------------------------------------------
 * Who may see what
 * ---------------------------------------------------------------------------------------------- */

export type Access = "author" | "shared" | "keten";

/** Whether an actor's organisation is verified now (read per request by the app). */
export const verified = (a: Actor, w: World) => a.kind === "person" && !w.unverified.has(a.org);

/**
 * Mirrors getAssessment: author organisation, a live grant, or the keten's beheerder for member
 * self-assessments; a grant and the keten count only while the reader is verified.
 */
export function access(a: Actor, w: World, r: ResourceKey): Access | null {
  if (a.kind !== "person") return null;
  const res = RESOURCES[r];
  if (res.author === null) return null;
  if (a.org === res.author) return "author";
  if (!verified(a, w)) return null;
  if (w.grants[r]?.includes(a.org)) return "shared";
  if (res.ketenMember && a.org === "keten" && a.role === "beheerder") return "keten";
  return null;
}

const LOGIN = /^\/login\?redirectTo=%2F/;
const toLogin: Expectation = { kind: "refuse", status: [302], location: LOGIN };
const isPerson = (a: Actor): a is Person => a.kind === "person";
const is =
  (org: OrgKey, ...roles: Role[]) =>
  (a: Actor) =>
    isPerson(a) && a.org === org && (roles.length === 0 || roles.includes(a.role));

/** What a reply about r must not show someone who may not see r: its marker, and its practice's name unless that is their own. */
function secrets(a: Actor, w: World, r: ResourceKey): string[] {
  const res = RESOURCES[r];
  const out = r === "X" ? [] : [w.markers[r]];
  if (res.practice) {
    const name = w.practiceNames[res.practice];
    if (!(isPerson(a) && w.orgNames[a.org] === name)) out.push(name);
  }
  return out;
}

function refuse(status: number[], a: Actor, w: World, r: ResourceKey): Expectation {
  return { kind: "refuse", status, notContains: [w.markers[r] ?? ""].filter(Boolean).concat(status.includes(404) ? secrets(a, w, r) : []) };
}

/** GET of an assessment page or export. */
function read(extra: { contains?: (w: World, r: ResourceKey) => string[] } = {}) {
  return (a: Actor, w: World, r: ResourceKey): Expectation => {
    if (!isPerson(a)) return toLogin;
    if (access(a, w, r)) return { kind: "allow", status: [200], contains: extra.contains?.(w, r) ?? [] };
    return refuse([404], a, w, r);
  };
}

/** GET of a page's data by single fetch (/….data): 200 or 404 like the page; anonymous gets the redirect in the stream. */
function readData(a: Actor, w: World, r: ResourceKey): Expectation {
  if (a.kind === "anonymous") return { kind: "refuse", status: [202], contains: ["SingleFetchRedirect", "/login?redirectTo="] };
  if (access(a, w, r)) return { kind: "allow", status: [200] };
  return refuse([404], a, w, r);
}

/** The audit trail exists only for the author organisation's beheerder. */
function auditRead(a: Actor, w: World, r: ResourceKey): Expectation {
  if (!isPerson(a)) return toLogin;
  if (access(a, w, r) === "author" && a.role === "beheerder") return { kind: "allow", status: [200] };
  return refuse([404], a, w, r);
}

/** The same trail as data. */
function auditData(a: Actor, w: World, r: ResourceKey): Expectation {
  const page = auditRead(a, w, r);
  if (a.kind === "anonymous") return readData(a, w, r);
  return page;
}

export type ChangeKind = "edit" | "submit" | "next-version" | "share" | "revoke";

/**
 * A change to an assessment. Allowed only to its author organisation's beheerder/invuller (share and
 * revoke: beheerder), on a concept (edit, submit) or a submitted version (next-version, share).
 * Reasons to refuse: not that actor (403); the version is frozen (409); the wrong state (409).
 */
function change(kind: ChangeKind) {
  return (a: Actor, w: World, r: ResourceKey): Expectation => {
    if (!isPerson(a)) return toLogin;
    const acc = access(a, w, r);
    if (!acc) return refuse([404], a, w, r);
    const author = acc === "author";
    const frozen = RESOURCES[r].status === "ingediend";
    const roleMay = kind === "share" || kind === "revoke" ? a.role === "beheerder" : a.role !== "lezer";
    const codes = new Set<number>();
    if (!(author && roleMay)) codes.add(403);
    if (frozen && (kind === "edit" || kind === "submit" || !author)) codes.add(409);
    if (!frozen && (kind === "next-version" || kind === "share")) codes.add(409);
    if (codes.size === 0) return { kind: "skip", why: `${a.key} may ${kind} ${r}: done by the setup and grant steps` };
    return refuse([...codes].sort(), a, w, r);
  };
}

/**
 * The page that confirms a revocation: the author's beheerder sees it for a live share of that version
 * (the grant phases' share of S); any other share id is not found. Readers who may not manage: 403.
 */
function revokePage(a: Actor, w: World, r: ResourceKey): Expectation {
  if (a.kind === "anonymous") return toLogin;
  const acc = access(a, w, r);
  if (!acc) return refuse([404], a, w, r);
  if (acc !== "author" || !isPerson(a) || a.role !== "beheerder") return refuse([403], a, w, r);
  return r === "S" && w.liveShare ? { kind: "allow", status: [200] } : { kind: "refuse", status: [404] };
}

/** A form posted without a valid token by the one who could otherwise do it: 403. */
const csrfRefused = (_a: Actor, w: World, r: ResourceKey): Expectation => refuse([403], _a, w, r);

/* ------------------------------------------------------------------------------------------------
 * Lists: the home page and the member page show nothing of another tenant.
 * ---------------------------------------------------------------------------------------------- */

function homeList(a: Actor, w: World): Expectation {
  const hidden: string[] = [];
  for (const r of ["S", "C", "B", "O"] as const) {
    if (!access(a, w, r)) hidden.push(w.ids[r], w.markers[r]);
  }
  const org = isPerson(a) ? a.org : null;
  // The request is known to the practice it is addressed to and to the insurer that sent it.
  if (org !== "praktijk" && org !== "verzekeraar") hidden.push(w.ids.request);
  if (org !== "ander") hidden.push(w.practiceNames.ander);
  // De Linde's name is known to itself, its keten, the insurer writing about it, and whoever holds a grant.
  const knowsLinde = org === "praktijk" || org === "keten" || org === "verzekeraar" || (org !== null && Object.values(w.grants).some((g) => g?.includes(org)));
  if (!knowsLinde) hidden.push(w.practiceNames.linde);
  return { kind: "allow", status: [200], notContains: hidden };
}

/** Every address on the page belongs to the viewer's own organisation. */
function ownAddressesOnly(a: Actor) {
  return (body: string) => {
    if (!isPerson(a)) return null;
    const foreign = [...body.matchAll(/[\w.+-]+@([\w-]+)\.example\.com/g)].filter((m) => m[1] !== ORGS[a.org].domain).map((m) => m[0]);
    return foreign.length === 0 ? null : `shows another organisation's people: ${[...new Set(foreign)].join(", ")}`;
  };
}

/* ------------------------------------------------------------------------------------------------
 * Forms
 * ---------------------------------------------------------------------------------------------- */

const BOGUS_ID = "00000000-0000-4000-8000-000000000000";
const BOGUS_TOKEN = "A".repeat(43);
const STRONG_PASSWORD = "Zeven-zwanen-zwemmen-in-de-Vecht-1893";

/**
 * Where the suite plants each assessment's marker and probes its changes: the note of a statement (free
 * text that stays an answer). It was the `regio` question until the register (issue 13) made the region
 * a given fact that no form may change; "weet niet" leaves every signal and kernpunt as unanswered would.
 */
export const MARKER_SECTION = "continuiteit";
export const MARKER_QUESTION = "vaste-huisarts";

/** The marker question's fields as a form posts them. */
export function markerFields(text: string, revision: number) {
  return { [`${MARKER_QUESTION}.choice`]: "weet-niet", [`${MARKER_QUESTION}.note`]: text, [`_rev.${MARKER_QUESTION}`]: String(revision) };
}

function answerForm(w: World, a: Actor, r: ResourceKey) {
  return { _section: MARKER_SECTION, _only: MARKER_QUESTION, ...markerFields(`gewijzigd door ${a.key}`, w.revision(w.ids[r], MARKER_QUESTION)) };
}

function sectionForm(w: World, a: Actor, r: ResourceKey) {
  return { _intent: "save", ...markerFields(`gewijzigd door ${a.key}`, w.revision(w.ids[r], MARKER_QUESTION)) };
}

function contextForm(w: World, a: Actor, r: ResourceKey) {
  return { _intent: "context", signalId: "patients-per-fte", text: `toelichting van ${a.key}`, _rev: String(w.contextRevision(w.ids[r], "patients-per-fte")) };
}

/** A non-author shares with its own organisation (the attack); the owner's other roles with the toezichthouder. */
function shareForm(w: World, a: Actor) {
  const target = isPerson(a) && a.org !== "praktijk" ? w.ids.org[a.org] : w.ids.org.toezicht;
  return { _intent: "share", organisationId: target };
}

const intent = (name: string) => () => ({ _intent: name });

/* ------------------------------------------------------------------------------------------------
 * The home page's actions
 * ---------------------------------------------------------------------------------------------- */

/** Starting the self-assessment of a practice: only that practice's beheerder/invuller. */
function startSelf(target: "linde" | "ander") {
  const owner: OrgKey = target === "linde" ? "praktijk" : "ander";
  return (a: Actor): Expectation => {
    if (!isPerson(a)) return toLogin;
    if (a.org === owner)
      return a.role === "lezer" ? { kind: "refuse", status: [403] } : { kind: "skip", why: "the owner starts its own self-assessment (setup)" };
    // The practice is not theirs: 404 (a lezer may be refused by role first, which reveals nothing).
    // A keten speaks for member practices WITHOUT an account; De Linde has its own and writes its own.
    return { kind: "refuse", status: a.role === "lezer" ? [403, 404] : [404] };
  };
}

/** Starting a beoordeling/afweging/toezicht or requesting a self-assessment: verified organisations that are not practices. */
function external(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  if (a.org === "praktijk" || a.org === "ander" || a.org === "keten" || a.org === "onvKeten" || a.role === "lezer") return { kind: "refuse", status: [403] };
  // An unverified insurer, toezichthouder or huisarts looks no practice up.
  if (!verified(a, w)) return { kind: "refuse", status: [403] };
  return { kind: "skip", why: "an insurer, toezichthouder or huisarts may start about any practice (setup does)" };
}

/** Accepting or declining the insurer's request: only De Linde's beheerder, only while it is open. */
function decide(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  if (a.org === "praktijk") {
    if (a.role !== "beheerder") return { kind: "refuse", status: [403] };
    return w.requestOpen ? { kind: "skip", why: "De Linde's beheerder decides (grant step)" } : { kind: "refuse", status: [404] };
  }
  return { kind: "refuse", status: a.role === "beheerder" ? [404] : [403, 404] };
}

/* ------------------------------------------------------------------------------------------------
 * Members
 * ---------------------------------------------------------------------------------------------- */

/** Changing De Linde's lezer (role, removal): only De Linde's beheerder; another organisation's beheerder gets 404. */
function memberChange(a: Actor): Expectation {
  if (!isPerson(a)) return toLogin;
  if (a.org === "praktijk")
    return a.role === "beheerder" ? { kind: "skip", why: "De Linde's beheerder manages its own people" } : { kind: "refuse", status: [403] };
  return { kind: "refuse", status: a.role === "beheerder" ? [404] : [403, 404] };
}

/* ------------------------------------------------------------------------------------------------
 * The matrix
 * ---------------------------------------------------------------------------------------------- */

const A = (w: World, r: ResourceKey) => `/assessments/${w.ids[r]}`;
/**
 * Two versions side by side (issue 13): S (De Linde's version 1) with C (its version 2), the same line.
 * Only for those who may see both versions; anyone else 404, as for one that does not exist.
 */
function compareRead(a: Actor, w: World, r: ResourceKey): Expectation {
  if (!isPerson(a)) return toLogin;
  if (access(a, w, "S") && access(a, w, "C")) return { kind: "allow", status: [200], contains: ["Versie 1 naast versie 2"] };
  return refuse([404], a, w, r);
}

/** Without ?with=: the previous version the viewer may see. Only C has one (S); S, B, O and X have none. */
function comparePreviousRead(a: Actor, w: World, r: ResourceKey): Expectation {
  if (!isPerson(a)) return toLogin;
  if (r === "C" && access(a, w, "S") && access(a, w, "C")) return { kind: "allow", status: [200] };
  return refuse([404], a, w, r);
}

const otherVersion = (r: ResourceKey): ResourceKey => (r === "S" ? "C" : "S");

/** "Klopt nog" (a section) and "Klopt" (one answer taken over) post the section form: as a save. */
function confirmForm(intentName: string) {
  return (w: World, a: Actor, r: ResourceKey) => ({ ...sectionForm(w, a, r), _intent: intentName });
}

/** Actions of an index route are posted to it with ?index (as Remix's <Form> does). */
const AI = (w: World, r: ResourceKey) => `${A(w, r)}?index`;
const owner = is("praktijk", "beheerder");
const allow200: Expectation = { kind: "allow", status: [200] };

export const ROUTES: Record<string, RouteEntry> = {
  _index: {
    about: "Home: lists own assessments, received/sent requests, keten members, what was shared; starts, requests, accepts, declines.",
    probes: [
      // The platform beheerder's home is its own pages.
      { name: "list", method: "GET", path: () => "/", expect: (a, w) => homeList(a, w), platform: () => ({ kind: "allow", status: [302], location: /^\/beheer$/ }) },
      {
        name: "list (data)",
        method: "GET",
        path: () => "/_root.data",
        expect: (a, w) => homeList(a, w),
        platform: () => ({ kind: "allow", status: [202], contains: ["SingleFetchRedirect", "/beheer"] }),
      },
      {
        name: "start-self De Linde",
        method: "POST",
        path: () => "/?index",
        form: (w) => ({ _intent: "start-self", practiceId: w.ids.practice.linde }),
        expect: startSelf("linde"),
      },
      {
        name: "start-self other practice",
        method: "POST",
        path: () => "/?index",
        form: (w) => ({ _intent: "start-self", practiceId: w.ids.practice.ander }),
        expect: startSelf("ander"),
      },
      { name: "start-external", method: "POST", path: () => "/?index", form: () => ({ _intent: "start-external", agb: "01234567" }), expect: (a, w) => external(a, w) },
      { name: "request", method: "POST", path: () => "/?index", form: () => ({ _intent: "request", agb: "01234567" }), expect: (a, w) => external(a, w) },
      { name: "accept request", method: "POST", path: () => "/?index", form: (w) => ({ _intent: "accept", requestId: w.ids.request }), expect: decide },
      { name: "decline request", method: "POST", path: () => "/?index", form: (w) => ({ _intent: "decline", requestId: w.ids.request }), expect: decide },
      {
        name: "accept request without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        path: () => "/?index",
        form: (w) => ({ _intent: "accept", requestId: w.ids.request }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
      {
        name: "decline request with a foreign CSRF token",
        method: "POST",
        csrf: "foreign",
        actors: owner,
        path: () => "/?index",
        form: (w) => ({ _intent: "decline", requestId: w.ids.request }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
      {
        name: "start-self without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        path: () => "/?index",
        form: (w) => ({ _intent: "start-self", practiceId: w.ids.practice.linde }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  "assessments.$id._index": {
    about: "An assessment's home: versions, shares; submit, next version, share (revoking has its own page).",
    probes: [
      { name: "read", method: "GET", perResource: true, path: A, expect: read() },
      { name: "read (data)", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}.data`, expect: readData },
      { name: "submit", method: "POST", perResource: true, path: AI, form: intent("submit"), expect: change("submit") },
      { name: "next-version", method: "POST", perResource: true, path: AI, form: intent("next-version"), expect: change("next-version") },
      { name: "share", method: "POST", perResource: true, path: AI, form: (w, a) => shareForm(w, a), expect: change("share") },
      {
        name: "submit without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: AI,
        form: intent("submit"),
        expect: csrfRefused,
      },
      {
        name: "submit with a foreign CSRF token",
        method: "POST",
        csrf: "foreign",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: AI,
        form: intent("submit"),
        expect: csrfRefused,
      },
      {
        name: "share without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        perResource: true,
        resources: ["S"],
        path: AI,
        form: (w) => ({ _intent: "share", organisationId: w.ids.org.huisarts }),
        expect: csrfRefused,
      },
    ],
  },
  "assessments.$id.answers": {
    about: "Autosave of one answer (JSON). GET is 405 for everyone.",
    probes: [
      { name: "GET", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/answers`, expect: () => ({ kind: "refuse", status: [405] }) },
      { name: "autosave", method: "POST", perResource: true, path: (w, r) => `${A(w, r)}/answers`, form: answerForm, expect: change("edit") },
      {
        name: "autosave without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: (w, r) => `${A(w, r)}/answers`,
        form: answerForm,
        expect: csrfRefused,
      },
      {
        name: "autosave with a foreign CSRF token",
        method: "POST",
        csrf: "foreign",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: (w, r) => `${A(w, r)}/answers`,
        form: answerForm,
        expect: csrfRefused,
      },
    ],
  },
  "assessments.$id.shares.$shareId.revoke": {
    about: "The confirmation before revoking a share, and the revocation: only the author organisation's beheerder, only a live share of that version.",
    probes: [
      { name: "confirm page", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/shares/${w.liveShare ?? BOGUS_ID}/revoke`, expect: revokePage },
      { name: "revoke", method: "POST", perResource: true, path: (w, r) => `${A(w, r)}/shares/${w.liveShare ?? BOGUS_ID}/revoke`, form: () => ({}), expect: change("revoke") },
      {
        name: "revoke without CSRF",
        method: "POST",
        csrf: "none",
        actors: is("praktijk", "beheerder"),
        perResource: true,
        resources: ["S"],
        path: (w, r) => `${A(w, r)}/shares/${w.liveShare ?? BOGUS_ID}/revoke`,
        form: () => ({}),
        expect: csrfRefused,
      },
    ],
  },
  "assessments.$id.audit": {
    about: "The audit trail: only the author organisation's beheerder; anyone else 404.",
    probes: [
      { name: "read", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/audit`, expect: auditRead },
      { name: "read (data)", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/audit.data`, expect: auditData },
    ],
  },
  "assessments.$id.overview": {
    about: "Signals and kernwaarden overview; saves a signal's context.",
    probes: [
      { name: "read", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/overview`, expect: read() },
      { name: "read (data)", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/overview.data`, expect: readData },
      { name: "save context", method: "POST", perResource: true, path: (w, r) => `${A(w, r)}/overview`, form: contextForm, expect: change("edit") },
      {
        name: "save context without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: (w, r) => `${A(w, r)}/overview`,
        form: contextForm,
        expect: csrfRefused,
      },
    ],
  },
  "assessments.$id.report": {
    about: "The report page.",
    probes: [
      { name: "read", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/report`, expect: read() },
      { name: "read (data)", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/report.data`, expect: readData },
    ],
  },
  "assessments.$id.report[.]csv": {
    about: "Export: CSV (audited).",
    probes: [
      { name: "export", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/report.csv`, expect: read({ contains: (w, r) => [w.markers[r]] }) },
    ],
  },
  "assessments.$id.report[.]json": {
    about: "Export: JSON with the raw answers (audited).",
    probes: [
      { name: "export", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/report.json`, expect: read({ contains: (w, r) => [w.markers[r]] }) },
    ],
  },
  "assessments.$id.report[.]pdf": {
    about: "Export: PDF (audited).",
    probes: [{ name: "export", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/report.pdf`, expect: read() }],
  },
  "assessments.$id.sections.$sectionId": {
    about: "One section's questions; saves the section.",
    probes: [
      {
        name: "read",
        method: "GET",
        perResource: true,
        path: (w, r) => `${A(w, r)}/sections/${MARKER_SECTION}`,
        expect: read({ contains: (w, r) => [w.markers[r]] }),
      },
      { name: "read (data)", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/sections/${MARKER_SECTION}.data`, expect: readData },
      { name: "save", method: "POST", perResource: true, path: (w, r) => `${A(w, r)}/sections/${MARKER_SECTION}`, form: sectionForm, expect: change("edit") },
      // Issue 13: confirming a section or an answer taken over changes the assessment: as a save.
      { name: "klopt nog", method: "POST", perResource: true, path: (w, r) => `${A(w, r)}/sections/praktijkgegevens`, form: confirmForm("confirm-section"), expect: change("edit") },
      { name: "klopt (one answer)", method: "POST", perResource: true, path: (w, r) => `${A(w, r)}/sections/praktijkgegevens`, form: confirmForm("confirm:eigenaar"), expect: change("edit") },
      {
        name: "klopt nog without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: (w, r) => `${A(w, r)}/sections/praktijkgegevens`,
        form: confirmForm("confirm-section"),
        expect: csrfRefused,
      },
      {
        name: "save without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        perResource: true,
        resources: ["C"],
        path: (w, r) => `${A(w, r)}/sections/${MARKER_SECTION}`,
        form: sectionForm,
        expect: csrfRefused,
      },
    ],
  },
  "assessments.$id.versions.compare": {
    about: "Two versions of the same line side by side (issue 13): only for who may see both; anyone else 404.",
    probes: [
      {
        name: "read with the other version",
        method: "GET",
        perResource: true,
        resources: ["S", "C"],
        path: (w, r) => `${A(w, r)}/versions/compare?with=${w.ids[otherVersion(r)]}`,
        expect: compareRead,
      },
      { name: "read with the previous visible version", method: "GET", perResource: true, path: (w, r) => `${A(w, r)}/versions/compare`, expect: comparePreviousRead },
      {
        name: "read (data)",
        method: "GET",
        perResource: true,
        resources: ["C"],
        path: (w, r) => `${A(w, r)}/versions/compare.data?with=${w.ids.S}`,
        expect: (a, w, r) => (a.kind === "anonymous" ? readData(a, w, r) : compareRead(a, w, r).kind === "allow" ? { kind: "allow", status: [200] } : compareRead(a, w, r)),
      },
      {
        name: "a version of another line",
        method: "GET",
        perResource: true,
        resources: ["C"],
        path: (w) => `${A(w, "C")}/versions/compare?with=${w.ids.B}`,
        expect: (a, w, r) => (isPerson(a) ? refuse([404], a, w, r) : toLogin),
      },
    ],
  },
  "forgot-password": {
    about: "Public: asks for a reset link. Posting without a token changes nothing.",
    probes: [
      { name: "page", method: "GET", path: () => "/forgot-password", expect: () => allow200 },
      {
        name: "post without CSRF",
        method: "POST",
        csrf: "none",
        path: () => "/forgot-password",
        form: () => ({ email: "beheerder@praktijk-de-linde.example.com" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  healthz: {
    about: "Liveness: 'ok', nothing else.",
    probes: [
      {
        name: "read",
        method: "GET",
        path: () => "/healthz",
        expect: () => ({ kind: "allow", status: [200], verify: (body) => (body === "ok" ? null : "more than ok") }),
      },
    ],
  },
  csrf: {
    about: "A fresh form token for the page in hand: a token and nothing else, bound to the asker's own session.",
    probes: [
      {
        name: "token",
        method: "GET",
        path: () => "/csrf",
        expect: () => ({ kind: "allow", status: [200], verify: (body) => (/^\{"token":"[A-Za-z0-9_-]{40,}"\}$/.test(body) ? null : `more than a token: ${body.slice(0, 80)}`) }),
      },
    ],
  },
  signalen: {
    about: "How the signals are decided (issue 12): content only, no data of anyone, the same public page for everyone.",
    probes: [
      { name: "page", method: "GET", path: () => "/signalen", expect: () => ({ kind: "allow", status: [200], contains: ['id="no-gp-present"'] }) },
    ],
  },
  "invitations.$token": {
    about: "Joining by invitation: a used or unknown token is a 404 to anyone and changes nothing.",
    probes: [
      {
        name: "used token",
        method: "GET",
        path: (w) => `/invitations/${w.ids.usedInvitation}`,
        expect: () => ({ kind: "refuse", status: [404], notContains: ["@praktijk-elders.example.com"] }),
      },
      { name: "unknown token", method: "GET", path: () => `/invitations/${BOGUS_TOKEN}`, expect: () => ({ kind: "refuse", status: [404] }) },
      {
        name: "accept a used token",
        method: "POST",
        path: (w) => `/invitations/${w.ids.usedInvitation}`,
        form: () => ({ name: "Indringer", password: STRONG_PASSWORD, passwordRepeat: STRONG_PASSWORD }),
        expect: () => ({ kind: "refuse", status: [404] }),
      },
      {
        name: "accept without CSRF",
        method: "POST",
        csrf: "none",
        path: (w) => `/invitations/${w.ids.usedInvitation}`,
        form: () => ({ password: STRONG_PASSWORD }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  language: {
    about: "Sets the language cookie; GET redirects home.",
    probes: [
      { name: "GET", method: "GET", path: () => "/language", expect: () => ({ kind: "allow", status: [302], location: /^\/$/ }) },
      {
        name: "post without CSRF",
        method: "POST",
        csrf: "none",
        path: () => "/language",
        form: () => ({ lng: "en", redirectTo: "/" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  login: {
    about: "Sign-in. Signed in, the page sends you home. Without a token nobody signs in.",
    probes: [
      {
        name: "page",
        method: "GET",
        path: () => "/login",
        expect: (a) => (isPerson(a) ? { kind: "allow", status: [302], location: /^\/$/ } : allow200),
        platform: () => ({ kind: "allow", status: [302], location: /^\/beheer$/ }),
      },
      {
        name: "sign in without CSRF",
        method: "POST",
        csrf: "none",
        path: () => "/login",
        form: () => ({ email: "beheerder@praktijk-de-linde.example.com", password: "Kernwaarden-demo-2026", redirectTo: "/" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  logout: {
    about: "Sign-out. Without a token the session stays (a page elsewhere cannot sign you out).",
    probes: [
      { name: "GET", method: "GET", path: () => "/logout", expect: () => ({ kind: "allow", status: [302], location: /^\/$/ }) },
      { name: "post without CSRF", method: "POST", csrf: "none", path: () => "/logout", form: () => ({}), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  organisation: {
    about: "The organisation's people: read by its members, changed by its beheerder only; another organisation's people are a 404.",
    probes: [
      {
        name: "members",
        method: "GET",
        path: () => "/organisation",
        expect: (a) => (isPerson(a) ? { kind: "allow", status: [200], verify: ownAddressesOnly(a) } : toLogin),
      },
      {
        name: "confirm removing De Linde's lezer",
        method: "GET",
        path: (w) => `/organisation?remove=${w.ids.lindeLezer}`,
        expect: (a) => (isPerson(a) ? { kind: "allow", status: [200], verify: ownAddressesOnly(a) } : toLogin),
      },
      {
        name: "invite",
        method: "POST",
        path: () => "/organisation",
        form: (_w, a) => ({ intent: "invite", email: `uitgenodigd-door-${a.key}@elders.example.org`, role: "lezer" }),
        expect: (a) =>
          !isPerson(a) ? toLogin : a.role === "beheerder" ? { kind: "skip", why: "a beheerder invites (setup)" } : { kind: "refuse", status: [403] },
      },
      {
        name: "make De Linde's lezer beheerder",
        method: "POST",
        path: () => "/organisation",
        form: (w) => ({ intent: "role", personId: w.ids.lindeLezer, role: "beheerder" }),
        expect: memberChange,
      },
      {
        name: "remove De Linde's lezer",
        method: "POST",
        path: () => "/organisation",
        form: (w) => ({ intent: "remove", personId: w.ids.lindeLezer }),
        expect: memberChange,
      },
      {
        name: "change a role without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        path: () => "/organisation",
        form: (w) => ({ intent: "role", personId: w.ids.lindeLezer, role: "beheerder" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  outbox: {
    about:
      "Demo mode only: the local SMTP server's mail, shown to anyone (issue 4: 'the demo shows a local outbox'); outside demo mode a 404. " +
      "The suite's server runs in demo mode, so 200 — see the report: it shows every organisation's invitation and reset links.",
    probes: [{ name: "read", method: "GET", path: () => "/outbox", expect: () => allow200 }],
  },
  "reset-password": {
    about: "Public: a new password by a mailed token; an unknown token is a 404 and changes nothing.",
    probes: [
      { name: "no token", method: "GET", path: () => "/reset-password", expect: () => ({ kind: "refuse", status: [404] }) },
      { name: "unknown token", method: "GET", path: () => `/reset-password?token=${BOGUS_TOKEN}`, expect: () => ({ kind: "refuse", status: [404] }) },
      {
        name: "reset with an unknown token",
        method: "POST",
        path: () => "/reset-password",
        form: () => ({ token: BOGUS_TOKEN, password: STRONG_PASSWORD, passwordRepeat: STRONG_PASSWORD }),
        expect: () => ({ kind: "refuse", status: [404] }),
      },
      {
        name: "reset without CSRF",
        method: "POST",
        csrf: "none",
        path: () => "/reset-password",
        form: () => ({ token: BOGUS_TOKEN, password: STRONG_PASSWORD, passwordRepeat: STRONG_PASSWORD }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  signup: {
    about: "Public: a new organisation with its first beheerder. Without a token nothing is created.",
    probes: [
      { name: "page", method: "GET", path: () => "/signup", expect: () => allow200 },
      {
        name: "sign up without CSRF",
        method: "POST",
        csrf: "none",
        path: () => "/signup",
        form: (_w, a) => ({
          organisationName: `Indringer ${a.key}`,
          kind: "praktijk",
          agb: "",
          name: "Indringer",
          email: `indringer-${a.key}@elders.example.org`,
          password: STRONG_PASSWORD,
          passwordRepeat: STRONG_PASSWORD,
        }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
};

/* ------------------------------------------------------------------------------------------------
 * Workspaces (issue 5): portfolio, import, practice pages, keten pages
 * ---------------------------------------------------------------------------------------------- */

/** The keten the demo seed's import names without a keten organisation: known to the importers only. */
export const NOORDKUST = "n:huisartsenketen noordkust (demo)";
const BOGUS_PRACTICE = "00000000-0000-4000-8000-0000000000aa";

type Subject = "linde" | "ander" | "bogus" | "keten" | "noordkust";

/**
 * Who has De Linde, its keten or the imported Noordkust keten in the portfolio: the insurer and the
 * toezichthouder (they imported the demo spreadsheet, the insurer also writes B), and the keten's
 * beheerder (its member's self-assessment; not an imported keten). Nobody sees the second practice.
 */
function sees(a: Actor, subject: Subject, w: World): boolean {
  if (!isPerson(a) || !verified(a, w)) return false;
  const importer = a.org === "verzekeraar" || a.org === "toezicht";
  if (subject === "linde" || subject === "keten") return importer || (a.org === "keten" && a.role === "beheerder");
  if (subject === "noordkust") return importer;
  return false;
}

const hasPortfolio = (a: Actor, w: World) => isPerson(a) && verified(a, w) && (a.org === "verzekeraar" || a.org === "toezicht" || (a.org === "keten" && a.role === "beheerder"));
const importer = (a: Actor, w: World) => isPerson(a) && verified(a, w) && (a.org === "verzekeraar" || a.org === "toezicht");

/** What a refused workspace page must not show: the practices and markers, and no name but the viewer's own. */
function hiddenFrom(a: Actor, w: World) {
  const own = isPerson(a) ? w.orgNames[a.org] : null;
  return [w.markers.S, w.markers.B, w.markers.O, ...[w.practiceNames.ander, w.practiceNames.linde].filter((name) => name !== own)];
}

function workspaceRead(subject: Subject, extra: { contains?: (w: World) => string[] } = {}) {
  return (a: Actor, w: World): Expectation => {
    if (!isPerson(a)) return toLogin;
    if (sees(a, subject, w)) return { kind: "allow", status: [200], contains: extra.contains?.(w) ?? [], notContains: [w.practiceNames.ander, w.markers.O] };
    // (An organisation's own name is in its header; the practices it may not see are not.)
    return { kind: "refuse", status: [404], notContains: hiddenFrom(a, w) };
  };
}

/** Writing a note in a guide: those who may see it and edit; a lezer who may see it gets 403; anyone else 404. */
function noteChange(subject: Subject) {
  return (a: Actor, w: World): Expectation => {
    if (!isPerson(a)) return toLogin;
    if (!sees(a, subject, w)) return { kind: "refuse", status: [404], notContains: hiddenFrom(a, w) };
    return a.role === "lezer" ? { kind: "refuse", status: [403] } : { kind: "skip", why: "a reader of the guide who may edit records notes (setup)" };
  };
}

/** The matrix: De Linde is in it for everyone with a portfolio (unless a filter leaves it out); the second practice never. */
function portfolioRead(showsLinde: boolean) {
  return (a: Actor, w: World): Expectation => {
    if (!isPerson(a)) return toLogin;
    if (!hasPortfolio(a, w)) return { kind: "refuse", status: [404], notContains: hiddenFrom(a, w) };
    return {
      kind: "allow",
      status: [200],
      contains: showsLinde ? [w.practiceNames.linde] : [],
      notContains: [w.practiceNames.ander, w.markers.O, w.markers.S, w.markers.B],
    };
  };
}

function importList(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  if (!importer(a, w)) return { kind: "refuse", status: [404] };
  const mine = a.org === "verzekeraar" ? w.ids.imports.verzekeraar : w.ids.imports.toezicht;
  const theirs = a.org === "verzekeraar" ? w.ids.imports.toezicht : w.ids.imports.verzekeraar;
  return { kind: "allow", status: [200], contains: [mine], notContains: [theirs] };
}

/** The insurer's import: its people read it; deciding it again is 409 (it was confirmed), a lezer 403. */
function importRead(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  return a.org === "verzekeraar" && verified(a, w) ? { kind: "allow", status: [200] } : { kind: "refuse", status: [404] };
}

function importDecide(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  if (!importer(a, w)) return { kind: "refuse", status: [404] };
  if (a.role === "lezer") return { kind: "refuse", status: [403] };
  return { kind: "refuse", status: a.org === "verzekeraar" ? [409] : [404] };
}

function upload(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  if (!importer(a, w)) return { kind: "refuse", status: [404] };
  return a.role === "lezer"
    ? { kind: "refuse", status: [403] }
    : { kind: "skip", why: "an insurer or toezichthouder uploads (the demo seed did, through the same model)" };
}

const P = (w: World, subject: "linde" | "ander" | "bogus") => `/practices/${subject === "bogus" ? BOGUS_PRACTICE : w.ids.practice[subject]}`;
const K = (w: World, subject: "keten" | "noordkust") => `/ketens/${encodeURIComponent(subject === "keten" ? w.ids.org.keten : NOORDKUST)}`;
const noteForm = () => ({ _intent: "add-note", kind: "agreement", text: "Afspraak van een ander", onDate: "2026-12-01", dueDate: "2027-03-01" });

function practiceProbes(page: string, options: { pdf?: boolean; notes?: boolean } = {}): Probe[] {
  const subjects = ["linde", "ander", "bogus"] as const;
  const probes: Probe[] = subjects.map((subject) => ({
    name: `read ${subject}`,
    method: "GET",
    path: (w) => `${P(w, subject)}${page}`,
    expect: workspaceRead(subject),
  }));
  if (options.notes) {
    probes.push(
      ...subjects.map((subject): Probe => ({
        name: `add a note for ${subject}`,
        method: "POST",
        path: (w) => `${P(w, subject)}${page}`,
        form: noteForm,
        expect: noteChange(subject),
      })),
      {
        name: "remove the insurer's note",
        method: "POST",
        path: (w) => `${P(w, "linde")}${page}`,
        form: (w) => ({ _intent: "remove-note", noteId: w.ids.note }),
        // Only the insurer's beheerder and invuller could; the toezichthouder sees the guide, not the note.
        expect: (a, w) => {
          if (!isPerson(a)) return toLogin;
          if (a.org === "verzekeraar")
            return a.role === "lezer" ? { kind: "refuse", status: [403] } : { kind: "skip", why: "the insurer removes its own note" };
          if (!sees(a, "linde", w)) return { kind: "refuse", status: [404], notContains: hiddenFrom(a, w) };
          return { kind: "refuse", status: a.role === "lezer" ? [403] : [404] };
        },
      },
      {
        name: "add a note without CSRF",
        method: "POST",
        csrf: "none",
        actors: is("verzekeraar", "beheerder"),
        path: (w) => `${P(w, "linde")}${page}`,
        form: noteForm,
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    );
  }
  return probes;
}

function ketenProbes(page: string, options: { notes?: boolean } = {}): Probe[] {
  const subjects = ["keten", "noordkust"] as const;
  const probes: Probe[] = [
    ...subjects.map((subject): Probe => ({ name: `read ${subject}`, method: "GET", path: (w) => `${K(w, subject)}${page}`, expect: workspaceRead(subject) })),
    { name: "read an unknown keten", method: "GET", path: () => `/ketens/${BOGUS_PRACTICE}${page}`, expect: workspaceRead("bogus") },
  ];
  if (options.notes) {
    probes.push(
      ...subjects.map((subject): Probe => ({
        name: `add a note for ${subject}`,
        method: "POST",
        path: (w) => `${K(w, subject)}${page}`,
        form: noteForm,
        expect: noteChange(subject),
      })),
      {
        name: "add a note without CSRF",
        method: "POST",
        csrf: "none",
        actors: is("toezicht", "beheerder"),
        path: (w) => `${K(w, "keten")}${page}`,
        form: noteForm,
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    );
  }
  return probes;
}

Object.assign(ROUTES, {
  "portfolio._index": {
    about: "The portfolio matrix: insurers, toezichthouders and a keten's beheerder; anyone else 404. Never the second practice.",
    probes: [
      { name: "matrix", method: "GET", path: () => "/portfolio", expect: portfolioRead(true) },
      // De Linde has no signal in any source: the filter leaves it out.
      { name: "matrix filtered and grouped", method: "GET", path: () => "/portfolio?signal=any&group=keten&sort=name&dir=asc", expect: portfolioRead(false) },
      // Issue 13: the practices whose signals changed since their previous version: still nothing of another tenant.
      { name: "matrix filtered on changed signals", method: "GET", path: () => "/portfolio?changed=1", expect: portfolioRead(false) },
      {
        name: "matrix (data)",
        method: "GET",
        path: () => "/portfolio.data",
        expect: (a, w) => (isPerson(a) ? portfolioRead(true)(a, w) : { kind: "refuse", status: [202], contains: ["SingleFetchRedirect"] }),
      },
    ],
  },
  "portfolio[.]csv": {
    about: "Export of the matrix (audited): as the matrix.",
    probes: [{ name: "export", method: "GET", path: () => "/portfolio.csv", expect: portfolioRead(true) }],
  },
  "portfolio.import._index": {
    about: "Imports of practice facts: each importer sees its own; uploading is for beheerders and invullers.",
    probes: [
      { name: "list", method: "GET", path: () => "/portfolio/import", expect: importList },
      { name: "upload", method: "POST", path: () => "/portfolio/import", form: () => ({ source: "Indringer", sourceDate: "2026-11-01" }), expect: upload },
      {
        name: "upload without CSRF",
        method: "POST",
        csrf: "none",
        actors: is("verzekeraar", "beheerder"),
        path: () => "/portfolio/import",
        form: () => ({ source: "x", sourceDate: "2026-11-01" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  "portfolio.import.$importId": {
    about: "One import's preview: the importing organisation only; another importer gets 404.",
    probes: [
      { name: "read the insurer's import", method: "GET", path: (w) => `/portfolio/import/${w.ids.imports.verzekeraar}`, expect: importRead },
      {
        name: "confirm the insurer's import",
        method: "POST",
        path: (w) => `/portfolio/import/${w.ids.imports.verzekeraar}`,
        form: () => ({ _intent: "confirm" }),
        expect: importDecide,
      },
      {
        name: "discard the insurer's import",
        method: "POST",
        path: (w) => `/portfolio/import/${w.ids.imports.verzekeraar}`,
        form: () => ({ _intent: "discard" }),
        expect: importDecide,
      },
      {
        name: "discard without CSRF",
        method: "POST",
        csrf: "none",
        actors: is("verzekeraar", "beheerder"),
        path: (w) => `/portfolio/import/${w.ids.imports.verzekeraar}`,
        form: () => ({ _intent: "discard" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  "practices.$practiceId._index": {
    about: "A practice in the reader's portfolio: its sources and signals. Outside the portfolio: 404.",
    probes: [
      ...practiceProbes(""),
      {
        name: "read De Linde (data)",
        method: "GET",
        path: (w) => `${P(w, "linde")}.data`,
        expect: (a, w) => (isPerson(a) ? workspaceRead("linde")(a, w) : { kind: "refuse", status: [202], contains: ["SingleFetchRedirect"] }),
      },
    ],
  },
  "practices.$practiceId.compare": { about: "Self-assessment beside the reader's own: as the practice page.", probes: practiceProbes("/compare") },
  "practices.$practiceId.guide": {
    about: "The practice's conversation guide and its notes (the reader's organisation's own).",
    probes: practiceProbes("/guide", { notes: true }),
  },
  "practices.$practiceId.guide[.]pdf": { about: "The guide as PDF (audited): as the guide.", probes: practiceProbes("/guide.pdf") },
  "ketens.$ketenKey._index": {
    about: "A keten's practices in the reader's portfolio, rolled up; a keten with none of them is a 404.",
    probes: ketenProbes(""),
  },
  "ketens.$ketenKey.guide": { about: "The keten's conversation guide and its notes.", probes: ketenProbes("/guide", { notes: true }) },
  "ketens.$ketenKey.guide[.]pdf": { about: "The keten's guide as PDF (audited).", probes: ketenProbes("/guide.pdf") },
} satisfies Record<string, RouteEntry>);

/* ------------------------------------------------------------------------------------------------
 * The signaleringsmatrix (issue 6): public data for everyone signed in; imports and criteria for
 * beheerders of insurers and toezichthouders; a region's practices only as the reader's portfolio has them.
 * ---------------------------------------------------------------------------------------------- */

/** Beheerders of insurers and toezichthouders keep cut-offs of their own (verified or not: it is their own view). */
const manager = (a: Actor) => isPerson(a) && a.role === "beheerder" && (a.org === "verzekeraar" || a.org === "toezicht" || a.org === "onvVerzekeraar" || a.org === "onvToezicht");
const signedIn = (a: Actor, w: World): Expectation =>
  isPerson(a) ? { kind: "allow", status: [200], notContains: [w.markers.O, w.markers.S, w.markers.B, ...[w.practiceNames.ander, w.practiceNames.linde].filter((n) => n !== w.orgNames[a.org])] } : toLogin;
/** The insurer keeps own cut-offs (setup): its people see them labelled as its own; nobody else ever sees them. */
function ownView(a: Actor, w: World): Expectation {
  const base = signedIn(a, w);
  if (base.kind === "skip" || !isPerson(a) || base.kind === "refuse") return base;
  return a.org === "verzekeraar" ? { ...base, contains: [OWN_LABEL] } : { ...base, notContains: [...(base.notContains ?? []), OWN_LABEL] };
}
export const OWN_LABEL = "eigen grenswaarden";

/** The national matrix is the platform's to keep and read; no practice is in it for the platform. */
const nationalForPlatform = (w: World): Expectation => ({ kind: "allow", status: [200], notContains: [w.practiceNames.linde, w.practiceNames.ander, w.markers.S, w.markers.B, w.markers.O] });
const managersOnly = (a: Actor): Expectation => (!isPerson(a) ? toLogin : manager(a) ? { kind: "allow", status: [200] } : { kind: "refuse", status: [404] });
const managersChange =
  (why: string) =>
  (a: Actor): Expectation =>
    !isPerson(a) ? toLogin : manager(a) ? { kind: "skip", why } : { kind: "refuse", status: [404] };

/** De Linde's region page: the matrix for all, De Linde's row only for those who have it in their portfolio. */
function regionPage(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  const own = w.orgNames[a.org];
  const hidden = [...(own === w.practiceNames.ander ? [] : [w.practiceNames.ander]), ...(sees(a, "linde", w) || own === w.practiceNames.linde ? [] : [w.practiceNames.linde])];
  return { kind: "allow", status: [200], contains: sees(a, "linde", w) ? [w.practiceNames.linde] : [], notContains: hidden };
}

Object.assign(ROUTES, {
  "regions._index": {
    about: "The matrix: public data, for everyone signed in; no practice in it.",
    probes: [
      { name: "matrix", method: "GET", path: () => "/regions", expect: signedIn, platform: (w) => nationalForPlatform(w) },
      { name: "matrix of a year, only red", method: "GET", path: () => "/regions?jaar=2025&rood=1", expect: signedIn, platform: (w) => nationalForPlatform(w) },
      // An organisation's own cut-offs are its own view only; asking for them without any is the national view.
      { name: "matrix with own cut-offs", method: "GET", path: () => "/regions?grenzen=eigen", expect: ownView, platform: (w) => nationalForPlatform(w) },
    ],
  },
  "regions[.]csv": { about: "The matrix as CSV.", probes: [{ name: "export", method: "GET", path: () => "/regions.csv", expect: signedIn, platform: (w) => nationalForPlatform(w) }] },
  "regions.$code": {
    about: "A region over the years; its practices as the reader's portfolio has them.",
    probes: [
      { name: "De Linde's region", method: "GET", path: () => "/regions/DEMO-03", expect: regionPage, platform: (w) => nationalForPlatform(w) },
      {
        name: "an unknown region",
        method: "GET",
        path: () => "/regions/NERGENS-99",
        expect: (a) => (isPerson(a) ? { kind: "refuse", status: [404] } : toLogin),
        platform: () => ({ kind: "refuse", status: [404] }),
      },
    ],
  },
  "regions.criteria": {
    about: "An insurer's or toezichthouder's own cut-offs: read and changed by its beheerders only, for its own view; every change audited.",
    probes: [
      { name: "read", method: "GET", path: () => "/regions/criteria", expect: managersOnly },
      { name: "change", method: "POST", path: () => "/regions/criteria", form: () => ({ indicator: "huisartsendichtheid", kind: "fixed", rood: "5", oranje: "6" }), expect: managersChange("a beheerder sets its own cut-offs") },
      { name: "change without CSRF", method: "POST", csrf: "none", actors: is("verzekeraar", "beheerder"), path: () => "/regions/criteria", form: () => ({ indicator: "huisartsendichtheid", kind: "relative" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
} satisfies Record<string, RouteEntry>);

/**
 * The practice register (issue 13) on /organisation: changed by the beheerder of the organisation that
 * speaks for the practice (a verified keten's beheerder for a member without an account); another
 * organisation's beheerder gets 404, anyone else who is not a beheerder 403. Every refusal changes nothing.
 */
function registerChange(a: Actor): Expectation {
  if (!isPerson(a)) return toLogin;
  if (a.role !== "beheerder") return { kind: "refuse", status: [403] };
  return a.org === "praktijk" ? { kind: "skip", why: "De Linde's beheerder keeps its register (browser test, model tests)" } : { kind: "refuse", status: [404] };
}

const registerForm = (w: World, practice: "linde" | "ander") => ({
  intent: "register",
  practiceId: w.ids.practice[practice],
  name: "Overgenomen praktijk",
  agb: "09999999",
  kvk: "",
  postcode: "1234 AB",
  regionId: "",
});

ROUTES.organisation!.probes.push(
  { name: "change De Linde's register", method: "POST", path: () => "/organisation", form: (w) => registerForm(w, "linde"), expect: registerChange },
  {
    name: "change the second practice's register",
    method: "POST",
    path: () => "/organisation",
    form: (w) => registerForm(w, "ander"),
    expect: (a) => (!isPerson(a) ? toLogin : a.role !== "beheerder" ? { kind: "refuse", status: [403] } : a.org === "ander" ? { kind: "skip", why: "its own beheerder keeps it" } : { kind: "refuse", status: [404] }),
  },
  { name: "change the register without CSRF", method: "POST", csrf: "none", actors: is("praktijk", "beheerder"), path: () => "/organisation", form: (w) => registerForm(w, "linde"), expect: () => ({ kind: "refuse", status: [403] }) },
);

/**
 * Starting one's own assessment from a practice page (issue 13): whoever sees the practice in its
 * portfolio and writes about others (insurer, toezichthouder) as beheerder or invuller; the insurer
 * already has B, so it is taken there; a lezer 403; a keten (self-assessments only) 403; anyone who does
 * not see the practice (unverified, another practice, an id that does not exist) 404.
 */
function startOwnProbe(subject: "linde" | "ander" | "bogus"): Probe {
  return {
    name: `start own about ${subject}`,
    method: "POST",
    path: (w) => `${P(w, subject)}?index`,
    form: () => ({ _intent: "start-own" }),
    expect: (a, w) => {
      if (!isPerson(a)) return toLogin;
      if (!sees(a, subject, w)) return { kind: "refuse", status: [404], notContains: hiddenFrom(a, w) };
      if (a.role === "lezer" || a.org === "keten") return { kind: "refuse", status: [403] };
      if (a.org === "verzekeraar") return { kind: "allow", status: [302], location: new RegExp(`^/assessments/${w.ids.B}$`) };
      return { kind: "skip", why: `${a.key} starts its own gespreksvoorbereiding (browser test)` };
    },
  };
}

ROUTES["practices.$practiceId._index"]!.probes.push(
  startOwnProbe("linde"),
  startOwnProbe("ander"),
  startOwnProbe("bogus"),
  { name: "start own without CSRF", method: "POST", csrf: "none", actors: is("verzekeraar", "beheerder"), path: (w) => `${P(w, "linde")}?index`, form: () => ({ _intent: "start-own" }), expect: () => ({ kind: "refuse", status: [403] }) },
);

/* ------------------------------------------------------------------------------------------------
 * Data and privacy (issue 10): the organisation's export, erasing people, closing the organisation.
 * Only refusals are sent: an allowed erasure or closing would end the suite's own world (the model
 * tests and the browser test do them). Wrong confirmations are refused with 400 and change nothing.
 * ---------------------------------------------------------------------------------------------- */

const beheerderOnly = (a: Actor, allowed: Expectation): Expectation => (!isPerson(a) ? toLogin : a.role === "beheerder" ? allowed : { kind: "refuse", status: [403] });

/** The organisation's export: its own assessments' markers, nobody else's, no other organisation's people, no secrets. */
function exportRead(a: Actor, w: World): Expectation {
  if (!isPerson(a)) return toLogin;
  if (a.role !== "beheerder") return { kind: "refuse", status: [403] };
  const own = (["S", "B", "O"] as const).filter((r) => RESOURCES[r].author === a.org);
  const others = (["S", "B", "O"] as const).filter((r) => RESOURCES[r].author !== a.org);
  return {
    kind: "allow",
    status: [200],
    contains: [JSON.stringify(w.orgNames[a.org]).slice(1, -1), ...own.map((r) => w.markers[r])],
    notContains: [...others.map((r) => w.markers[r]), "$argon2", "password_hash", "token_hash", "id_hash"],
    verify: ownAddressesOnly(a),
  };
}

/** De Linde's lezer, to be erased by De Linde's beheerder: another organisation's beheerder finds no such member. */
function memberErase(allowed: Expectation) {
  return (a: Actor): Expectation => {
    if (!isPerson(a)) return toLogin;
    if (a.org === "praktijk") return a.role === "beheerder" ? allowed : { kind: "refuse", status: [403] };
    return { kind: "refuse", status: a.role === "beheerder" ? [404] : [403] };
  };
}

const ERASE_LEZER = (w: World) => `/organisation/members/${w.ids.lindeLezer}/erase`;

Object.assign(ROUTES, {
  "organisation_.privacy": {
    about: "Data and privacy of the viewer's organisation: its beheerder only; lists its own people only.",
    probes: [{ name: "page", method: "GET", path: () => "/organisation/privacy", expect: (a) => beheerderOnly(a, { kind: "allow", status: [200], verify: ownAddressesOnly(a) }) }],
  },
  "organisation_.export[.]json": {
    about: "All of the organisation's data as JSON (audited): its beheerder only; its own data only.",
    probes: [{ name: "export", method: "GET", path: () => "/organisation/export.json", expect: exportRead }],
  },
  "organisation_.close": {
    about: "Closing the organisation: its beheerder, with the organisation's name and the password; anything less changes nothing.",
    probes: [
      { name: "page", method: "GET", path: () => "/organisation/close", expect: (a, w) => beheerderOnly(a, { kind: "allow", status: [200], contains: isPerson(a) ? [w.orgNames[a.org]] : [] }) },
      {
        name: "close with the wrong name",
        method: "POST",
        path: () => "/organisation/close",
        form: () => ({ confirmName: "Een andere organisatie", password: "Kernwaarden-demo-2026" }),
        expect: (a) => beheerderOnly(a, { kind: "refuse", status: [400] }),
      },
      {
        name: "close without a password",
        method: "POST",
        path: () => "/organisation/close",
        form: (w, a) => ({ confirmName: isPerson(a) ? w.orgNames[a.org] : "", password: "" }),
        expect: (a) => beheerderOnly(a, { kind: "refuse", status: [400] }),
      },
      {
        name: "close without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        path: () => "/organisation/close",
        form: (w) => ({ confirmName: w.orgNames.praktijk, password: "Kernwaarden-demo-2026" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  "organisation_.members.$personId.erase": {
    about: "A beheerder erases a member: De Linde's lezer only by De Linde's beheerder; to other organisations no such member (404).",
    probes: [
      { name: "confirm page", method: "GET", path: ERASE_LEZER, expect: memberErase({ kind: "allow", status: [200], contains: ["lezer@praktijk-de-linde.example.com"] }) },
      { name: "confirm page of someone unknown", method: "GET", path: () => `/organisation/members/${BOGUS_ID}/erase`, expect: (a) => (!isPerson(a) ? toLogin : a.role === "beheerder" ? { kind: "refuse", status: [404] } : { kind: "refuse", status: [403] }) },
      { name: "erase without a password", method: "POST", path: ERASE_LEZER, form: () => ({ password: "" }), expect: memberErase({ kind: "refuse", status: [400] }) },
      {
        name: "erase without CSRF",
        method: "POST",
        csrf: "none",
        actors: owner,
        path: ERASE_LEZER,
        form: () => ({ password: "Kernwaarden-demo-2026" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  "account_.erase": {
    about: "A person erases their own account: everyone signed in sees their own page; the password is required.",
    probes: [
      { name: "page", method: "GET", path: () => "/account/erase", expect: (a, w) => (!isPerson(a) ? toLogin : { kind: "allow", status: [200], contains: [w.orgNames[a.org]], verify: ownAddressesOnly(a) }) },
      { name: "erase without a password", method: "POST", path: () => "/account/erase", form: () => ({ password: "" }), expect: (a) => (!isPerson(a) ? toLogin : { kind: "refuse", status: [400] }) },
      { name: "erase without CSRF", method: "POST", csrf: "none", actors: is("praktijk", "lezer"), path: () => "/account/erase", form: () => ({ password: "Kernwaarden-demo-2026" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  erased: {
    about: "Public: where a closed organisation's or erased person's browser lands. Shows nothing of anyone.",
    probes: [{ name: "page", method: "GET", path: () => "/erased?what=organisation", expect: (a) => ({ kind: "allow", status: [200], verify: isPerson(a) ? ownAddressesOnly(a) : undefined }) }],
  },
} satisfies Record<string, RouteEntry>);


/* ------------------------------------------------------------------------------------------------
 * The platform beheerder (issue 11): its own pages, nobody else's; verification asked again
 * ---------------------------------------------------------------------------------------------- */

/** A platform page: the platform beheerder reads it; a person of any organisation gets 404; anyone else the sign-in page. */
const platformPage = (a: Actor, w: World): Expectation =>
  a.kind === "platform"
    ? { kind: "allow", status: [200], notContains: [w.markers.S, w.markers.B, w.markers.O] }
    : isPerson(a)
      ? { kind: "refuse", status: [404], notContains: [PLATFORM_EMAIL] }
      : toLogin;
const platformChange =
  (why: string) =>
  (a: Actor): Expectation =>
    a.kind === "platform" ? { kind: "skip", why } : isPerson(a) ? { kind: "refuse", status: [404] } : toLogin;
const platformOnly = (a: Actor) => a.kind === "platform";

Object.assign(ROUTES, {
  "beheer._index": {
    platformAware: true,
    about: "The platform's home: organisations waiting for verification. The platform beheerder only.",
    probes: [{ name: "read", method: "GET", path: () => "/beheer", expect: platformPage }],
  },
  "beheer.organisations._index": {
    platformAware: true,
    about: "All organisations with their status. The platform beheerder only.",
    probes: [
      { name: "list", method: "GET", path: () => "/beheer/organisations", expect: platformPage },
      { name: "list, unverified, searched", method: "GET", path: () => "/beheer/organisations?status=pending&q=Inspectie", expect: platformPage },
    ],
  },
  "beheer.organisations.$orgId": {
    platformAware: true,
    about: "One organisation's identifiers, claims, beheerders and history; the decision. The platform beheerder only.",
    probes: [
      { name: "read the inspectorate impostor", method: "GET", path: (w) => `/beheer/organisations/${w.ids.org.onvToezicht}`, expect: platformPage },
      { name: "read an unknown organisation", method: "GET", path: () => `/beheer/organisations/${BOGUS_ID}`, expect: (a) => (a.kind === "platform" ? { kind: "refuse", status: [404] } : isPerson(a) ? { kind: "refuse", status: [404] } : toLogin) },
      {
        name: "verify the inspectorate impostor",
        method: "POST",
        path: (w) => `/beheer/organisations/${w.ids.org.onvToezicht}`,
        form: () => ({ decision: "verified", checked: "other", note: "Zo mag het niet" }),
        expect: platformChange("the platform decides (setup and the withdrawal phase)"),
      },
      {
        name: "decide without CSRF",
        method: "POST",
        csrf: "none",
        actors: platformOnly,
        path: (w) => `/beheer/organisations/${w.ids.org.onvToezicht}`,
        form: () => ({ decision: "verified", checked: "other", note: "x" }),
        expect: () => ({ kind: "refuse", status: [403] }),
      },
    ],
  },
  "beheer.audit": {
    platformAware: true,
    about: "The platform's own audit trail. The platform beheerder only.",
    probes: [{ name: "read", method: "GET", path: () => "/beheer/audit", expect: platformPage }],
  },
  "beheer.criteria": {
    platformAware: true,
    about: "National cut-offs published with their basis. The platform beheerder only.",
    probes: [
      { name: "read", method: "GET", path: () => "/beheer/criteria", expect: platformPage },
      {
        name: "publish",
        method: "POST",
        path: () => "/beheer/criteria",
        form: () => ({ indicator: "huisartsendichtheid", kind: "fixed", rood: "5", oranje: "6", agreedBy: "Indringer", source: "Eigen idee", agreedOn: "2026-01-01" }),
        expect: platformChange("the platform publishes (browser test)"),
      },
      { name: "publish without CSRF", method: "POST", csrf: "none", actors: platformOnly, path: () => "/beheer/criteria", form: () => ({ indicator: "huisartsendichtheid", kind: "relative" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "beheer.regions.import._index": {
    platformAware: true,
    about: "Region figures in: national data, the platform beheerder only; anyone else 404.",
    probes: [
      { name: "list", method: "GET", path: () => "/beheer/regions/import", expect: platformPage },
      { name: "upload", method: "POST", path: () => "/beheer/regions/import", form: () => ({ source: "Indringer" }), expect: platformChange("the platform uploads (setup)") },
      { name: "upload without CSRF", method: "POST", csrf: "none", actors: platformOnly, path: () => "/beheer/regions/import", form: () => ({ source: "x" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "beheer.regions.import.$importId": {
    platformAware: true,
    about: "A region import's preview: the platform beheerder only.",
    probes: [
      { name: "read the platform's upload", method: "GET", path: (w) => `/beheer/regions/import/${w.ids.regionImport}`, expect: platformPage },
      {
        name: "confirm the platform's upload",
        method: "POST",
        path: (w) => `/beheer/regions/import/${w.ids.regionImport}`,
        form: () => ({ _intent: "confirm" }),
        expect: platformChange("the platform confirms its own upload (browser test)"),
      },
      { name: "discard without CSRF", method: "POST", csrf: "none", actors: platformOnly, path: (w) => `/beheer/regions/import/${w.ids.regionImport}`, form: () => ({ _intent: "discard" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
} satisfies Record<string, RouteEntry>);

ROUTES.organisation!.probes.push({
  name: "ask for verification again",
  method: "POST",
  path: () => "/organisation",
  form: () => ({ intent: "verification-again", kvk: "", uzovi: "", note: "Opnieuw, graag" }),
  // Only a beheerder of a refused (or withdrawn) organisation asks again; a verified or waiting one has nothing to ask.
  expect: (a, w) => {
    if (!isPerson(a)) return toLogin;
    if (a.role !== "beheerder") return { kind: "refuse", status: [403] };
    return a.org === w.refused ? { kind: "skip", why: "the refused organisation asks again (browser test)" } : { kind: "refuse", status: [409] };
  },
});

/* ------------------------------------------------------------------------------------------------
 * Signing in (issue 11): the second-factor step, enrolment, recovery codes, re-authentication, passkey
 * options, sign-up confirmation. These speak to anyone signed in, the platform beheerder too; nothing
 * here changes anything without the right password, code or recency, and no page shows another's.
 * Whether the session authenticated in the last ten minutes depends on the run's speed: where that
 * decides, either answer is allowed, and the database must stay as it was.
 * ---------------------------------------------------------------------------------------------- */

const signedInAny = (a: Actor) => a.kind !== "anonymous";
/** Organisations whose beheerder signed up through /signup (and so enrolled a second factor), and the platform. */
const enrolled = (a: Actor) => a.kind === "platform" || (isPerson(a) && a.role === "beheerder" && (a.org === "ander" || Boolean(ORGS[a.org].signup)));
const own = (a: Actor): Expectation => (signedInAny(a) ? { kind: "allow", status: [200] } : toLogin);

Object.assign(ROUTES, {
  "login_.verify": {
    platformAware: true,
    about: "The second factor of a sign-in: a session that passed it (everyone here) goes on to where it was going.",
    probes: [
      { name: "page", method: "GET", path: () => "/login/verify?redirectTo=%2F", expect: (a) => (signedInAny(a) ? { kind: "allow", status: [302], location: /^\/$/ } : toLogin) },
      {
        name: "a wrong code",
        method: "POST",
        path: () => "/login/verify",
        form: () => ({ _intent: "totp", code: "000000", redirectTo: "/" }),
        expect: (a) => (signedInAny(a) ? { kind: "allow", status: [302], location: /^\/$/ } : toLogin),
      },
      { name: "without CSRF", method: "POST", csrf: "none", path: () => "/login/verify", form: () => ({ _intent: "totp", code: "000000" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "security._index": {
    platformAware: true,
    about: "A person's own factors, recovery codes and password: their own only.",
    probes: [
      { name: "page", method: "GET", path: () => "/security", expect: own },
      {
        name: "change the password with a wrong current one",
        method: "POST",
        path: () => "/security",
        form: () => ({ _intent: "change-password", current: "Niet-het-wachtwoord-1234", next: "Zeven-zwanen-zwemmen-in-de-Vecht-1893", repeat: "Zeven-zwanen-zwemmen-in-de-Vecht-1893" }),
        expect: (a) => (signedInAny(a) ? { kind: "refuse", status: [400] } : toLogin),
      },
      {
        name: "remove the authenticator app",
        method: "POST",
        path: () => "/security",
        form: () => ({ _intent: "remove-totp" }),
        // Not recent: first confirm (302). Recent: nothing to remove (404), or the last factor of someone who needs one (409).
        expect: (a) => (!signedInAny(a) ? toLogin : { kind: "refuse", status: enrolled(a) ? [302, 409] : [302, 404] }),
      },
      {
        name: "remove another's passkey",
        method: "POST",
        path: () => "/security",
        form: () => ({ _intent: "remove-passkey", id: "bm90LWplLXBhc3NrZXk" }),
        // Not one's own: not found (or first confirm who one is).
        expect: (a) => (!signedInAny(a) ? toLogin : { kind: "refuse", status: [302, 404] }),
      },
      { name: "without CSRF", method: "POST", csrf: "none", actors: signedInAny, path: () => "/security", form: () => ({ _intent: "remove-totp" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "security.setup": {
    platformAware: true,
    about: "Adding a second factor: after re-authentication (a QR code and key of one's own); a wrong code adds nothing.",
    probes: [
      { name: "page", method: "GET", path: () => "/security/setup", expect: (a) => (signedInAny(a) ? { kind: "allow", status: [200, 302] } : toLogin) },
      {
        name: "a wrong code",
        method: "POST",
        path: () => "/security/setup",
        form: () => ({ _intent: "totp-confirm", code: "000000" }),
        expect: (a) => (signedInAny(a) ? { kind: "refuse", status: [302, 400] } : toLogin),
      },
      { name: "without CSRF", method: "POST", csrf: "none", actors: signedInAny, path: () => "/security/setup", form: () => ({ _intent: "totp-confirm", code: "000000" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "security.recovery-codes": {
    platformAware: true,
    about: "New recovery codes shown once, from the session only: none waiting here.",
    probes: [
      { name: "page", method: "GET", path: () => "/security/recovery-codes", expect: (a) => (signedInAny(a) ? { kind: "allow", status: [200], notContains: ['<ol class="recovery-codes">'] } : toLogin) },
      { name: "saved", method: "POST", path: () => "/security/recovery-codes", form: () => ({ redirectTo: "/security" }), expect: (a) => (signedInAny(a) ? { kind: "allow", status: [302], location: /^\/security$/ } : toLogin) },
      { name: "without CSRF", method: "POST", csrf: "none", actors: signedInAny, path: () => "/security/recovery-codes", form: () => ({}), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "security.confirm": {
    platformAware: true,
    about: "Re-authentication: a wrong password confirms nothing.",
    probes: [
      { name: "page", method: "GET", path: () => "/security/confirm", expect: own },
      {
        name: "a wrong password",
        method: "POST",
        path: () => "/security/confirm",
        form: () => ({ _intent: "password", password: "Niet-het-wachtwoord-1234", redirectTo: "/security" }),
        expect: (a) => (signedInAny(a) ? { kind: "refuse", status: [400] } : toLogin),
      },
      { name: "without CSRF", method: "POST", csrf: "none", actors: signedInAny, path: () => "/security/confirm", form: () => ({ _intent: "password", password: "x" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "passkeys.options": {
    platformAware: true,
    about: "WebAuthn options (a challenge kept in one's own session): to sign in with a passkey one has none here; to add one only after re-authentication.",
    probes: [
      { name: "GET", method: "GET", path: () => "/passkeys/options", expect: () => ({ kind: "refuse", status: [405] }) },
      {
        name: "options to sign in with a passkey",
        method: "POST",
        path: () => "/passkeys/options",
        form: () => ({ purpose: "authenticate" }),
        expect: (a) => (signedInAny(a) ? { kind: "refuse", status: [404] } : toLogin),
      },
      {
        name: "options to add a passkey",
        method: "POST",
        path: () => "/passkeys/options",
        form: () => ({ purpose: "register" }),
        // Writes a challenge into the person's own session only (not in the fingerprint): allowed when recent.
        expect: (a) => (signedInAny(a) ? { kind: "allow", status: [200, 403] } : toLogin),
      },
      { name: "without CSRF", method: "POST", csrf: "none", path: () => "/passkeys/options", form: () => ({ purpose: "register" }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
  "signup_.confirm": {
    platformAware: true,
    about: "The link of a sign-up mail: an unknown or used link is a 404 to anyone and creates nothing.",
    probes: [
      { name: "unknown token", method: "GET", path: () => `/signup/confirm?token=${BOGUS_TOKEN}`, expect: () => ({ kind: "refuse", status: [404] }) },
      { name: "confirm an unknown token", method: "POST", path: () => "/signup/confirm", form: () => ({ token: BOGUS_TOKEN }), expect: () => ({ kind: "refuse", status: [404] }) },
      { name: "without CSRF", method: "POST", csrf: "none", path: () => "/signup/confirm", form: () => ({ token: BOGUS_TOKEN }), expect: () => ({ kind: "refuse", status: [403] }) },
    ],
  },
} satisfies Record<string, RouteEntry>);

/**
 * What the platform beheerder gets where a probe says nothing of it: an organisation's page (one that
 * sends anyone else to the sign-in page) is a 404, a public page is as for anyone; the national matrix is its to read.
 */
export function platformDefault(probe: Probe, w: World, r: ResourceKey): Expectation {
  const anonymous = probe.expect({ kind: "anonymous", key: "anoniem" }, w, r);
  if (anonymous.kind === "skip") return anonymous;
  const toSignIn = anonymous.location?.source.includes("login") || (anonymous.status.includes(202) && (anonymous.contains ?? []).some((c) => c.includes("SingleFetchRedirect")));
  if (!toSignIn) return anonymous;
  return { kind: "refuse", status: probe.method === "POST" ? [403, 404] : [404], notContains: [w.markers.S, w.markers.B, w.markers.O] };
}

/** Used by routes-covered.test.ts: a route with an action needs a POST probe, one with a loader a GET probe. */
export function methodsProbed(route: string) {
  const probes = ROUTES[route]?.probes ?? [];
  return { get: probes.some((p) => p.method === "GET"), post: probes.some((p) => p.method === "POST") };
}
