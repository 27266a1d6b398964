/**
 * The MSW worker for `npm run dev:mock`: serves the mock reporting endpoint in the browser.
 * main.tsx calls startMockWorker() before rendering, only when mocks are enabled.
 */
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { MOCK_DATA_ORIGIN, MOCK_ENDPOINT_BASE, handlers } from './handlers';

/** In mock mode config.json names the mock endpoint and data host, so no file needs editing. */
const configHandler = http.get('*/config.json', () =>
  HttpResponse.json({
    urlAllowList: [new URL(MOCK_DATA_ORIGIN).host],
    reportingEndpoint: { baseUrl: MOCK_ENDPOINT_BASE, name: '区安全生产月报报送平台（模拟）' },
  }),
);

/** Starts the service worker (public/mockServiceWorker.js); unknown requests pass through. */
export async function startMockWorker(): Promise<void> {
  const worker = setupWorker(configHandler, ...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', serviceWorker: { url: './mockServiceWorker.js' } });
}
