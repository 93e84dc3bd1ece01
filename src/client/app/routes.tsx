/*
 * The route table. Every page is a lazy chunk (the home page only for its progress part), so
 * the home route loads only what it needs (watch the sizes `npm run bench` prints).
 * Declarative routing (not the data router) keeps react-router's share of the initial
 * JavaScript at about half.
 */
import { lazy } from 'react';
import i18next from 'i18next';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { routePatterns } from './paths';
import { loadCompetenceNames, loadStringGroups } from '../i18n/i18n';
// The home page's first screen (title and introduction) is part of the app's entry, so it shows
// in the first render, not after a lazy chunk; its progress part is a lazy chunk of its own.
import { HomePage } from '../features/home/HomePage';

const CatalogPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/catalog/CatalogPage'), loadCompetenceNames()]);
  return { default: page.CatalogPage };
});
const ModulePage = lazy(async () => {
  const [page] = await Promise.all([import('../features/module/ModulePage'), loadCompetenceNames()]);
  return { default: page.ModulePage };
});
const LessonPage = lazy(async () => ({ default: (await import('../features/lesson/LessonPage')).LessonPage }));
const QuizPage = lazy(async () => ({ default: (await import('../features/quiz/QuizPage')).QuizPage }));
const MyLearningPage = lazy(async () => ({ default: (await import('../features/learning/MyLearningPage')).MyLearningPage }));
const SettingsPage = lazy(async () => ({ default: (await import('../features/settings/SettingsPage')).SettingsPage }));
const SignInPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/account/SignInPage'), loadStringGroups(['people'])]);
  return { default: page.SignInPage };
});
const SignUpPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/account/SignUpPage'), loadStringGroups(['people'])]);
  return { default: page.SignUpPage };
});
const AccountPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/account/AccountPage'), loadStringGroups(['people'])]);
  return { default: page.AccountPage };
});
const SetupPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/account/SetupPage'), loadStringGroups(['people'])]);
  return { default: page.SetupPage };
});
const AdminPage = lazy(async () => {
  const [page] = await Promise.all([
    import('../features/admin/AdminPage'),
    loadStringGroups(['people']),
    // The link to the Modules page: its words are a namespace of their own, as the competences.
    i18next.loadNamespaces('modulesAdmin'),
  ]);
  return { default: page.AdminPage };
});
const ModulesPage = lazy(async () => {
  const [page] = await Promise.all([
    import('../features/admin/ModulesPage'),
    loadStringGroups(['people', 'hours']),
    i18next.loadNamespaces(['modulesAdmin', 'modules']),
  ]);
  return { default: page.ModulesPage };
});
const HoursPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/hours/HoursPage'), loadStringGroups(['hours', 'people'])]);
  return { default: page.HoursPage };
});
// Mentor and coordinator pages: their own chunks, never in a learner's initial JavaScript.
const MentorHomePage = lazy(async () => {
  const [page] = await Promise.all([import('../features/mentor/MentorHomePage'), loadStringGroups(['mentor', 'people', 'hours'])]);
  return { default: page.MentorHomePage };
});
const CohortPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/mentor/CohortPage'), loadStringGroups(['mentor', 'people', 'hours'])]);
  return { default: page.CohortPage };
});
const CohortReportPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/mentor/CohortReportPage'), loadStringGroups(['mentor', 'people', 'hours'])]);
  return { default: page.CohortReportPage };
});
const DifficultQuestionsPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/mentor/DifficultQuestionsPage'), loadStringGroups(['mentor', 'people', 'hours'])]);
  return { default: page.DifficultQuestionsPage };
});
const LearnerPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/mentor/LearnerPage'), loadStringGroups(['mentor', 'people', 'hours'])]);
  return { default: page.LearnerPage };
});
const SurveyReportsPage = lazy(async () => {
  const [page] = await Promise.all([import('../features/reports/SurveyReportsPage'), loadStringGroups(['mentor', 'people', 'hours'])]);
  return { default: page.SurveyReportsPage };
});
const MorePage = lazy(async () => {
  const [page] = await Promise.all([import('./MorePage'), loadStringGroups(['people'])]);
  return { default: page.MorePage };
});
const NotFoundPage = lazy(async () => ({ default: (await import('./NotFoundPage')).NotFoundPage }));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path={routePatterns.home} element={<HomePage />} />
        <Route path={routePatterns.catalog} element={<CatalogPage />} />
        <Route path={routePatterns.module} element={<ModulePage />} />
        <Route path={routePatterns.lesson} element={<LessonPage />} />
        <Route path={routePatterns.quiz} element={<QuizPage />} />
        <Route path={routePatterns.learning} element={<MyLearningPage />} />
        <Route path={routePatterns.settings} element={<SettingsPage />} />
        <Route path={routePatterns.more} element={<MorePage />} />
        <Route path={routePatterns.signIn} element={<SignInPage />} />
        <Route path={routePatterns.signUp} element={<SignUpPage />} />
        <Route path={routePatterns.account} element={<AccountPage />} />
        <Route path={routePatterns.setup} element={<SetupPage />} />
        <Route path={routePatterns.admin} element={<AdminPage />} />
        <Route path={routePatterns.adminModules} element={<ModulesPage />} />
        <Route path={routePatterns.hours} element={<HoursPage />} />
        <Route path={routePatterns.mentor} element={<MentorHomePage />} />
        <Route path={routePatterns.cohort} element={<CohortPage />} />
        <Route path={routePatterns.cohortReport} element={<CohortReportPage />} />
        <Route path={routePatterns.cohortQuestions} element={<DifficultQuestionsPage />} />
        <Route path={routePatterns.learner} element={<LearnerPage />} />
        <Route path={routePatterns.surveyReports} element={<SurveyReportsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
