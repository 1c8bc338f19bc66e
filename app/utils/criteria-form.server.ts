/**
 * The criteria form of one indicator, read on the server: relative (the content's) or fixed cut-offs the
 * right way round for the indicator's direction. Shared by the platform's publication page and an
 * organisation's own cut-offs; the publication adds its basis (who agreed, source, date).
 */
import * as z from "zod/mini";
import { parseDutchNumber } from "~/domain/answers";
import { getRegionalCriteria } from "~/models/regional-content.server";
import { INDICATOR_IDS, type Criteria, type IndicatorId } from "~/domain/regional/schema";
import { parseForm } from "~/utils/parse-form";

export type CriteriaErrors = Partial<Record<"kind" | "rood" | "oranje" | "agreedBy" | "source" | "agreedOn", string>>;

export function readIndicator(form: FormData): IndicatorId {
  const indicatorId = String(form.get("indicator") ?? "");
  if (!(INDICATOR_IDS as readonly string[]).includes(indicatorId)) throw new Response("Bad request", { status: 400 });
  return indicatorId as IndicatorId;
}

export function readCriteria(form: FormData, id: IndicatorId) {
  const content = getRegionalCriteria().indicators.find((i) => i.id === id)!;
  const kind = form.get("kind");
  const values = { kind: String(kind ?? ""), rood: String(form.get("rood") ?? ""), oranje: String(form.get("oranje") ?? "") };
  const errors: CriteriaErrors = {};
  let criteria: Criteria | null = null;
  if (kind === "relative") {
    criteria = content.criteria.kind === "relative" ? content.criteria : { kind: "relative", roodShare: 0.2, oranjeShare: 0.3, minRegions: 5 };
  } else if (kind === "fixed") {
    const rood = values.rood.trim() === "" ? "invalid" : parseDutchNumber(values.rood, false);
    const oranje = values.oranje.trim() === "" ? "invalid" : parseDutchNumber(values.oranje, false);
    if (rood === "invalid") errors.rood = "regions.criteria.errors.number";
    if (oranje === "invalid") errors.oranje = "regions.criteria.errors.number";
    if (rood !== "invalid" && oranje !== "invalid") {
      // The red band lies beyond the orange one in the worse direction, or nothing could be orange.
      const ordered = content.direction === "higher-is-worse" ? rood >= oranje : rood <= oranje;
      if (!ordered) errors.rood = content.direction === "higher-is-worse" ? "regions.criteria.errors.orderHigher" : "regions.criteria.errors.orderLower";
      else criteria = { kind: "fixed", rood, oranje };
    }
  } else errors.kind = "regions.criteria.errors.kind";
  return { criteria, errors, values };
}

const day = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && value <= new Date().toISOString().slice(0, 10);

const BasisSchema = z.object({
  agreedBy: z.string().check(z.trim(), z.minLength(1, "regions.criteria.errors.agreedBy"), z.maxLength(200, "regions.criteria.errors.agreedBy")),
  source: z.string().check(z.trim(), z.minLength(1, "regions.criteria.errors.source"), z.maxLength(300, "regions.criteria.errors.source")),
  agreedOn: z.string().check(z.trim(), z.refine(day, "regions.criteria.errors.agreedOn")),
});

/** The basis of a publication: who agreed it, where it is written, when. */
export function readBasis(form: FormData) {
  const values = { agreedBy: String(form.get("agreedBy") ?? ""), source: String(form.get("source") ?? ""), agreedOn: String(form.get("agreedOn") ?? "") };
  const { data, errors } = parseForm<z.infer<typeof BasisSchema>, keyof CriteriaErrors>(values, BasisSchema);
  return { basis: data, errors: errors as CriteriaErrors, values };
}
