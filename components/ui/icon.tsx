/**
 * Small inline SVG icons: they look the same on every machine (symbol fonts vary, and a missing
 * glyph shows as a box), take the text colour, and are hidden from screen readers — the buttons
 * around them carry the accessible names.
 */
const PATHS = {
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 4.5a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8ZM7.2 7.5h1.6v4.5H7.2z',
  play: 'M4.5 2.8v10.4L13 8z',
  plus: 'M7.2 2.5h1.6v4.7h4.7v1.6H8.8v4.7H7.2V8.8H2.5V7.2h4.7z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  stop: 'M3.5 3.5h9v9h-9z',
  key: 'M10.5 1.8a3.7 3.7 0 0 0-3.5 4.9L1.8 11.9v2.3h2.3v-1.4h1.4v-1.4h1.4l1.8-1.8a3.7 3.7 0 1 0 1.8-7.8Zm.9 2a1.1 1.1 0 1 1 0 2.2 1.1 1.1 0 0 1 0-2.2Z',
  trash: 'M5.5 1.8h5v1.4h3.3v1.6H2.2V3.2h3.3zM3.5 5.8h9l-.7 8.4H4.2z',
  edit: 'M11.3 1.9l2.8 2.8-8 8H3.3V9.9zM2.2 14.1h11.6',
  download: 'M7.2 1.8h1.6v7l2.6-2.6 1.1 1.1L8 11.8 3.5 7.3l1.1-1.1 2.6 2.6zM2.5 12.6h11v1.6h-11z',
  close: 'M3.6 2.5 8 6.9l4.4-4.4 1.1 1.1L9.1 8l4.4 4.4-1.1 1.1L8 9.1l-4.4 4.4-1.1-1.1L6.9 8 2.5 3.6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 12 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden
      focusable="false"
      style={{ verticalAlign: '-0.125em', flex: 'none' }}
    >
      <path
        d={PATHS[name]}
        fill={name === 'edit' ? 'none' : 'currentColor'}
        stroke={name === 'edit' ? 'currentColor' : 'none'}
        strokeWidth={name === 'edit' ? 1.4 : 0}
      />
    </svg>
  );
}
