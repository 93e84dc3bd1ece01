import { Award, BookOpenCheck, Trophy } from 'lucide-react';
import './Celebration.css';

export type CelebrationSize = 'lesson' | 'module' | 'pathway';

/** Pieces of the burst around the badge: an angle, and a circle or a square. More for bigger milestones. */
const PIECES: Record<CelebrationSize, number> = { lesson: 8, module: 12, pathway: 16 };

/**
 * A small burst of colour around a badge, for a completed lesson, module or pathway. Decoration
 * only: the words that say what was completed belong in a live region beside it. Under
 * `prefers-reduced-motion` it is drawn still.
 */
export function CelebrationBurst({ size }: { size: CelebrationSize }) {
  const Icon = size === 'pathway' ? Trophy : size === 'module' ? Award : BookOpenCheck;
  const count = PIECES[size];
  return (
    <div className={`celebration celebration--${size}`} aria-hidden="true">
      <svg className="celebration__burst" viewBox="-50 -50 100 100" focusable="false">
        {Array.from({ length: count }, (_, index) => (
          <g key={index} transform={`rotate(${(360 / count) * index})`}>
            {index % 2 === 0 ? (
              <circle className={`celebration__piece celebration__piece--${index % 3}`} cx="0" cy="-40" r="4" />
            ) : (
              <rect className={`celebration__piece celebration__piece--${index % 3}`} x="-3" y="-37" width="6" height="6" rx="1" />
            )}
          </g>
        ))}
      </svg>
      <span className="celebration__badge">
        <Icon size={32} strokeWidth={2} />
      </span>
    </div>
  );
}
