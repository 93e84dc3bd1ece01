import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, CircleCheck, CircleX } from 'lucide-react';
import type { QuizQuestion } from '../../../shared/content/compiled';
import type { QuizResponse } from '../../../shared/learning/quiz';

type Props = {
  question: QuizQuestion;
  /** Option ids in the order this attempt shows them. */
  order: string[];
  response: QuizResponse | undefined;
  /** After "Check answer": the controls are locked and each option says how it fared. */
  checked: boolean;
  /** The language of the content's text when it differs from the page's. */
  lang: string | undefined;
  onChange: (response: QuizResponse) => void;
  /** Says something in the quiz's polite live region. */
  onAnnounce: (text: string) => void;
};

/** How a choice fared once checked: chosen and right, chosen and wrong, or the right one not chosen. */
type Mark = 'chosen-right' | 'chosen-wrong' | 'missed' | undefined;

function markOf({ chosen, right, checked }: { chosen: boolean; right: boolean; checked: boolean }): Mark {
  if (!checked) return undefined;
  if (chosen) return right ? 'chosen-right' : 'chosen-wrong';
  return right ? 'missed' : undefined;
}

function MarkText({ mark }: { mark: Mark }) {
  const { t } = useTranslation();
  if (!mark) return null;
  const Icon = mark === 'chosen-wrong' ? CircleX : CircleCheck;
  const words = { 'chosen-right': t('quiz.markChosenRight'), 'chosen-wrong': t('quiz.markChosenWrong'), missed: t('quiz.markRight') }[mark];
  return (
    <span className="quiz-mark">
      <Icon aria-hidden="true" size={18} />
      {words}
    </span>
  );
}

/** The answer controls for one question: radios, checkboxes, true/false, or a reorderable list. */
export function QuestionInput(props: Props) {
  const { question, order, response, checked, lang, onChange } = props;
  const { t } = useTranslation();
  const name = `q-${question.id}`;
  if (question.type === 'order') return <OrderInput {...props} question={question} />;
  if (question.type === 'truefalse') {
    const value = response?.kind === 'truefalse' ? response.value : undefined;
    return (
      <div className="quiz-choices">
        {[true, false].map((option) => {
          const mark = markOf({ chosen: value === option, right: option === question.answer, checked });
          return (
            <label key={String(option)} className={`quiz-choice${mark ? ` quiz-choice--${mark}` : ''}`}>
              <input
                type="radio"
                name={name}
                checked={value === option}
                disabled={checked}
                onChange={() => onChange({ kind: 'truefalse', value: option })}
              />
              <span className="quiz-choice__text">{option ? t('quiz.true') : t('quiz.false')}</span>
              <MarkText mark={mark} />
            </label>
          );
        })}
      </div>
    );
  }
  const options = new Map(question.options.map((o) => [o.id, o]));
  const selected = response?.kind === 'choice' ? response.ids : [];
  const multiple = question.type === 'multiple';
  const rightIds = multiple ? question.answer : [question.answer];
  return (
    <div className="quiz-choices">
      {order.map((id) => {
        const mark = markOf({ chosen: selected.includes(id), right: rightIds.includes(id), checked });
        return (
          <label key={id} className={`quiz-choice${mark ? ` quiz-choice--${mark}` : ''}`}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              checked={selected.includes(id)}
              disabled={checked}
              onChange={(e) => {
                if (!multiple) onChange({ kind: 'choice', ids: [id] });
                else onChange({ kind: 'choice', ids: e.target.checked ? [...selected, id] : selected.filter((x) => x !== id) });
              }}
            />
            <span className="quiz-choice__text" lang={lang}>
              {options.get(id)?.text}
            </span>
            <MarkText mark={mark} />
          </label>
        );
      })}
    </div>
  );
}

type Direction = 'up' | 'down';

/**
 * Steps to put in order with a pair of buttons each. After a move, focus stays on the moved
 * step's button in the direction it went, or on its other button once it reaches the top or
 * the bottom (where that one is disabled), and the new place is said in the live region.
 */
function OrderInput({ question, order, response, checked, lang, onChange, onAnnounce }: Props & { question: { type: 'order' } }) {
  const { t } = useTranslation();
  const ids = response?.kind === 'order' ? response.ids : order;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const moved = useRef<{ id: string; direction: Direction; to: number } | undefined>(undefined);
  const options = new Map(question.options.map((o) => [o.id, o]));

  // Focus follows the step once the render showing it in its new place is committed, and only
  // then: a layout effect is never left pending, and the check on the place keeps an earlier
  // render's effect (the question's first, say, if the step was moved at once) from taking the
  // move with the old order and focusing a button that the move is about to disable.
  useLayoutEffect(() => {
    const last = moved.current;
    if (!last || ids[last.to] !== last.id) return;
    moved.current = undefined;
    const index = last.to;
    const atEnd = last.direction === 'up' ? index === 0 : index === ids.length - 1;
    const direction: Direction = atEnd ? (last.direction === 'up' ? 'down' : 'up') : last.direction;
    buttons.current.get(`${last.id}/${direction}`)?.focus();
  }, [ids]);

  const move = (from: number, direction: Direction) => {
    const to = direction === 'up' ? from - 1 : from + 1;
    const next = [...ids];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    moved.current = { id: item, direction, to };
    onChange({ kind: 'order', ids: next });
    onAnnounce(t('quiz.movedTo', { position: to + 1, total: ids.length }));
  };

  const button = ({ id, index, direction }: { id: string; index: number; direction: Direction }) => {
    const text = options.get(id)?.text ?? id;
    const Icon = direction === 'up' ? ArrowUp : ArrowDown;
    return (
      <button
        type="button"
        className="button--small quiz-order__move"
        ref={(element) => {
          if (element) buttons.current.set(`${id}/${direction}`, element);
          else buttons.current.delete(`${id}/${direction}`);
        }}
        disabled={checked || (direction === 'up' ? index === 0 : index === ids.length - 1)}
        onClick={() => move(index, direction)}
        aria-label={t(direction === 'up' ? 'quiz.moveUp' : 'quiz.moveDown', { item: text })}
      >
        <Icon aria-hidden="true" size={18} />
      </button>
    );
  };

  return (
    <ol className="quiz-order">
      {ids.map((id, index) => {
        const rightPlace = question.options.findIndex((o) => o.id === id);
        return (
          <li key={id} className={checked ? (rightPlace === index ? 'quiz-order--right' : 'quiz-order--wrong') : undefined}>
            <span className="quiz-order__text" lang={lang}>
              {options.get(id)?.text ?? id}
            </span>
            {checked ? (
              <span className="quiz-mark">
                {rightPlace === index ? <CircleCheck aria-hidden="true" size={18} /> : <CircleX aria-hidden="true" size={18} />}
                {rightPlace === index ? t('quiz.markRightPlace') : t('quiz.markWrongPlace', { position: rightPlace + 1 })}
              </span>
            ) : (
              <span className="quiz-order__buttons">
                {button({ id, index, direction: 'up' })}
                {button({ id, index, direction: 'down' })}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
