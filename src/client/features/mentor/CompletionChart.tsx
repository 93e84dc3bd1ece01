import { useTranslation } from 'react-i18next';
import type { CohortDashboard } from '../../../shared/mentoring/contract';
import { BarChart } from '../../ui/BarChart';
import { useFormat } from '../../i18n/format';

/** How many learners completed each module, as bars and as a table. */
export function CompletionChart({ dashboard, moduleTitle }: { dashboard: CohortDashboard; moduleTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = dashboard.learners.length;
  const completed = new Map<string, number>();
  for (const cell of dashboard.cells)
    if (cell.status === 'completed') completed.set(cell.moduleId, (completed.get(cell.moduleId) ?? 0) + 1);
  const bars = dashboard.modules.map((moduleId) => {
    const count = completed.get(moduleId) ?? 0;
    return {
      label: moduleTitle(moduleId),
      value: count,
      max: total,
      text: t('mentor.completedOf', { count, total, percent: format.percent(total ? count / total : 0) }),
    };
  });
  return (
    <section aria-labelledby="completion-heading">
      <h2 id="completion-heading">{t('mentor.completionTitle')}</h2>
      <BarChart title={t('mentor.completionChart', { total })} bars={bars} valueHeader={t('mentor.completedHeader')} />
    </section>
  );
}
