import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSignedInAccount } from '../../db/identity';
import { DataAge } from '../../ui/DataAge';
import { Loading } from '../../ui/Loading';
import { useCachedApi } from '../../ui/useCachedApi';
import { usePageTitle } from '../../ui/usePageTitle';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { EventForm } from './EventForm';
import { SurveyReportView } from './SurveyReportView';
import { ExportSurveys } from './ExportSurveys';
import { SurveyOverview } from './SurveyOverview';
import '../../ui/mentoring.css';

/** /reports/surveys: coordinators read the reaction surveys per module and per event, and add events. */
export function SurveyReportsPage() {
  const { t } = useTranslation();
  const account = useSignedInAccount();
  usePageTitle(t('reports.surveysTitle'));
  if (account?.role !== 'coordinator')
    return (
      <>
        <h1>{t('reports.surveysTitle')}</h1>
        <p className="notice">{t('reports.onlyCoordinators')}</p>
      </>
    );
  return <Reports />;
}

/** A printed report shows every survey's answers: the disclosures the coordinator left closed open for print. */
function useOpenReportsForPrint() {
  useEffect(() => {
    const openAll = () => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>('.survey-report > details')) details.open = true;
    };
    window.addEventListener('beforeprint', openAll);
    return () => window.removeEventListener('beforeprint', openAll);
  }, []);
}

function Reports() {
  const { t } = useTranslation();
  useOpenReportsForPrint();
  const { state, reload } = useCachedApi('/api/reports/surveys', api.surveyReports);
  const events = useCachedApi('/api/events', api.events);
  const eventList = events.state.status === 'ready' ? events.state.data : [];
  return (
    <>
      <h1>{t('reports.surveysTitle')}</h1>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && (
        <p className="notice notice--error" role="alert">
          {apiErrorMessage(t, state.error)}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <DataAge fetchedAt={state.fetchedAt} fromCache={state.fromCache} onReload={reload} />
          <ExportSurveys reports={state.data} events={eventList} />
          {state.data.length === 0 && <p>{t('reports.none')}</p>}
          {state.data.length > 1 && <SurveyOverview reports={state.data} events={eventList} />}
          {state.data.map((report) => (
            <SurveyReportView
              key={'moduleId' in report.about ? `m-${report.about.moduleId}` : `e-${report.about.eventId}`}
              report={report}
              events={eventList}
            />
          ))}
        </>
      )}
      <EventForm events={eventList} onCreated={events.reload} />
    </>
  );
}
