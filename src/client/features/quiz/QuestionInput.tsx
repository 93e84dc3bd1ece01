import { useTranslation } from 'react-i18next';
import type { QuizQuestion } from '../../../shared/content/compiled';
import type { QuizResponse } from '../../../shared/learning/quiz';

type Props = {
  question: QuizQuestion;
  /** Option ids in the order to show (shuffled per attempt for ordering questions). */
  order: string[];
  response: QuizResponse | undefined;
  locked: boolean;
  onChange: (response: QuizResponse) => void;
};

/** The answer controls for one question: radios, checkboxes, true/false, or a reorderable list. */
export function QuestionInput({ question, order, response, locked, onChange }: Props) {
  const { t } = useTranslation();
  const name = `q-${question.id}`;
  if (question.type === 'truefalse') {
    const value = response?.kind === 'truefalse' ? response.value : undefined;
    return (
      <div className="choices">
        {[true, false].map((option) => (
          <label key={String(option)} className="choice">
            <input
              type="radio"
              name={name}
              checked={value === option}
              disabled={locked}
              onChange={() => onChange({ kind: 'truefalse', value: option })}
            />
            <span>{option ? t('quiz.true') : t('quiz.false')}</span>
          </label>
        ))}
      </div>
    );
  }
  const options = new Map(question.options.map((o) => [o.id, o]));
  if (question.type === 'order') {
    const ids = response?.kind === 'order' ? response.ids : order;
    const move = (from: number, to: number) => {
      const next = [...ids];
      const [item] = next.splice(from, 1);
      if (item === undefined) return;
      next.splice(to, 0, item);
      onChange({ kind: 'order', ids: next });
    };
    return (
      <ol className="order-list">
        {ids.map((id, index) => {
          const text = options.get(id)?.text ?? id;
          return (
            <li key={id}>
              <span>{text}</span>
              <span className="order-list__buttons">
                <button
                  type="button"
                  className="button--small"
                  disabled={locked || index === 0}
                  onClick={() => move(index, index - 1)}
                  aria-label={t('quiz.moveUp', { item: text })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button--small"
                  disabled={locked || index === ids.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={t('quiz.moveDown', { item: text })}
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    );
  }
  const selected = response?.kind === 'choice' ? response.ids : [];
  const multiple = question.type === 'multiple';
  return (
    <div className="choices">
      {order.map((id) => (
        <label key={id} className="choice">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={name}
            checked={selected.includes(id)}
            disabled={locked}
            onChange={(e) => {
              if (!multiple) onChange({ kind: 'choice', ids: [id] });
              else onChange({ kind: 'choice', ids: e.target.checked ? [...selected, id] : selected.filter((x) => x !== id) });
            }}
          />
          <span>{options.get(id)?.text}</span>
        </label>
      ))}
    </div>
  );
}
