/**
 * Layout pieces shared by the dashboard views: the responsive two-column chart grid, the KPI
 * row, a titled panel and a labelled select. Presentational only.
 */
import { useId, type ReactNode } from 'react';
import './dashboard-layout.css';

/** Charts in a responsive two-column grid (one column on narrow screens); `wide` children span both. */
export function ChartGrid({ children }: { children: ReactNode }) {
  return <div className="dash-grid">{children}</div>;
}

/** A grid cell spanning both columns (wide heatmaps, small multiples). */
export function WideCell({ children }: { children: ReactNode }) {
  return <div className="dash-grid__wide">{children}</div>;
}

/** KPI cards in one row that wraps. */
export function KpiRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kpi-row" role="group" aria-label={label}>
      {children}
    </div>
  );
}

/** A titled panel for non-chart content (lists, tables). */
export function Panel({
  title,
  summary,
  actions,
  children,
  testId,
}: {
  title: string;
  summary?: string;
  actions?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id} data-testid={testId}>
      <header className="panel__head">
        <h3 id={id} className="panel__title">
          {title}
        </h3>
        {actions}
      </header>
      {summary ? <p className="chart-frame__summary">{summary}</p> : null}
      {children}
    </section>
  );
}

export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** A labelled <select> of fixed options (metric, order, months…). */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          // Only values we offered are accepted (the DOM value is a string).
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A row of view-level controls (pickers) above the charts. */
export function ViewToolbar({ children }: { children: ReactNode }) {
  return <div className="toolbar view-toolbar">{children}</div>;
}

/**
 * The line under a list or table that shows only its first items: what is left out, and a button
 * that shows all of them or the first ones again.
 */
export function ShowAllLine({
  expanded,
  onToggle,
  controls,
  hiddenNote,
  showAll,
  showFewer,
}: {
  readonly expanded: boolean;
  readonly onToggle: () => void;
  /** The id of the list or table the button expands. */
  readonly controls: string;
  /** Said while collapsed: how many are not listed. */
  readonly hiddenNote: string;
  readonly showAll: string;
  readonly showFewer: string;
}) {
  return (
    <p className="table-more">
      {expanded ? null : <span className="muted">{hiddenNote} </span>}
      <button
        type="button"
        className="btn btn--small"
        aria-expanded={expanded}
        aria-controls={controls}
        onClick={onToggle}
      >
        {expanded ? showFewer : showAll}
      </button>
    </p>
  );
}
