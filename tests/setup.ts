// Shared test setup. jest-dom matchers are only meaningful in jsdom tests, but registering
// them everywhere is harmless. TZ is pinned to Asia/Shanghai in vite.config.ts so date
// traps (Excel serial epochs, local-time parsing) show up in tests as they would for users.
import '@testing-library/jest-dom/vitest';

// Every message area, the on-demand ones included (src/i18n/catalog.ts): tests render any view.
import '../src/i18n/lazy-messages';

// Views other than 总览 load on demand (src/app/routes/lazy-view.tsx); the first render of one in a
// test transforms its modules, which on a busy machine takes longer than the 1 s default wait.
import { configure } from '@testing-library/dom';
configure({ asyncUtilTimeout: 5000 });

// Every chart part registered before any test renders a chart, as in the app once a view has
// loaded (src/charts/echarts-setup.ts): a chart frame never waits for the extras in a test.
import { loadChartExtras } from '../src/charts/echarts-setup';
await loadChartExtras();
