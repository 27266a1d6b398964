// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelDecision } from '../../analysis/problems/model-decisions';
import type { CategoryCode } from '../../analysis/problems/types';
import { I18nProvider } from '../../components/i18n-provider';
import type { ClassifierSnapshot } from './classifier-controller';
import { createProblemEditsController } from './problem-edits-controller';
import { createMemoryEditsRepository } from './problem-edits-repository';
import { ProblemsView } from './problems-view';
import { ENTERPRISE, problemsDataset, STAFF, TRAINING, UNEVEN } from './test-data';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="echarts" /> }));
afterEach(cleanup);

const d = (category: CategoryCode, p: number, second: CategoryCode): ModelDecision => ({
  category,
  confidence: p,
  top: [
    { category, probability: p },
    { category: second, probability: 1 - p - 0.05 },
    { category: 'P99', probability: 0.05 },
  ],
});

/** The model is sure about three wordings and unsure about the staff one (P03 vs P02). */
const ready: ClassifierSnapshot = {
  status: 'ready',
  learnt: 0,
  loadMs: 10,
  decisions: new Map([
    [ENTERPRISE, d('P01', 0.95, 'P05')],
    [UNEVEN, d('P02', 0.9, 'P01')],
    [TRAINING, d('P06', 0.9, 'P08')],
    [STAFF, d('P03', 0.5, 'P02')],
  ]),
};

function setup(classifier: ClassifierSnapshot) {
  const controller = createProblemEditsController(createMemoryEditsRepository());
  render(
    <I18nProvider lang="zh-CN">
      <ProblemsView
        dataset={problemsDataset()}
        controller={controller}
        classifier={classifier}
        filters={{ from: null, to: null, townships: [] }}
        category={null}
        timelineTownship={null}
        onTownshipsChange={() => {}}
        onCategoryChange={() => {}}
        onTimelineTownshipChange={() => {}}
      />
    </I18nProvider>,
  );
  return controller;
}

describe('ProblemsView: 待确认 queue', () => {
  it('lists the unsure statements with confidence and alternatives; one click confirms and teaches', async () => {
    const controller = setup(ready);
    const queue = screen.getByTestId('confirm-queue');
    expect(within(queue).getByRole('heading').textContent).toBe('待确认（3条）');
    expect(screen.getByTestId('chronic-unconfirmed').textContent).toBe('另有3条待确认，未计入。');
    const first = within(queue).getAllByTestId('problem-statement')[0]!;
    expect(within(first).getByTestId('statement-confidence').textContent).toContain('置信度 50%');
    const buttons = within(first).getAllByTestId('confirm-category');
    expect(buttons.map((b) => b.textContent)).toEqual([
      '确认为：基层监管力量薄弱、业务素质不足',
      '确认为：属地/部门责任落实不平衡',
    ]);
    await userEvent.click(buttons[1]!);
    expect(within(queue).getByRole('heading').textContent).toBe('待确认（2条）');
    expect(screen.getByTestId('model-learnt').textContent).toContain('1条');
    const edits = controller.getSnapshot().edits;
    expect([...edits.learnt!.values()]).toEqual([{ text: STAFF, category: 'P02' }]);
    expect([...edits.reassign.values()]).toEqual(['P02']);
  });

  it('says the categories are provisional while the model loads, and queues nothing', () => {
    setup({ status: 'loading', decisions: null, learnt: 0, loadMs: null });
    expect(screen.getByTestId('model-status').textContent).toContain('分类模型加载中');
    // Nothing waits, so the queue starts closed; its toggle still says so.
    expect(screen.queryByTestId('confirm-queue')).toBeNull();
    expect(screen.getByTestId('queue-toggle').textContent).toBe('待确认（0）');
    expect(screen.getByTestId('queue-toggle').getAttribute('aria-expanded')).toBe('false');
  });
});
