'use client';

import { useRef } from 'react';
import styles from './ui.module.css';

/**
 * A drag handle between two panes. Reports the pointer's movement; arrow keys move it by 16 px so
 * the layout can be resized from the keyboard too.
 */
export function Splitter({
  orientation,
  onResize,
  label,
  testid,
}: {
  orientation: 'horizontal' | 'vertical';
  onResize: (delta: number) => void;
  label: string;
  testid: string;
}) {
  const last = useRef<number | null>(null);
  const along = (e: React.PointerEvent) => (orientation === 'horizontal' ? e.clientY : e.clientX);
  return (
    <div
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      tabIndex={0}
      data-testid={testid}
      className={`${styles.splitter} ${orientation === 'horizontal' ? styles.horizontal : styles.vertical}`}
      onPointerDown={(e) => {
        last.current = along(e);
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (last.current === null) return;
        const now = along(e);
        onResize(now - last.current);
        last.current = now;
      }}
      onPointerUp={() => {
        last.current = null;
      }}
      onKeyDown={(e) => {
        const back = orientation === 'horizontal' ? 'ArrowUp' : 'ArrowLeft';
        const forward = orientation === 'horizontal' ? 'ArrowDown' : 'ArrowRight';
        if (e.key === back) onResize(-16);
        if (e.key === forward) onResize(16);
      }}
    />
  );
}
