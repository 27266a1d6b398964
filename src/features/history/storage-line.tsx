/**
 * One line about where the data lives: persistent or not, usage, and the private-mode /
 * upgraded-in-another-tab warnings (docs/input-rules.md H7–H9).
 */
import { useT } from '../../components/i18n-provider';
import type { StorageStatus } from '../../store/persist-types';
import { formatSize } from './format';

/** `status` null means IndexedDB is unavailable and the app runs in memory only. */
export function StorageLine({ status }: { readonly status: StorageStatus | null }) {
  const t = useT();
  if (status === null) return <p role="alert">{t('store.storage.unavailable')}</p>;
  if (status.mode === 'version-changed') return <p role="alert">{t('store.storage.version_changed')}</p>;
  if (status.mode === 'blocked') return <p role="alert">{t('store.storage.blocked')}</p>;
  const persisted =
    status.persisted === null
      ? t('store.storage.unknown')
      : status.persisted
        ? t('store.storage.persisted')
        : t('store.storage.not_persisted');
  return (
    <p role="status">
      {persisted}
      {status.usageBytes !== null && status.quotaBytes !== null && (
        <>
          {' '}
          ·{' '}
          {t('store.storage.usage', {
            used: formatSize(status.usageBytes),
            quota: formatSize(status.quotaBytes),
          })}
        </>
      )}
    </p>
  );
}
