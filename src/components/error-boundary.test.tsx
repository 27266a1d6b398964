// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

let broken = true;
function Flaky() {
  if (broken) throw new Error('builder bug');
  return <p>图表正常</p>;
}

const fallback = (error: Error, reset: () => void) => (
  <div role="alert">
    {error.message}
    <button type="button" onClick={reset}>
      重试
    </button>
  </div>
);

describe('ErrorBoundary', () => {
  it('shows the fallback instead of blanking the page, and recovers on retry', async () => {
    // React logs caught render errors; keep the test output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    broken = true;
    const user = userEvent.setup();
    render(
      <ErrorBoundary fallback={fallback}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('builder bug');
    broken = false;
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(screen.getByText('图表正常')).toBeInTheDocument();
  });

  it('clears the error when the reset key changes (switching views)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    broken = true;
    const { rerender } = render(
      <ErrorBoundary fallback={fallback} resetKey="hazards">
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    rerender(
      <ErrorBoundary fallback={fallback} resetKey="data">
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByText('图表正常')).toBeInTheDocument();
  });
});
