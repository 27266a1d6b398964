/**
 * The scroll box around a wide or height-limited table. It is a tab stop with a name, so a
 * keyboard user can focus it and scroll it with the arrow keys (WCAG 2.1.1; axe
 * `scrollable-region-focusable`): most tables here hold only text, nothing else to focus.
 * role="group", not "region": a view has many of these, and regions would flood the landmark list.
 */
import type { ReactNode } from 'react';

export interface TableScrollProps {
  /** What the table is, e.g. its caption or the panel title. */
  readonly label: string;
  /** Extra modifier classes: `table-scroll--tall`, `table-scroll--limited`. */
  readonly className?: string;
  readonly children: ReactNode;
}

/** A focusable, named scroll box for a table. */
export function TableScroll({ label, className, children }: TableScrollProps) {
  return (
    <div
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      role="group"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
