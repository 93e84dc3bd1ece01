import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Route tests open lazily loaded pages; on a busy machine (CI, two cores) the first render of a
// page can take longer than testing-library's 1 s default, so find/waitFor wait up to 5 s.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});
