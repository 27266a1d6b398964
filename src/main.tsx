import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { beginStartup } from './app/app-store';
import { nowIso, todayLocal } from './app/clock';
import { createIngestClient, createIngestWorker } from './app/ingest-client';
import './app/styles.css';

/**
 * In `vite --mode mock` (npm run dev:mock) the MSW service worker serves the mock reporting
 * endpoint. The dynamic import keeps MSW out of the production bundle: the condition is a
 * compile-time constant there, so the branch and its chunk are dropped.
 */
async function startMocks(): Promise<void> {
  if (import.meta.env.MODE !== 'mock') return;
  const { startMockWorker } = await import('../mocks/browser');
  await startMockWorker();
}

const root = document.getElementById('root');
if (root) {
  // One ingest client for the page's lifetime: the first-run sample may already be in its worker
  // when the app renders.
  const runner = createIngestClient({ createWorker: createIngestWorker, today: todayLocal });
  // The store is opened once, before the first render, so StrictMode never opens two connections;
  // on a first run the sample loads meanwhile (beginStartup).
  const startup = beginStartup(runner, nowIso);
  void startMocks()
    // Without the mocks the app still works; the mock endpoint's requests then simply fail.
    .catch(() => undefined)
    .then(() => startup.app)
    .then((app) => {
      createRoot(root).render(
        <StrictMode>
          <App app={app} runner={runner} loadSample={startup.loadSample} />
        </StrictMode>,
      );
    });
}
