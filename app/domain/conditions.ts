/** Evaluates the skip logic written in content. Unknown facts make a comparison false. */
import type { Condition, DerivedFigureName, NumberRef, Parameters } from "./content/schema";
import { isStatementValue, type Answers } from "./answers";
import type { DerivedFigures } from "./derived";

export interface ConditionContext {
  answers: Answers;
  derived: DerivedFigures;
  parameters: Parameters;
}

function resolve(ref: NumberRef, parameters: Parameters): number {
  return typeof ref === "number" ? ref : (parameters[ref.param as keyof Parameters] as number);
}

function compare(value: unknown, c: { gt?: NumberRef; gte?: NumberRef; lt?: NumberRef; lte?: NumberRef }, p: Parameters) {
  if (typeof value !== "number" || Number.isNaN(value)) return false;
  if (c.gt !== undefined && !(value > resolve(c.gt, p))) return false;
  if (c.gte !== undefined && !(value >= resolve(c.gte, p))) return false;
  if (c.lt !== undefined && !(value < resolve(c.lt, p))) return false;
  if (c.lte !== undefined && !(value <= resolve(c.lte, p))) return false;
  return true;
}

function scalar(answers: Answers, id: string): unknown {
  const value = answers[id];
  return isStatementValue(value) ? value.choice : value;
}

function derivedValue(derived: DerivedFigures, name: DerivedFigureName): number | null {
  if (name === "patientsPerFte" && derived.patientsWithoutHuisartsHours) return Number.POSITIVE_INFINITY;
  return derived[name];
}

export function evaluate(condition: Condition, ctx: ConditionContext): boolean {
  if ("all" in condition) return condition.all.every((c) => evaluate(c, ctx));
  if ("any" in condition) return condition.any.some((c) => evaluate(c, ctx));
  if ("not" in condition) return !evaluate(condition.not, ctx);
  if ("derived" in condition) return compare(derivedValue(ctx.derived, condition.derived), condition, ctx.parameters);
  if ("answered" in condition) return (ctx.answers[condition.question] !== undefined) === condition.answered;
  if ("equals" in condition) return scalar(ctx.answers, condition.question) === condition.equals;
  if ("in" in condition) return (condition.in as unknown[]).includes(scalar(ctx.answers, condition.question));
  let value: unknown = ctx.answers[condition.question];
  for (const key of condition.path.split(".")) {
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  }
  return compare(value, condition, ctx.parameters);
}
