import type { ReactNode } from 'react';
import { useT } from './i18n-provider';

/** A calm "nothing here" panel with an optional action (e.g. clear filters). */
export function EmptyState({
  title,
  message,
  action,
}: {
  title?: string;
  message?: string;
  action?: ReactNode;
}) {
  const t = useT();
  return (
    <div className="empty-state" role="status">
      <p className="empty-state__title">{title ?? t('common.emptyTitle')}</p>
      {message ? <p className="empty-state__message">{message}</p> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
