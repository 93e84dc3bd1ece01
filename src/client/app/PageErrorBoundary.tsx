import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from './paths';

function PageFailed() {
  const { t } = useTranslation();
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <>
      <h1>{t('errors.pageFailedTitle')}</h1>
      <p role="alert">{offline ? t('errors.pageFailedOffline') : t('errors.pageFailed')}</p>
      <p>{t('errors.dataIsSafe')}</p>
      <p>
        <a href={paths.home()}>{t('errors.backHome')}</a>
      </p>
    </>
  );
}

/**
 * Catches a page that fails to load (a chunk missing offline) or to render. Learning data
 * lives in IndexedDB and is unaffected. Reset by changing `resetKey` (the location).
 */
export class PageErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { failedAt: string | undefined }> {
  override state: { failedAt: string | undefined } = { failedAt: undefined };

  static getDerivedStateFromError(): { failedAt: string } {
    return { failedAt: '' };
  }

  override componentDidCatch(error: unknown): void {
    if (import.meta.env.DEV) console.error(error);
    this.setState({ failedAt: this.props.resetKey });
  }

  override render(): ReactNode {
    const { failedAt } = this.state;
    if (failedAt !== undefined && (failedAt === '' || failedAt === this.props.resetKey)) return <PageFailed />;
    return this.props.children;
  }
}
