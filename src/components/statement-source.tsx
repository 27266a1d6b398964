/**
 * The link from a problem statement to the paragraph of the report it was read from (issue 11).
 * The app provides it (src/app/routes/problems-route.tsx knows the imports and the URL); a
 * statement row only asks it, so the 问题 view needs no new props for it. Without a provider (or
 * for a statement from a CSV row) nothing is shown.
 */
import { createContext, useContext } from 'react';
import { useT } from './i18n-provider';

export interface StatementRef {
  readonly township: string;
  readonly period: string;
  readonly seq: number;
  readonly source: { readonly file: string };
}

export interface StatementSource {
  /** The paragraph (report line) the statement was written in, or null when it has none. */
  readonly paragraphOf: (s: StatementRef) => number | null;
  /** Opens the detail panel of the statement's township-month at that paragraph. */
  readonly open: (s: StatementRef, line: number) => void;
}

export const StatementSourceContext = createContext<StatementSource | null>(null);

/** A small link-styled button "原文第 N 段", or nothing. */
export function StatementSourceLink({ statement }: { readonly statement: StatementRef }) {
  const t = useT();
  const source = useContext(StatementSourceContext);
  const line = source?.paragraphOf(statement) ?? null;
  if (!source || line === null) return null;
  return (
    <button
      type="button"
      className="btn btn--small btn--link"
      data-testid="statement-source"
      aria-label={t('reportui.statement.sourceLabel', {
        township: statement.township,
        period: statement.period,
        line,
      })}
      onClick={() => source.open(statement, line)}
    >
      {t('reportui.statement.source', { line })}
    </button>
  );
}
