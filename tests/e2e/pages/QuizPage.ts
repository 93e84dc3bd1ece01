import type { Locator } from 'playwright-core';
import { eventually, expectVisible } from '../browser';
import type { ContentLocale, SourceQuestion } from '../repo';
import { AppShell, escapeRegExp } from './AppShell';

export class QuizPage extends AppShell {
  async open(moduleId: string): Promise<void> {
    await this.visit(`/modules/${encodeURIComponent(moduleId)}/quiz`);
  }

  get startButton(): Locator {
    const names = [this.t('module.quizStart'), this.t('module.quizRetake')].map(escapeRegExp).join('|');
    return this.main.getByRole('button', { name: new RegExp(`^(${names})$`) });
  }

  /** "Question 2 of 8". */
  progress(current: number, total: number): Locator {
    return this.main.getByText(this.t('quiz.progress', { current, total }), { exact: true });
  }

  get question(): Locator {
    return this.main.getByRole('group');
  }

  get checkButton(): Locator {
    return this.main.getByRole('button', { name: this.t('quiz.check'), exact: true });
  }

  get nextButton(): Locator {
    return this.main.getByRole('button', { name: this.t('quiz.next'), exact: true });
  }

  get seeResultButton(): Locator {
    return this.main.getByRole('button', { name: this.t('quiz.seeResult'), exact: true });
  }

  /** The feedback after checking an answer: "Correct." or "Not quite." and the explanation. */
  get feedback(): Locator {
    const names = [this.t('quiz.correct'), this.t('quiz.incorrect')].map(escapeRegExp).join('|');
    return this.main.getByRole('status').filter({ hasText: new RegExp(`^(${names})`) });
  }

  get passedHeading(): Locator {
    return this.main.getByRole('heading', { level: 2, name: this.t('quiz.passedTitle'), exact: true });
  }

  get resultScore(): Locator {
    return this.main.getByRole('region', { name: this.t('quiz.passedTitle'), exact: true }).getByRole('status');
  }

  /** The rows of "Your attempts" (read from the device's database, so shown once an attempt is saved). */
  get attemptRows(): Locator {
    return this.page
      .getByRole('region', { name: this.t('quiz.historyTitle'), exact: true })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  option(text: string): Locator {
    return this.question
      .getByRole('radio', { name: text, exact: true })
      .or(this.question.getByRole('checkbox', { name: text, exact: true }));
  }

  moveUpButton(text: string): Locator {
    return this.question.getByRole('button', { name: this.t('quiz.moveUp', { item: text }), exact: true });
  }

  /** The items of an ordering question, in the order shown. */
  async orderShown(): Promise<string[]> {
    const items = this.question.getByRole('listitem');
    const texts: string[] = [];
    for (const item of await items.all()) texts.push((await item.locator('span').first().innerText()).trim());
    return texts;
  }

  async start(): Promise<void> {
    await this.startButton.click();
    await expectVisible(this.checkButton, 'the first question');
  }

  /** Gives the right answer (from quiz.yaml) to the question on screen. */
  async answerCorrectly(question: SourceQuestion, locale: ContentLocale = 'en'): Promise<void> {
    await expectVisible(this.question.getByText(question.text[locale] ?? question.text.en, { exact: true }), `question "${question.id}"`);
    const text = (id: string) => {
      if (question.type === 'truefalse') throw new Error('true/false questions have no options');
      const option = question.options.find((o) => o.id === id);
      if (!option) throw new Error(`question ${question.id} has no option ${id}`);
      return option.text[locale] ?? option.text.en;
    };
    switch (question.type) {
      case 'single':
        await this.option(text(question.answer)).check();
        break;
      case 'multiple':
        for (const id of question.answer) await this.option(text(id)).check();
        break;
      case 'truefalse':
        await this.question.getByRole('radio', { name: question.answer ? this.t('quiz.true') : this.t('quiz.false'), exact: true }).check();
        break;
      case 'order': {
        // quiz.yaml lists the options in the right order; the app shuffles them.
        const wanted = question.options.map((o) => o.text[locale] ?? o.text.en);
        for (const [index, item] of wanted.entries()) {
          const from = (await this.orderShown()).indexOf(item);
          if (from < 0) throw new Error(`"${item}" is not among the items to order`);
          for (let at = from; at > index; at--) {
            await this.moveUpButton(item).click();
            await eventually(
              () => this.orderShown(),
              (shown) => shown[at - 1] === item,
              `"${item}" to move to place ${at}`,
            );
          }
        }
        await eventually(
          () => this.orderShown(),
          (shown) => shown.join('\n') === wanted.join('\n'),
          'the items to be in the right order',
        );
        break;
      }
    }
  }

  async check(): Promise<Locator> {
    await this.checkButton.click();
    await expectVisible(this.feedback, 'the feedback on the answer');
    return this.feedback;
  }

  /** Goes to the next question, or to the result after the last one. */
  async continue(last: boolean): Promise<void> {
    if (last) {
      await this.seeResultButton.click();
    } else {
      await this.nextButton.click();
      await expectVisible(this.checkButton, 'the next question');
    }
  }
}
