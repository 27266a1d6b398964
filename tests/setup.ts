// Shared test setup. jest-dom matchers are only meaningful in jsdom tests, but registering
// them everywhere is harmless. TZ is pinned to Asia/Shanghai in vite.config.ts so date
// traps (Excel serial epochs, local-time parsing) show up in tests as they would for users.
import '@testing-library/jest-dom/vitest';
