import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type HoursBar = { label: string; approved: number; pending: number; required: number; text: string };

const percent = (part: number, whole: number) => `${whole > 0 ? Math.min(100, (part / whole) * 100) : 0}%`;

/**
 * Hours per category as bars drawn with CSS, so the words stay readable at any width (a phone
 * at 360 px, a printed page): the approved hours solid, the hours waiting for approval hatched
 * after them (told apart by pattern, not colour alone), inside an outlined track as long as the
 * requirement. Each bar is scaled to its own category (requirements range from 20 to 165
 * hours), so every bar reads as progress towards its requirement. Each row says its numbers in
 * words; the bars themselves are hidden from screen readers, and the caller's table has the rest.
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
      <ul className="hours-chart__rows">
        {bars.map((bar) => {
          const most = Math.max(bar.required, bar.approved + bar.pending);
          return (
            <li key={bar.label} className="hours-chart__row">
              <span className="hours-chart__label">{bar.label}</span>
              <span className="hours-chart__bar">
                <span className="hours-chart__area" aria-hidden="true">
                  {bar.required > 0 && <span className="hours-chart__track" style={{ width: percent(bar.required, most) }} />}
                  <span className="hours-chart__approved" style={{ width: percent(bar.approved, most) }} />
                  {bar.pending > 0 && (
                    <span
                      className="hours-chart__waiting"
                      style={{ left: percent(bar.approved, most), width: percent(bar.pending, most) }}
                    />
                  )}
                </span>
                <span className="hours-chart__text">{bar.text}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
