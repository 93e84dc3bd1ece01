/*
 * The route table. Every page is a lazy chunk, so the home route loads only what it needs
 * (watch the sizes `npm run bench` prints). Declarative routing (not the data router)
 * keeps react-router's share of the initial JavaScript at about half.
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { routePatterns } from './paths';

const HomePage = lazy(async () => ({ default: (await import('../features/home/HomePage')).HomePage }));
const CatalogPage = lazy(async () => ({ default: (await import('../features/catalog/CatalogPage')).CatalogPage }));
const ModulePage = lazy(async () => ({ default: (await import('../features/module/ModulePage')).ModulePage }));
const LessonPage = lazy(async () => ({ default: (await import('../features/lesson/LessonPage')).LessonPage }));
const QuizPage = lazy(async () => ({ default: (await import('../features/quiz/QuizPage')).QuizPage }));
const MyLearningPage = lazy(async () => ({ default: (await import('../features/learning/MyLearningPage')).MyLearningPage }));
const SettingsPage = lazy(async () => ({ default: (await import('../features/settings/SettingsPage')).SettingsPage }));
const SignInPage = lazy(async () => ({ default: (await import('../features/account/SignInPage')).SignInPage }));
const SignUpPage = lazy(async () => ({ default: (await import('../features/account/SignUpPage')).SignUpPage }));
const AccountPage = lazy(async () => ({ default: (await import('../features/account/AccountPage')).AccountPage }));
const SetupPage = lazy(async () => ({ default: (await import('../features/account/SetupPage')).SetupPage }));
const AdminPage = lazy(async () => ({ default: (await import('../features/admin/AdminPage')).AdminPage }));
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
        <Route path={routePatterns.signIn} element={<SignInPage />} />
        <Route path={routePatterns.signUp} element={<SignUpPage />} />
        <Route path={routePatterns.account} element={<AccountPage />} />
        <Route path={routePatterns.setup} element={<SetupPage />} />
        <Route path={routePatterns.admin} element={<AdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
