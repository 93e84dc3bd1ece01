import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** A server or network failure, in the person's language. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('account.errors.server');
  switch (error.reason) {
    case 'offline':
      return t('account.errors.offline');
    case 'invalid-credentials':
      return t('account.errors.invalidCredentials');
    case 'too-many-attempts':
      return t('account.errors.tooManyAttempts');
    case 'busy':
      return t('account.errors.busy');
    case 'conflict':
      return t('account.errors.conflict');
    case 'invalid-invite':
      return t('account.errors.invalidInvite');
    case 'invalid-input':
      return t('account.errors.invalidInput');
    case 'not-signed-in':
      return t('account.errors.notSignedIn');
    case 'forbidden':
      return t('account.errors.forbidden');
    case 'not-found':
      return t('account.errors.notFound');
    case 'server':
      return t('account.errors.server');
  }
}
