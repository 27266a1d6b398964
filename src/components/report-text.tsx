/**
 * A monthly report's text as read (issue 11), one paragraph per block with its line number, every
 * phrase a value was read from marked. React text nodes and <mark> only: the report is data, so no
 * HTML is ever built from it (docs/architecture.md, "Invariants"). Used by the review screen of the
 * import and by the detail panel, which can also highlight one paragraph (a problem statement's).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './report-text.css';

export interface ReportTextBlockView {
  readonly line: number;
  readonly kind: 'paragraph' | 'table';
  readonly text: string;
}

export interface ReportTextMark {
  readonly line: number;
  readonly phrase: string;
  /** What the phrase gave, e.g. "排查隐患 = 23", as the mark's title. */
  readonly title: string;
}

/** Non-overlapping [start, end) ranges of the marks' phrases in `text`, in order; phrases not found are skipped. */
export function markRanges(
  text: string,
  marks: readonly ReportTextMark[],
): { start: number; end: number; title: string }[] {
  const ranges: { start: number; end: number; title: string }[] = [];
  for (const m of marks) {
    const phrase = m.phrase.trim();
    if (phrase === '') continue;
    let at = text.indexOf(phrase);
    while (at >= 0 && ranges.some((r) => at < r.end && at + phrase.length > r.start))
      at = text.indexOf(phrase, at + 1);
    if (at >= 0) ranges.push({ start: at, end: at + phrase.length, title: m.title });
    else {
      // Two values from one phrase share it: add the second title to the first mark.
      const same = ranges.find((r) => text.slice(r.start, r.end) === phrase);
      if (same) same.title = `${same.title}; ${m.title}`;
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

function marked(text: string, marks: readonly ReportTextMark[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const r of markRanges(text, marks)) {
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(
      <mark key={r.start} title={r.title}>
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export interface ReportTextProps {
  readonly blocks: readonly ReportTextBlockView[];
  readonly marks: readonly ReportTextMark[];
  /** Label of each paragraph's number, e.g. (line) => `第 ${line} 段`. */
  readonly lineLabel: (line: number) => string;
  /** A paragraph to highlight and scroll into view (a problem statement's). */
  readonly focusLine?: number | null;
  /** Prefix for element ids, so two report texts on a page do not clash. */
  readonly idPrefix: string;
  /** Name of the (scrollable, so focusable: WCAG 2.1.1) text box, e.g. "报告原文". */
  readonly label: string;
}

/** The report's paragraphs, marked; tables keep their rows (tab-separated cells) in a pre-wrap block. */
export function ReportText({ blocks, marks, lineLabel, focusLine = null, idPrefix, label }: ReportTextProps) {
  const focusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // After the frame: the panel around it may still move focus (and scroll) while mounting.
    const id = requestAnimationFrame(() => focusRef.current?.scrollIntoView({ block: 'center' }));
    return () => cancelAnimationFrame(id);
  }, [focusLine]);
  const byLine = new Map<number, ReportTextMark[]>();
  for (const m of marks) byLine.set(m.line, [...(byLine.get(m.line) ?? []), m]);
  return (
    <div className="report-text" data-testid="report-text" role="group" aria-label={label} tabIndex={0}>
      {blocks.map((b) => {
        const focused = b.line === focusLine;
        return (
          <div
            key={b.line}
            id={`${idPrefix}-p${b.line}`}
            ref={focused ? focusRef : undefined}
            className={`report-text__block${focused ? ' report-text__block--focus' : ''}${b.kind === 'table' ? ' report-text__block--table' : ''}`}
            data-line={b.line}
          >
            <span className="report-text__line">
              <span className="visually-hidden">{lineLabel(b.line)}</span>
              <span aria-hidden="true">{b.line}</span>
            </span>
            <p className="report-text__para">{marked(b.text, byLine.get(b.line) ?? [])}</p>
          </div>
        );
      })}
    </div>
  );
}
