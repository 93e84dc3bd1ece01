import './ProgressBar.css';

/** A labelled progress bar; the visible percentage is the text, the bar is decoration for it. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress">
      <progress max={100} value={value} aria-label={label} />
      <span className="progress__value" aria-hidden="true">
        {value}%
      </span>
    </div>
  );
}
