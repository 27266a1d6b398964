import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Rendered instead of the children after an error; `reset` clears the error and retries. */
  readonly fallback: (error: Error, reset: () => void) => ReactNode;
  readonly children: ReactNode;
  /** Changing this key clears a previous error (e.g. the view id, so switching view recovers). */
  readonly resetKey?: string;
}

interface State {
  readonly error: Error | null;
  readonly key: string | undefined;
}

/**
 * Keeps one broken view (a chart builder bug, unexpected data) from blanking the whole app.
 * Class component: React has no hook for render errors.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Shown to whoever opens the console when reporting the problem; the UI shows the fallback.
    console.warn('View failed to render', error, info.componentStack);
  }

  private readonly reset = () => this.setState({ error: null });

  override render() {
    return this.state.error ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
