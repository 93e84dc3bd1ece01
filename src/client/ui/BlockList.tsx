import type { ReactNode } from 'react';
import './BlockList.css';

export type Fact = { term: string; value: ReactNode };

/**
 * What a PC shows as a table row, on a phone: a block with its title on a line of its own, then
 * short "term value" pairs that wrap ("Lessons 3 of 3  Best quiz score 88%"), since five
 * columns at 360 px hid all but the first behind a sideways scroll. The list is a
 * `<ul className="plain-list block-list">` of `<li className="block-list__item">`; this is the
 * pairs' part. A fact that is `false` (not known yet, say) is left out.
 */
export function FactPairs({ facts }: { facts: readonly (Fact | false)[] }) {
  return (
    <dl className="fact-pairs">
      {facts.map(
        (fact) =>
          fact && (
            <div key={fact.term}>
              <dt>{fact.term}</dt>
              <dd>{fact.value}</dd>
            </div>
          ),
      )}
    </dl>
  );
}
