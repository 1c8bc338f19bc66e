/**
 * Autosave: every answer is posted as it is given, one question at a time, in order, with the
 * revision it was based on. A save that would overwrite someone else's newer answer comes back as
 * a conflict and is shown, never applied.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { QuestionUiState } from "./questions/question-field";

export interface AutosaveResponse {
  ok: boolean;
  revisions?: Record<string, number>;
  savedAt?: string | null;
  errors?: Record<string, string>;
  conflicts?: Array<{ questionId: string; theirs: unknown; revision: number }>;
}

export function useAutosave({
  url,
  sectionId,
  form,
  initialRevisions,
  validate,
  onErrors,
  describeTheirs,
}: {
  url: string;
  sectionId: string;
  form: React.RefObject<HTMLFormElement | null>;
  initialRevisions: Record<string, number>;
  validate: (questionId: string) => Promise<boolean>;
  onErrors: (errors: Record<string, string>) => void;
  describeTheirs: (questionId: string, value: unknown) => string;
}) {
  const revisions = useRef({ ...initialRevisions });
  const [shownRevisions, setShownRevisions] = useState(revisions.current);
  const [ui, setUi] = useState<Record<string, QuestionUiState>>({});
  const [lastSavedAt, setLastSavedAt] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const bodyFor = useCallback(
    (questionId: string, formElement: HTMLFormElement) => {
      const body = new FormData(formElement);
      body.set("_intent", "autosave");
      body.set("_section", sectionId);
      body.set("_only", questionId);
      body.set(`_rev.${questionId}`, String(revisions.current[questionId] ?? 0));
      return body;
    },
    [sectionId],
  );

  const saveNow = useCallback(
    (questionId: string) => {
      queue.current = queue.current.then(async () => {
        if (!form.current || !(await validate(questionId))) return;
        const body = bodyFor(questionId, form.current);
        setUi((s) => ({ ...s, [questionId]: { state: "saving" } }));
        try {
          const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json" } });
          const result = (await response.json()) as AutosaveResponse;
          Object.assign(revisions.current, result.revisions ?? {});
          setShownRevisions({ ...revisions.current });
          if (result.ok) {
            setUi((s) => ({ ...s, [questionId]: { state: "saved" } }));
            setLastSavedAt(result.savedAt ?? null);
          } else if (result.conflicts?.length) {
            const conflict = result.conflicts[0]!;
            setUi((s) => ({ ...s, [questionId]: { state: "conflict", theirs: describeTheirs(questionId, conflict.theirs) } }));
          } else {
            onErrors(result.errors ?? {});
            setUi((s) => ({ ...s, [questionId]: { state: "error" } }));
          }
        } catch {
          setUi((s) => ({ ...s, [questionId]: { state: "error" } }));
        }
      });
    },
    [url, form, validate, onErrors, describeTheirs, bodyFor],
  );

  const commit = useCallback(
    (questionId: string, mode: "now" | "debounced") => {
      const pending = timers.current.get(questionId);
      if (pending) clearTimeout(pending);
      timers.current.delete(questionId);
      // A click commits after React has applied it (e.g. a removed list row).
      if (mode === "now") setTimeout(() => saveNow(questionId), 0);
      else timers.current.set(questionId, setTimeout(() => saveNow(questionId), 800));
    },
    [saveNow],
  );

  // Leaving the page flushes what is still waiting for a pause in typing.
  useEffect(() => {
    const flush = () => {
      for (const [questionId, timer] of timers.current) {
        clearTimeout(timer);
        if (form.current) navigator.sendBeacon(url, bodyFor(questionId, form.current));
      }
      timers.current.clear();
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [url, form, bodyFor]);

  const busy = Object.values(ui).some((u) => u.state === "saving");
  return { commit, ui, revisions: shownRevisions, lastSavedAt, busy };
}
