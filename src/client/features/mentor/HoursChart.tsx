import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type HoursBar = { label: string; approved: number; pending: number; required: number; text: string };

const WIDTH = 600;
const ROW = 46;
const BAR_MAX = 300;

/**
 * Hours per category as bars in inline SVG: the approved hours solid, the hours waiting for
 * approval hatched after them (told apart by pattern, not colour alone), inside an outlined
 * track as long as the requirement. Each bar is scaled to its own category (requirements range
 * from 20 to 165 hours), so every bar reads as progress towards its requirement. The words and
 * numbers are beside each bar and in the caller's table; the picture is labelled by its caption.
 */
export function HoursChart({ title, bars }: { title: string; bars: HoursBar[] }) {
  const { t } = useTranslation();
  const id = useId();
  // A plain-letter id: it is referenced from `fill="url(#…)"`.
  const hatch = `hatch-${id.replace(/[^\w-]/g, '')}`;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <svg width="16" height="12">
            <rect width="16" height="12" className="chart__bar" />
          </svg>
          {t('mentor.legendApproved')}
        </li>
        <li>
          <svg width="16" height="12">
            <rect width="16" height="12" className="chart__waiting" fill={`url(#${hatch})`} />
          </svg>
          {t('mentor.legendWaiting')}
        </li>
        <li>
          <svg width="16" height="12">
            <rect x="1" y="1" width="14" height="10" className="chart__track" />
          </svg>
          {t('mentor.legendRequired')}
        </li>
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="chart__hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch-line" />
          </pattern>
        </defs>
        {bars.map((bar, index) => {
          const y = index * ROW;
          const most = Math.max(bar.required, bar.approved + bar.pending);
          const scale = most > 0 ? BAR_MAX / most : 0;
          const approved = bar.approved * scale;
          const pending = bar.pending * scale;
          const track = bar.required * scale;
          return (
            <g key={bar.label}>
              <text x="0" y={y + 14} className="chart__label">
                {bar.label}
              </text>
              {track > 0 && <rect x="0.5" y={y + 19.5} width={track - 1} height="17" className="chart__track" />}
              <rect x="0" y={y + 20} width={approved} height="16" className="chart__bar" />
              {pending > 0 && (
                <rect x={approved} y={y + 20} width={pending} height="16" className="chart__waiting" fill={`url(#${hatch})`} />
              )}
              <text x={Math.max(track, approved + pending) + 8} y={y + 33} className="chart__value">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
