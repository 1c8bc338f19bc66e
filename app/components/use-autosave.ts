/**
 * Autosave: every answer is posted as it is given, one question at a time, in order, with the revision
 * it was based on. Nothing is ever overwritten silently:
 * - a save that ran into someone else's newer answer comes back as a conflict; from then on nothing is
 *   sent for that question until the person chooses: take theirs, or keep theirs own (saved on the other
 *   answer's revision and recorded as an overruled conflict). The conflict's revision is never adopted
 *   as the question's base, so a later edit cannot slip past it;
 * - a value that is refused (by the schema here or by the server) is never reported as saved: the
 *   status names it and the typed value stays in the field;
 * - a refused form token is renewed once, visibly, and the save retried; a lost connection is retried.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AnswerConflict, AnswerValue } from "~/domain/answers";

export interface AutosaveResponse {
  ok: boolean;
  revisions?: Record<string, number>;
  savedAt?: string | null;
  errors?: Record<string, string>;
  conflicts?: AnswerConflict[];
}

/** Why an answer is not saved (yet): each is named in the status line until it is resolved. */
export type Unsaved = "invalid" | "conflict" | "offline" | "signed-out" | "frozen";

export interface QuestionUiState {
  state: "saving" | "saved" | "taken" | "unsaved";
  reason?: Unsaved;
}

const RETRY_MS = 4000;

export function useAutosave({
  url,
  sectionId,
  form,
  initialRevisions,
  initialConflicts,
  initialInvalid,
  validate,
  onErrors,
  applyTheirs,
  renewCsrf,
}: {
  url: string;
  sectionId: string;
  form: React.RefObject<HTMLFormElement | null>;
  initialRevisions: Record<string, number>;
  /** Conflicts from a full-form post (the page rendered after it). */
  initialConflicts: AnswerConflict[];
  /** Questions the server refused in a full-form post. */
  initialInvalid: string[];
  validate: (questionId: string) => Promise<boolean>;
  onErrors: (errors: Record<string, string>) => void;
  /** Puts the other answer into the form's fields. */
  applyTheirs: (questionId: string, value: AnswerValue | null) => void;
  /** Fetches a fresh form token (and puts it in the page's forms); null when that fails. */
  renewCsrf: () => Promise<string | null>;
}) {
  const revisions = useRef({ ...initialRevisions });
  const [shownRevisions, setShownRevisions] = useState(revisions.current);
  const [conflicts, setConflicts] = useState<Record<string, AnswerConflict>>(() => Object.fromEntries(initialConflicts.map((c) => [c.questionId, c])));
  const conflictsRef = useRef(conflicts);
  conflictsRef.current = conflicts;
  const [ui, setUi] = useState<Record<string, QuestionUiState>>(() => ({
    ...Object.fromEntries(initialInvalid.map((id) => [id, { state: "unsaved", reason: "invalid" } as QuestionUiState])),
    ...Object.fromEntries(initialConflicts.map((c) => [c.questionId, { state: "unsaved", reason: "conflict" } as QuestionUiState])),
  }));
  const [lastSavedAt, setLastSavedAt] = useState<string | null>(null);
  const [tokenRenewed, setTokenRenewed] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const retries = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const mark = useCallback((questionId: string, state: QuestionUiState) => setUi((s) => ({ ...s, [questionId]: state })), []);

  const bodyFor = useCallback(
    (questionId: string, formElement: HTMLFormElement, keep?: number) => {
      const body = new FormData(formElement);
      // Only this question's own fields travel with its save.
      for (const key of [...body.keys()]) if (key.startsWith("_keep.") || key === "_take" || key === "_intent") body.delete(key);
      body.set("_intent", "autosave");
      body.set("_section", sectionId);
      body.set("_only", questionId);
      body.set(`_rev.${questionId}`, String(keep ?? revisions.current[questionId] ?? 0));
      if (keep !== undefined) body.set(`_keep.${questionId}`, String(keep));
      return body;
    },
    [sectionId],
  );

  const post = useCallback(
    async (body: FormData): Promise<{ status: number; result: AutosaveResponse | null; refused: boolean }> => {
      const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json" } });
      const json = (response.headers.get("Content-Type") ?? "").includes("application/json");
      const result = json && !response.redirected ? ((await response.json()) as AutosaveResponse) : null;
      return { status: response.status, result, refused: response.headers.get("X-Refused") === "csrf" };
    },
    [url],
  );

  const saveNow = useCallback(
    (questionId: string, keep?: number) => {
      queue.current = queue.current.then(async () => {
        const pendingRetry = retries.current.get(questionId);
        if (pendingRetry) clearTimeout(pendingRetry);
        retries.current.delete(questionId);
        // Held until the person has chosen between their answer and the other one.
        if (keep === undefined && conflictsRef.current[questionId]) return;
        if (!form.current) return;
        if (!(await validate(questionId))) {
          mark(questionId, { state: "unsaved", reason: "invalid" });
          return;
        }
        const body = bodyFor(questionId, form.current, keep);
        mark(questionId, { state: "saving" });
        try {
          let reply = await post(body);
          if (reply.status === 403 && reply.refused) {
            // The form's token belongs to an earlier session (a restart, a sign-in elsewhere): renew it once.
            const token = await renewCsrf();
            if (token) {
              setTokenRenewed(true);
              body.set("csrf", token);
              reply = await post(body);
            }
          }
          const { status, result } = reply;
          if (!result) {
            // Not an answer from the save route: a submitted version (409), or a sign-in page after a timeout.
            mark(questionId, { state: "unsaved", reason: status === 409 ? "frozen" : "signed-out" });
            return;
          }
          const conflict = result.conflicts?.find((c) => c.questionId === questionId);
          for (const [id, revision] of Object.entries(result.revisions ?? {})) {
            if (id !== questionId || !conflict) revisions.current[id] = revision;
          }
          setShownRevisions({ ...revisions.current });
          if (result.ok) {
            setConflicts(({ [questionId]: _resolved, ...rest }) => rest);
            mark(questionId, { state: "saved" });
            setLastSavedAt(result.savedAt ?? null);
          } else if (conflict) {
            setConflicts((c) => ({ ...c, [questionId]: conflict }));
            mark(questionId, { state: "unsaved", reason: "conflict" });
          } else if (status === 409) {
            mark(questionId, { state: "unsaved", reason: "frozen" });
          } else if (status === 403 || status === 401) {
            mark(questionId, { state: "unsaved", reason: "signed-out" });
          } else {
            onErrors(result.errors ?? {});
            mark(questionId, { state: "unsaved", reason: "invalid" });
          }
        } catch {
          // No connection: the answer stays in the field and is sent again in a moment.
          mark(questionId, { state: "unsaved", reason: "offline" });
          retries.current.set(
            questionId,
            setTimeout(() => saveNow(questionId, keep), RETRY_MS),
          );
        }
      });
    },
    [form, validate, onErrors, bodyFor, post, renewCsrf, mark],
  );

  const commit = useCallback(
    (questionId: string, mode: "now" | "debounced") => {
      const pending = timers.current.get(questionId);
      if (pending) clearTimeout(pending);
      timers.current.delete(questionId);
      if (conflictsRef.current[questionId]) return;
      // A click commits after React has applied it (e.g. a removed list row).
      if (mode === "now") setTimeout(() => saveNow(questionId), 0);
      else timers.current.set(questionId, setTimeout(() => saveNow(questionId), 800));
    },
    [saveNow],
  );

  /** Keep one's own answer: saved on the other answer's revision, recorded as an overruled conflict. */
  const keep = useCallback(
    (questionId: string) => {
      const conflict = conflictsRef.current[questionId];
      if (conflict) saveNow(questionId, conflict.revision);
    },
    [saveNow],
  );

  /** Take the other answer: it goes into the fields and becomes the base; nothing needs saving. */
  const take = useCallback(
    (questionId: string) => {
      const conflict = conflictsRef.current[questionId];
      if (!conflict) return;
      applyTheirs(questionId, conflict.theirs);
      revisions.current[questionId] = conflict.revision;
      setShownRevisions({ ...revisions.current });
      setConflicts(({ [questionId]: _taken, ...rest }) => rest);
      mark(questionId, { state: "taken" });
    },
    [applyTheirs, mark],
  );

  // Leaving the page flushes what is still waiting for a pause in typing (never a held question).
  useEffect(() => {
    const flush = () => {
      for (const [questionId, timer] of timers.current) {
        clearTimeout(timer);
        if (form.current && !conflictsRef.current[questionId]) navigator.sendBeacon(url, bodyFor(questionId, form.current));
      }
      timers.current.clear();
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [url, form, bodyFor]);

  // Back online: send what could not be sent.
  useEffect(() => {
    const retryAll = () => {
      for (const [questionId, timer] of retries.current) {
        clearTimeout(timer);
        saveNow(questionId);
      }
    };
    window.addEventListener("online", retryAll);
    return () => window.removeEventListener("online", retryAll);
  }, [saveNow]);

  const unsaved = useMemo(
    () =>
      Object.entries(ui)
        .filter(([, u]) => u.state === "unsaved")
        .map(([questionId, u]) => ({ questionId, reason: u.reason ?? ("invalid" as Unsaved) })),
    [ui],
  );
  const busy = Object.values(ui).some((u) => u.state === "saving");
  return { commit, keep, take, ui, conflicts, unsaved, revisions: shownRevisions, lastSavedAt, busy, tokenRenewed };
}
