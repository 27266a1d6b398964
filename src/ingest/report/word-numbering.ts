/**
 * Word automatic numbering as a reader sees it: list definitions (levels with start, format, label
 * template, restart rule) and the counters that turn a paragraph's (list, level) into its label, e.g.
 * '（三）'. Shared by the .docx reader (numbering.xml) and the .doc reader (LST/LFO), see
 * docs/decisions/0006-report-readers.md.
 */
import { formatListNumber } from './number-format';

export interface ListLevel {
  readonly start: number;
  /** docx ST_NumberFormat name (see number-format.ts). */
  readonly format: string;
  /** Label template: '%1、', '（%2）', '%1.%2.'; for .doc the placeholders are level numbers too. */
  readonly text: string;
  /** 1-based level whose use restarts this one; 0 = never; undefined = any shallower level. */
  readonly restartAfter?: number;
  /** Legal numbering: every placeholder in decimal. */
  readonly legal?: boolean;
}

export interface ListDefinition {
  /** The shared counter set (docx abstractNumId; .doc lsid). */
  readonly abstractId: string;
  readonly levels: readonly (ListLevel | undefined)[];
  /** Level → start value that restarts the list when this instance is first used (startOverride). */
  readonly startOverrides: ReadonlyMap<number, number>;
}

/**
 * Counts labels through a document. Counters are kept per abstract list, as Word does, so two list
 * instances of one definition continue each other unless an instance says startOverride.
 */
export class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly overridden = new Set<string>();

  /** The label of the next paragraph in `list` at `level` (0-based), or '' when it draws none. */
  next(instanceId: string, list: ListDefinition, level: number): string {
    const def = list.levels[level];
    if (def === undefined) return '';
    const counts = this.counters.get(list.abstractId) ?? [];
    this.counters.set(list.abstractId, counts);
    const override = list.startOverrides.get(level);
    const key = `${instanceId}\u0000${level}`;
    if (override !== undefined && !this.overridden.has(key)) {
      this.overridden.add(key);
      counts[level] = override;
    } else {
      const cur = counts[level];
      counts[level] = cur === undefined ? def.start : cur + 1;
    }
    for (let k = level + 1; k < Math.max(counts.length, list.levels.length); k++) {
      const restart = list.levels[k]?.restartAfter ?? k;
      if (restart !== 0 && level + 1 <= restart) counts[k] = undefined;
    }
    if (def.format === 'none' || def.format === 'bullet') return def.format === 'none' ? placeholders(def.text, () => '') : '';
    return placeholders(def.text, (n) => {
      const lv = list.levels[n - 1];
      const value = counts[n - 1] ?? lv?.start ?? 1;
      return formatListNumber(value, def.legal === true ? 'decimal' : (lv?.format ?? 'decimal'));
    });
  }
}

const placeholders = (text: string, value: (level: number) => string): string =>
  text.replace(/%([1-9])/g, (_m, d: string) => value(Number(d)));
