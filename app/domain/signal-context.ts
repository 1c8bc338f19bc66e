/** The context-and-borging text: one schema for the form and the action. */
import * as z from "zod/mini";

export const CONTEXT_MAX_LENGTH = 4000;

export const contextSchema = z.object({
  text: z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const text = value.trim();
      if (text.length > CONTEXT_MAX_LENGTH) {
        ctx.issues.push({ code: "custom", message: "signals.context.tooLong", input: value });
        return z.NEVER;
      }
      return text;
    }),
  ),
});
