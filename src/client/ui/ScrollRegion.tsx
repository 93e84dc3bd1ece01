import type { ReactNode } from 'react';

/**
 * A scroller (a wide table's by default, `className` for another kind): a region named by
 * `labelledBy` (the id of the table's caption or heading) that takes focus, so keyboard users
 * can scroll it too (WCAG 2.1.1). Its name must differ from the section around it, or a
 * screen reader lists two landmarks of the same name.
 */
export function ScrollRegion({
  labelledBy,
  className = 'table-scroll',
  children,
}: {
  labelledBy: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className={className} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
