import './ProgressRing.css';

const RADIUS = 15.9155; // a circumference of 100 units, so the dash is the percentage
const CIRCUMFERENCE = 100;

/**
 * A progress ring with the percentage inside. It is one image to assistive technology,
 * named by `label` ("40% done"); the drawing and the number are decoration for that name.
 */
export function ProgressRing({ percent, label, size = 48 }: { percent: number; label: string; size?: number }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <svg
      className={`progress-ring${value === 100 ? ' progress-ring--done' : ''}`}
      role="img"
      aria-label={label}
      viewBox="0 0 40 40"
      width={size}
      height={size}
      focusable="false"
    >
      <circle className="progress-ring__track" cx="20" cy="20" r={RADIUS} />
      {value > 0 && (
        <circle
          className="progress-ring__value"
          cx="20"
          cy="20"
          r={RADIUS}
          strokeDasharray={`${value} ${CIRCUMFERENCE - value}`}
          strokeDashoffset="25"
        />
      )}
      <text className="progress-ring__text" x="20" y="20" textAnchor="middle" dominantBaseline="central">
        {value}%
      </text>
    </svg>
  );
}
