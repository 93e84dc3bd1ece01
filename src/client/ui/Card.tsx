import type { ReactNode } from 'react';

export type CardTone = 'plain' | 'raised' | 'success' | 'danger';

/**
 * A titled section on a surface. `labelledBy` is the id of its heading, so the section is a
 * named region a screen reader can jump to. The look (.card) is in styles.css because many
 * pages put the class on their own elements (a <li>, a <details>).
 */
export function Card({
  labelledBy,
  tone = 'plain',
  className,
  children,
}: {
  labelledBy: string;
  tone?: CardTone;
  className?: string;
  children: ReactNode;
}) {
  const classes = ['card', tone === 'plain' ? '' : `card--${tone}`, className ?? ''].filter(Boolean).join(' ');
  return (
    <section aria-labelledby={labelledBy} className={classes}>
      {children}
    </section>
  );
}
