import type { ReactNode } from 'react';

/**
 * A wide table's sideways scroller: a region named by `labelledBy` (the id of the table's
 * caption or heading) that takes focus, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
