/**
 * Wires the 通报 view into the shell: the dataset, the district settings when the persistent store
 * has them (else the dataset's district and derived defaults), today's date, and the URL's `to`
 * month as the month to open with.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { categoryName } from '../../analysis/problems/edits';
import type { Period } from '../../domain/month';
import type { RecurringProblemFact } from '../../export/bulletin/bulletin-facts';
import { useLang } from '../../components/i18n-provider';
import { problemAttentionItems, unconfirmedProblemCount } from '../../features/problems/problem-model';
import type { DataStore } from '../../store/types';
import { BulletinView, type BulletinDefaults } from '../../features/bulletin/bulletin-view';
import { todayLocal } from '../clock';
import { problemEditsControllerFor, useModelDecisions } from '../problem-edits';
import type { ViewContext } from './route-types';

/** The saved settings when the app runs on the persistent store, else null (derived defaults). */
function settingsOf(store: DataStore): BulletinDefaults | null {
  const s = store.persistent?.getSnapshot().settings;
  return s ? { districtName: s.districtName, issuingOffice: s.issuingOffice, dueDay: s.dueDay } : null;
}

/** The 通报 tab (loaded on demand: registry.tsx). */
export function BulletinAppView({ snapshot, state, store }: ViewContext) {
  const lang = useLang();
  const controller = problemEditsControllerFor(store);
  const { edits } = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { decisions } = useModelDecisions(store, snapshot.dataset);
  // The same recurrence the 问题 view and the overview show, so the 通报 matches the dashboard.
  const recurringProblems = useCallback(
    (month: Period): RecurringProblemFact[] =>
      problemAttentionItems(snapshot.dataset, edits, month, decisions).map((i) => ({
        township: i.township,
        category: categoryName(i.category, edits, lang),
        consecutiveMonths: i.streak,
      })),
    [snapshot.dataset, edits, lang, decisions],
  );
  const unconfirmedProblems = useCallback(
    (month: Period): number => unconfirmedProblemCount(snapshot.dataset, edits, month, decisions),
    [snapshot.dataset, edits, decisions],
  );
  return (
    <BulletinView
      dataset={snapshot.dataset}
      settings={settingsOf(store)}
      today={todayLocal()}
      initialMonth={state.to}
      recurringProblems={recurringProblems}
      unconfirmedProblems={unconfirmedProblems}
    />
  );
}
