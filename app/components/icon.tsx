/** Decorative status symbols beside words (status is never colour or icon alone); hidden from screen readers. */
const ICONS = { check: "✓", star: "★", warn: "⚠", up: "▲", partly: "◐", cross: "✗", unknown: "?", dash: "–" } as const;
export type IconName = keyof typeof ICONS;

export function Icon({ name }: { name: IconName }) {
  return <span aria-hidden="true">{`${ICONS[name]} `}</span>;
}
