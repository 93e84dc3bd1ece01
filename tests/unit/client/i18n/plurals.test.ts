/* Counts take the noun's singular at one, in the strings every page shares. */
import { describe, expect, it } from 'vitest';
import { initI18n, loadStringGroups } from '../../../../src/client/i18n/i18n';

describe('plural forms', () => {
  it('say one question, one learner, one hour', async () => {
    const i18n = await initI18n('en');
    await i18n.changeLanguage('en');
    await loadStringGroups(['mentor', 'hours', 'people']);
    const t = i18n.t.bind(i18n);
    expect(t('quiz.score', { count: 1, raw: 1, max: 1, percent: '100%' })).toBe('You answered 1 of 1 question correctly (100%).');
    expect(t('quiz.score', { count: 5, raw: 4, max: 5, percent: '80%' })).toBe('You answered 4 of 5 questions correctly (80%).');
    expect(t('mentor.showing', { count: 1, first: 1, last: 1, total: 1 })).toBe('Showing 1–1 of 1 learner.');
    expect(t('hours.progressPending', { count: 1, hours: '1' })).toBe('1 hour waiting for your mentor.');
    expect(t('hours.progressPending', { count: 1.5, hours: '1.5' })).toBe('1.5 hours waiting for your mentor.');
  });

  it('follow Ukrainian’s few and many forms', async () => {
    const i18n = await initI18n('en');
    await i18n.changeLanguage('uk');
    await loadStringGroups(['people']);
    const t = i18n.t.bind(i18n);
    expect(t('admin.cohortMentors', { count: 1 })).toBe('1 ментор');
    expect(t('admin.cohortMentors', { count: 3 })).toBe('3 ментори');
    expect(t('admin.cohortMentors', { count: 7 })).toBe('7 менторів');
    await i18n.changeLanguage('en');
  });
});
