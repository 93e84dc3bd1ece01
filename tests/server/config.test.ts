/* Configuration from the environment: defaults, and bad values named at start. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';
import { DEFAULT_XAPI_BASE } from '../../src/shared/xapi/activities';

describe('loadConfig', () => {
  it('has working defaults: SQLite under ./data, port 8080', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      databaseUrl: undefined,
      xapiBase: DEFAULT_XAPI_BASE,
      sessionDays: 30,
      cookieSecure: 'auto',
      trustProxy: false,
      loginMaxAttempts: 10,
      loginMaxPerAddress: 100,
      loginWindowMinutes: 15,
      passwordChecksAtOnce: 2,
      requestTimeoutSeconds: 120,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '3000',
        DATA_DIR: '/var/lib/biblio',
        DATABASE_URL: 'postgres://u@db/biblio',
        XAPI_BASE: 'https://lib.example/xapi/',
        SESSION_DAYS: '7',
        COOKIE_SECURE: 'true',
        TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
        LOGIN_MAX_ATTEMPTS: '5',
        LOGIN_WINDOW_MINUTES: '30',
        LOGIN_MAX_PER_ADDRESS: '500',
        PASSWORD_CHECKS_AT_ONCE: '4',
        REQUEST_TIMEOUT_SECONDS: '300',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 3000,
      dataDir: '/var/lib/biblio',
      databaseUrl: 'postgres://u@db/biblio',
      xapiBase: 'https://lib.example/xapi',
      sessionDays: 7,
      cookieSecure: 'always',
      trustProxy: '10.0.0.0/8, 127.0.0.1',
      loginMaxAttempts: 5,
      loginWindowMinutes: 30,
      loginMaxPerAddress: 500,
      passwordChecksAtOnce: 4,
      requestTimeoutSeconds: 300,
    });
  });

  it.each([
    ['PORT', '80a'],
    ['PORT', '70000'],
    ['HOST', 'two words'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['DATABASE_URL', 'not a url'],
    ['XAPI_BASE', 'library.example'],
    ['XAPI_BASE', 'ftp://library.example/xapi'],
    ['XAPI_BASE', 'https://library.example/xapi?x=1'],
    ['SESSION_DAYS', '0'],
    ['SESSION_DAYS', 'forever'],
    ['COOKIE_SECURE', 'sometimes'],
    ['LOGIN_MAX_PER_ADDRESS', '0'],
    ['PASSWORD_CHECKS_AT_ONCE', '1.5'],
    ['PASSWORD_CHECKS_AT_ONCE', '65'],
    ['REQUEST_TIMEOUT_SECONDS', 'never'],
    ['TRUST_PROXY', 'yes please'],
    ['LOGIN_MAX_ATTEMPTS', '2.5'],
    ['LOGIN_WINDOW_MINUTES', '-1'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});
