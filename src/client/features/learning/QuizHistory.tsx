import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizAttempt } from '../../../shared/learning/fold';
import { useFormat } from '../../i18n/format';
import { useNarrowScreen } from '../../ui/useNarrowScreen';
import { FactPairs } from '../../ui/BlockList';
import { useAttemptWords } from '../../ui/attemptWords';

type Props = {
  attempts: QuizAttempt[];
  /** The module's title in the content language, with its lang attribute. */
  title: (moduleId: string) => ReactNode;
};

/** Every quiz attempt on this device: a table on a PC, one block per attempt on a phone. */
export function QuizHistory({ attempts, title }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useNarrowScreen();
  const { score, result } = useAttemptWords();
  if (attempts.length === 0) return <p>{t('learning.noAttempts')}</p>;

  if (narrow) {
    return (
      <ul className="plain-list block-list">
        {attempts.map((a) => (
          <li key={a.attemptId} className="block-list__item">
            <span className="block-list__title">{title(a.moduleId)}</span>
            <FactPairs
              facts={[
                { term: t('quiz.historyScore'), value: score(a) },
                { term: t('quiz.historyResult'), value: result(a) },
                { term: t('quiz.historyDate'), value: format.dateTime(a.at) },
              ]}
            />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('quiz.historyDate')}</th>
            <th scope="col">{t('learning.module')}</th>
            <th scope="col">{t('quiz.historyScore')}</th>
            <th scope="col">{t('quiz.historyResult')}</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr key={a.attemptId}>
              <td>{format.dateTime(a.at)}</td>
              <td>{title(a.moduleId)}</td>
              <td>{score(a)}</td>
              <td>{result(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
