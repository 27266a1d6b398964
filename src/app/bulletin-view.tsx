/**
 * Wires the 通报 view into the shell: the dataset, the district settings when the persistent store
 * has them (else the dataset's district and derived defaults), today's date, and the URL's `to`
 * month as the month to open with.
 */
import type { PersistentSnapshot } from '../store/persist-types';
import type { DataSnapshot } from '../store/types';
import { BulletinView, type BulletinDefaults } from '../features/bulletin/bulletin-view';
import { todayLocal } from './clock';
import type { ViewContext, ViewDef } from './views';

/** The saved settings when the snapshot carries them (persistent store), else null. */
function settingsOf(snapshot: DataSnapshot): BulletinDefaults | null {
  const s = (snapshot as Partial<PersistentSnapshot>).settings;
  return s ? { districtName: s.districtName, issuingOffice: s.issuingOffice, dueDay: s.dueDay } : null;
}

function BulletinAppView({ snapshot, state }: ViewContext) {
  return (
    <BulletinView
      dataset={snapshot.dataset}
      settings={settingsOf(snapshot)}
      today={todayLocal()}
      initialMonth={state.to}
    />
  );
}

/** The 通报 tab. */
export const bulletinViewDef: ViewDef = {
  id: 'bulletin',
  labelKey: 'exportui.nav.bulletin',
  render: (ctx) => <BulletinAppView {...ctx} />,
};
