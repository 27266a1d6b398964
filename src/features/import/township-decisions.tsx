/**
 * The import report's section for township names outside the district list: per name, map it to a
 * district township (the closest one proposed), add it as a new township, or reject its records.
 * Nothing is saved before the user confirms; the records stay counted as rejected until then, and
 * the panel ingests the file again with the decisions so ingest itself does the counting
 * (docs/decisions/0004-counting-rules.md, "Unknown townships").
 */
import { useId, useState } from 'react';
import type { Township } from '../../domain/records';
import type { TownshipDecision, UnknownTownship } from '../../ingest/township-decisions';
import type { TownshipListSource } from '../../store/district-townships';
import { useT } from '../../components/i18n-provider';

export interface TownshipDecisionsProps {
  readonly unknown: readonly UnknownTownship[];
  /** The district list the names were checked against (official order). */
  readonly known: readonly Township[];
  readonly source: TownshipListSource;
  readonly busy?: boolean;
  readonly onConfirm: (decisions: ReadonlyMap<string, TownshipDecision>) => void;
  readonly onCancel: () => void;
}

type Choice = 'map' | 'new' | 'reject';

const MAX_LINES_SHOWN = 8;

function linesText(lines: readonly (number | null)[]): string {
  const numbers = lines.filter((l): l is number => l !== null);
  const shown = numbers.slice(0, MAX_LINES_SHOWN).join('、');
  return numbers.length > MAX_LINES_SHOWN ? `${shown}…` : shown;
}

function NameDecision({
  u,
  known,
  choice,
  target,
  onChoice,
  onTarget,
}: {
  u: UnknownTownship;
  known: readonly Township[];
  choice: Choice | undefined;
  target: string;
  onChoice: (c: Choice) => void;
  onTarget: (name: string) => void;
}) {
  const t = useT();
  const group = useId();
  const lines = linesText(u.lines);
  const legend =
    lines === ''
      ? t('dashboard.import.towns.name_no_lines', { name: u.name, records: u.records })
      : t('dashboard.import.towns.name', { name: u.name, records: u.records, lines });
  const otherSpellings = u.spellings.filter((s) => s !== u.name);
  return (
    <fieldset className="township-decision">
      <legend>{legend}</legend>
      {otherSpellings.length > 0 ? (
        <p className="muted">{t('dashboard.import.towns.spellings', { list: u.spellings.join('、') })}</p>
      ) : null}
      {known.length > 0 ? (
        <div className="township-decision__option">
          <label>
            <input
              type="radio"
              name={group}
              value="map"
              checked={choice === 'map'}
              onChange={() => onChoice('map')}
            />{' '}
            {t('dashboard.import.towns.map')}
          </label>{' '}
          <select
            aria-label={t('dashboard.import.towns.map_target', { name: u.name })}
            value={target}
            onChange={(e) => {
              onTarget(e.currentTarget.value);
              onChoice('map');
            }}
          >
            {known.map((k) => (
              <option key={k.name} value={k.name}>
                {k.name === u.suggestion ? `${k.name} ${t('dashboard.import.towns.suggested')}` : k.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="township-decision__option">
        <label>
          <input
            type="radio"
            name={group}
            value="new"
            checked={choice === 'new'}
            onChange={() => onChoice('new')}
          />{' '}
          {t('dashboard.import.towns.new', { name: u.name })}
        </label>
      </div>
      <div className="township-decision__option">
        <label>
          <input
            type="radio"
            name={group}
            value="reject"
            checked={choice === 'reject'}
            onChange={() => onChoice('reject')}
          />{' '}
          {t('dashboard.import.towns.reject')}
        </label>
      </div>
    </fieldset>
  );
}

/** The decision section; `onConfirm` gets one decision per unknown name (keyed by its name). */
export function TownshipDecisions({
  unknown,
  known,
  source,
  busy = false,
  onConfirm,
  onCancel,
}: TownshipDecisionsProps) {
  const t = useT();
  const titleId = useId();
  // Keyed by name in Maps: names are data (`constructor`, `__proto__`).
  const [choices, setChoices] = useState<ReadonlyMap<string, Choice>>(() => new Map());
  const [targets, setTargets] = useState<ReadonlyMap<string, string>>(
    () => new Map(unknown.map((u) => [u.name, u.suggestion ?? known[0]?.name ?? ''])),
  );
  const records = unknown.reduce((s, u) => s + u.records, 0);
  const tally = { mapped: 0, added: 0, rejected: 0, undecided: 0 };
  for (const u of unknown) {
    const c = choices.get(u.name);
    if (c === 'map') tally.mapped += u.records;
    else if (c === 'new') tally.added += u.records;
    else if (c === 'reject') tally.rejected += u.records;
    else tally.undecided += u.records;
  }
  const allDecided = unknown.every((u) => choices.has(u.name));

  const confirm = () => {
    const decisions = new Map<string, TownshipDecision>();
    for (const u of unknown) {
      const c = choices.get(u.name);
      if (c === 'map') decisions.set(u.name, { kind: 'map', to: targets.get(u.name) ?? '' });
      else if (c === 'new') decisions.set(u.name, { kind: 'new' });
      else decisions.set(u.name, { kind: 'reject' });
    }
    onConfirm(decisions);
  };

  return (
    <section className="report-section township-decisions" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('dashboard.import.towns.title', { n: unknown.length })}</h4>
      <p>{t('dashboard.import.towns.intro', { records })}</p>
      {source === 'settings' || source === 'held' ? (
        <p className="muted">{t(`dashboard.import.towns.list_source.${source}`, { n: known.length })}</p>
      ) : null}
      {unknown.map((u) => (
        <NameDecision
          key={u.name}
          u={u}
          known={known}
          choice={choices.get(u.name)}
          target={targets.get(u.name) ?? ''}
          onChoice={(c) => setChoices((m) => new Map(m).set(u.name, c))}
          onTarget={(name) => setTargets((m) => new Map(m).set(u.name, name))}
        />
      ))}
      <p data-testid="township-tally">{t('dashboard.import.towns.tally', tally)}</p>
      {!allDecided ? <p className="muted">{t('dashboard.import.towns.need_all')}</p> : null}
      <div className="report__actions">
        <button type="button" className="btn btn--primary" disabled={!allDecided || busy} onClick={confirm}>
          {t('dashboard.import.towns.confirm')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={onCancel}>
          {t('dashboard.import.towns.cancel')}
        </button>
      </div>
    </section>
  );
}
