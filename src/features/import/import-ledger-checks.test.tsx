// @vitest-environment jsdom
/**
 * The import report shows the ledger-vs-report cross-check when a ledger is imported and the
 * monthly report is already held, and on the held report's own import report
 * (docs/decisions/0005-ledger-and-report-totals.md). Real ingest on realistic fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../ingest/ingest-file';
import { createMemoryStore } from '../../store/memory-store';
import { ImportPanel } from './import-panel';
import type { IngestRunner } from './ingest-runner';

afterEach(cleanup);

beforeAll(() => {
  // jsdom's File has no arrayBuffer(); browsers do.
  if (!('arrayBuffer' in File.prototype)) {
    Object.defineProperty(File.prototype, 'arrayBuffer', {
      value(this: File) {
        return new Promise<ArrayBuffer>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.readAsArrayBuffer(this);
        });
      },
    });
  }
});

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'ingest');
const LEDGER = 'hazard-ledger-2024-03.csv';
const REPORT = 'monthly-report-2024-03.csv';
const TODAY = '2024-04-15';
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** Runs the real ingest synchronously (the app runs the same code in a worker). */
const realRunner: IngestRunner = {
  ingest: (input) => ({
    promise: input.file.arrayBuffer().then((buf) => ({
      status: 'done',
      result: ingestBytes(new Uint8Array(buf), {
        fileName: input.fileName,
        knownTownships: input.knownTownships,
        today: TODAY,
      }),
    })),
    cancel: () => {},
  }),
};

describe('import report: ledger vs monthly report', () => {
  it('shows report 23 vs ledger 19 on both files once both are held, as a warning', async () => {
    const store = createMemoryStore();
    const report = ingestBytes(bytes(REPORT), { fileName: REPORT, knownTownships: [], today: TODAY });
    await store.addImports([{ id: 'held-report', result: report, importedAt: '2024-04-01T09:00:00+08:00' }]);
    const user = userEvent.setup();
    render(<ImportPanel store={store} runner={realRunner} now={() => '2024-04-15T09:00:00+08:00'} />);
    // Only the report is held: nothing to compare yet.
    expect(screen.queryByTestId('ledger-checks')).toBeNull();

    await user.upload(
      screen.getByTestId('file-input') as HTMLInputElement,
      new File([bytes(LEDGER)], LEDGER, { type: 'text/csv' }),
    );
    const ledgerReport = await screen.findByRole('article', { name: `导入报告：${LEDGER}` });
    const checks = within(ledgerReport).getByTestId('ledger-checks');
    expect(checks).toHaveTextContent('隐患台账与月报核对：2 处不一致');
    expect(checks).toHaveTextContent('城关镇 2024-03 月报中排查隐患 23 处，但隐患台账中该月共 19 条');
    expect(checks).toHaveTextContent('月报中已整改 20 处，但隐患台账中该月已整改/销号 15 条');
    // The ledger was imported in full: a warning, not a rejection.
    expect(store.getSnapshot().dataset.hazards).toHaveLength(26);
    const held = screen.getByRole('article', { name: `导入报告：${REPORT}` });
    expect(within(held).getByTestId('ledger-checks')).toHaveTextContent('2 处不一致');
  });
});
