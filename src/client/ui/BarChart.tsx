import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './BarChart.css';

export type Bar = { label: string; value: number; max: number; text: string };

/** `part` of `whole` as a CSS width, at most 100%. */
export const barWidth = (part: number, whole: number) => `${whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0}%`;

/**
 * One row of a chart drawn with CSS: the label on its own line (it wraps, never shrinks), then
 * the drawn bar beside its numbers in words. The bar is hidden from screen readers: the words
 * say everything it shows. Shared by every chart so they all read alike on a phone and on paper.
 */
export function ChartRow({ label, text, children }: { label: string; text: string; children: ReactNode }) {
  return (
    <li className="chart__row">
      <span className="chart__label">{label}</span>
      <span className="chart__bar">
        <span className="chart__area" aria-hidden="true">
          {children}
        </span>
        <span className="chart__text">{text}</span>
      </span>
    </li>
  );
}

type Props = {
  title: string;
  bars: Bar[];
  valueHeader: string;
  /** Makes the caption a heading of this level, where the chart is a part of the page outline (one survey item). */
  headingLevel?: 2 | 3 | 4;
};

/**
 * A horizontal bar chart for people who would rather look than read, drawn with CSS so its words
 * are page text at the page's size: readable on a 360 px phone and in print (an SVG scaled to
 * the width shrank them to about 8 px). Each bar fills an outlined track as long as its `max`.
 * The figure is named by its caption; the numbers are in words beside each bar and again in a
 * table (the text alternative, folded away and left out of print).
 */
export function BarChart({ title, bars, valueHeader, headingLevel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = headingLevel ? (`h${headingLevel}` as const) : undefined;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{Heading ? <Heading className="chart__heading">{title}</Heading> : title}</figcaption>
      <ul className="chart__rows">
        {bars.map((bar, index) => (
          <ChartRow key={`${bar.label}-${index}`} label={bar.label} text={bar.text}>
            <span className="chart__track" />
            <span className="chart__fill" style={{ width: barWidth(bar.value, bar.max) }} />
          </ChartRow>
        ))}
      </ul>
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
