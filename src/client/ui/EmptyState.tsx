import type { ReactNode } from 'react';
import './EmptyState.css';

/**
 * What a list or page shows when it has nothing yet: an icon (decoration, hidden from
 * assistive technology), a sentence saying why, and the action that fills it.
 */
export function EmptyState({ icon, children, action }: { icon: ReactNode; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <span className="empty-state__icon" aria-hidden="true">
        {icon}
      </span>
      <div className="empty-state__text">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
