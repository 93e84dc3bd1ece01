import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { barWidth, ChartRow } from '../../ui/BarChart';
import './HoursChart.css';

export type HoursBar = { label: string; approved: number; pending: number; required: number; text: string };

/**
 * Hours per category as bars drawn with CSS, so the words stay readable at any width (a phone
 * at 360 px, a printed page): the approved hours solid, the hours waiting for approval hatched
 * after them (told apart by pattern, not colour alone), inside an outlined track as long as the
 * requirement. Each bar is scaled to its own category (requirements range from 20 to 165
 * hours), so every bar reads as progress towards its requirement. Each row says its numbers in
 * words (rows laid out like every chart's: ui/BarChart.tsx ChartRow); the bars themselves are
 * hidden from screen readers, and the caller's table has the rest.
 */
export function HoursChart({ title, bars }: { title: string; bars: HoursBar[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="chart hours-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="hours-chart__swatch hours-chart__approved" />
          {t('mentor.legendApproved')}
        </li>
        <li>
          <span className="hours-chart__swatch hours-chart__waiting" />
          {t('mentor.legendWaiting')}
        </li>
        <li>
          <span className="hours-chart__swatch hours-chart__track" />
          {t('mentor.legendRequired')}
        </li>
      </ul>
      <ul className="chart__rows">
        {bars.map((bar) => {
          const most = Math.max(bar.required, bar.approved + bar.pending);
          return (
            <ChartRow key={bar.label} label={bar.label} text={bar.text}>
              {bar.required > 0 && <span className="hours-chart__track" style={{ width: barWidth(bar.required, most) }} />}
              <span className="hours-chart__approved" style={{ width: barWidth(bar.approved, most) }} />
              {bar.pending > 0 && (
                <span className="hours-chart__waiting" style={{ left: barWidth(bar.approved, most), width: barWidth(bar.pending, most) }} />
              )}
            </ChartRow>
          );
        })}
      </ul>
    </figure>
  );
}
