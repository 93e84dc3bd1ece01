import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Bar = { label: string; value: number; max: number; text: string };

const ROW = 22;
const LABEL_WIDTH = 0.45;

/**
 * A horizontal bar chart in inline SVG, for people who would rather look than read. The
 * picture is described by its title; the same numbers are in a table just below it (the text
 * alternative), so nothing is conveyed by the picture alone.
 */
export function BarChart({ title, bars, valueHeader }: { title: string; bars: Bar[]; valueHeader: string }) {
  const { t } = useTranslation();
  const id = useId();
  const height = bars.length * ROW + 4;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 600 ${height}`} width="100%" role="img" aria-labelledby={`${id}-title`} preserveAspectRatio="xMinYMin meet">
        {bars.map((bar, index) => {
          const y = index * ROW + 2;
          const width = bar.max > 0 ? Math.max(0, Math.min(1, bar.value / bar.max)) * 600 * (1 - LABEL_WIDTH - 0.15) : 0;
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={600 * LABEL_WIDTH - 6} y={y + ROW / 2 + 4} textAnchor="end" className="chart__label">
                {bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label}
              </text>
              <rect x={600 * LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} className="chart__bar" />
              <text x={600 * LABEL_WIDTH + width + 6} y={y + ROW / 2 + 4} className="chart__value">
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('mentor.chartAsTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('mentor.chartItem')}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, index) => (
              <tr key={`${bar.label}-${index}`}>
                <th scope="row">{bar.label}</th>
                <td>{bar.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
