/** Picks the reader's language and the assessment's perspective out of content text. */
import { useTranslation } from "react-i18next";
import type { LocalizedText, Perspective, PerspectiveText } from "~/domain/content/schema";
import { type Lng, asLng } from "~/i18n";

export function textFor(text: PerspectiveText, lng: Lng, perspective: Perspective): string {
  if ("self" in text) return (perspective === "zelfevaluatie" ? text.self : text.assessor)[lng];
  return text[lng];
}

export function useLng(): Lng {
  const { i18n } = useTranslation();
  return asLng(i18n.language);
}

export function useContentText(perspective: Perspective) {
  const lng = useLng();
  return {
    lng,
    text: (text: PerspectiveText) => textFor(text, lng, perspective),
    local: (text: LocalizedText) => text[lng],
  };
}
