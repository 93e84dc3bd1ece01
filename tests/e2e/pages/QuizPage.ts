import type { Locator } from 'playwright-core';
import { eventually, expectVisible } from '../browser';
import { expectFocused, isFocused } from '../keyboard';
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

  /** The "Question 2 of 8" heading, which takes focus when its question appears. */
  questionHeading(current: number, total: number): Locator {
    return this.main.getByRole('heading', { level: 2, name: this.t('quiz.progress', { current, total }), exact: true });
  }

  get question(): Locator {
    return this.main.getByRole('group');
  }

  /** The quiz's polite live region ("Moved to position 2 of 5"). */
  get announcer(): Locator {
    return this.main.locator('form [aria-live="polite"]');
  }

  /** The option or step texts of the question on screen, in the order shown. */
  async optionsShown(): Promise<string[]> {
    const texts = await this.question.locator('.quiz-choice__text, .quiz-order__text').allInnerTexts();
    return texts.map((text) => text.trim());
  }

  /** The question on screen, found in quiz.yaml by its text (each attempt shuffles the questions). */
  async shownQuestion(pool: readonly SourceQuestion[], locale: ContentLocale = 'en'): Promise<SourceQuestion> {
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const legend = this.question.locator('legend');
    await expectVisible(legend, 'a question');
    const shown = squash(await legend.innerText());
    const question = pool.find((q) => squash(q.text[locale] ?? q.text.en) === shown);
    if (!question) throw new Error(`"${shown}" is not a question of this quiz`);
    return question;
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

  /**
   * Gives the right answer to the question on screen with the keyboard alone, starting with
   * focus on its heading: one Tab reaches its first control. A moved step keeps focus on its
   * buttons, and its new place is announced.
   */
  async answerByKeyboard(question: SourceQuestion, locale: ContentLocale = 'en'): Promise<void> {
    const keyboard = this.page.keyboard;
    const text = (id: string) => {
      if (question.type === 'truefalse') throw new Error('true/false questions have no options');
      const option = question.options.find((o) => o.id === id);
      if (!option) throw new Error(`question ${question.id} has no option ${id}`);
      return option.text[locale] ?? option.text.en;
    };
    await keyboard.press('Tab');
    const inQuestion = await this.question.evaluate((group) => group.contains(document.activeElement));
    if (!inQuestion) throw new Error(`one Tab from the heading of "${question.id}" did not reach its first control`);
    switch (question.type) {
      case 'single':
      case 'truefalse': {
        const name = question.type === 'single' ? text(question.answer) : this.t(question.answer ? 'quiz.true' : 'quiz.false');
        const radio = this.question.getByRole('radio', { name, exact: true });
        const count = await this.question.getByRole('radio').count();
        for (let step = 0; step <= count && !(await radio.isChecked()); step++) {
          if (await isFocused(radio)) await keyboard.press('Space');
          else await keyboard.press('ArrowDown');
        }
        if (!(await radio.isChecked())) throw new Error(`"${name}" could not be chosen with the arrow keys`);
        break;
      }
      case 'multiple': {
        const boxes = await this.question.getByRole('checkbox').all();
        const wanted = new Set(question.answer.map(text));
        for (const [index, box] of boxes.entries()) {
          await expectFocused(box, `checkbox ${index + 1}`);
          const label = (
            await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.querySelector('.quiz-choice__text')?.textContent ?? '')
          ).trim();
          if (wanted.has(label)) await keyboard.press('Space');
          if (index < boxes.length - 1) await keyboard.press('Tab');
        }
        break;
      }
      case 'order': {
        const wanted = question.options.map((o) => o.text[locale] ?? o.text.en);
        const total = wanted.length;
        for (const [target, item] of wanted.entries()) {
          let at = (await this.orderShown()).indexOf(item);
          if (at === target) continue;
          const up = this.moveUpButton(item);
          for (let press = 0; press < 4 * total && !(await isFocused(up)); press++) await keyboard.press('Tab');
          await expectFocused(up, `the "move up" button of "${item}"`);
          while (at > target) {
            await keyboard.press('Enter');
            at -= 1;
            const place = at;
            await eventually(
              () => this.orderShown(),
              (shown) => shown[place] === item,
              `"${item}" to move to place ${place + 1}`,
            );
            await eventually(
              () => this.announcer.innerText(),
              (said) => said.trim() === this.t('quiz.movedTo', { position: place + 1, total }),
              `"${this.t('quiz.movedTo', { position: place + 1, total })}" in the live region`,
            );
            // At the top "up" is disabled, so focus moves to the same step's "down" button.
            const still = place === 0 ? this.question.getByRole('button', { name: this.t('quiz.moveDown', { item }), exact: true }) : up;
            await expectFocused(still, `the moved step's button (place ${place + 1})`);
          }
        }
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
