import { describe, expect, it } from 'vitest';
import {
  defaultViewState,
  parseViewState,
  patchViewState,
  serializeViewState,
  type ViewState,
} from './url-state';

const VIEWS = ['data', 'overview', 'hazards'];

describe('parseViewState', () => {
  it('gives the default state for an empty query', () => {
    expect(parseViewState('', VIEWS)).toEqual(defaultViewState(VIEWS));
    expect(parseViewState('?', VIEWS).view).toBe('data');
  });

  it('reads every parameter of a valid URL', () => {
    const s = parseViewState(
      '?view=hazards&from=2022-01&to=2022-06&townships=小召乡,城关镇&sector=fireworks' +
        '&metric=hazards_found&sort=-hazards_found&cell=小召乡~2022-04&lang=en',
      VIEWS,
    );
    expect(s).toEqual<ViewState>({
      view: 'hazards',
      from: '2022-01',
      to: '2022-06',
      townships: ['小召乡', '城关镇'],
      sector: 'fireworks',
      metric: 'hazards_found',
      x: null,
      y: null,
      norm: false,
      order: null,
      n: null,
      dueDay: null,
      sort: { id: 'hazards_found', desc: true },
      cell: { township: '小召乡', period: '2022-04' },
      lang: 'en',
    });
  });

  it.each([
    ['unknown view', '?view=admin', 'view', 'data'],
    ['prototype-ish view', '?view=__proto__', 'view', 'data'],
    ['month 13', '?from=2022-13', 'from', null],
    ['a date instead of a month', '?to=2022-04-01', 'to', null],
    ['unknown sector', '?sector=nuclear', 'sector', null],
    ['unknown metric', '?metric=constructor', 'metric', null],
    ['sort id with a dot (TanStack deep path)', '?sort=a.b', 'sort', null],
    ['cell without period', '?cell=小召乡', 'cell', null],
    ['cell with a bad period', '?cell=小召乡~2022-00', 'cell', null],
    ['unsupported language', '?lang=fr', 'lang', 'zh-CN'],
    ['unknown scatter metric', '?x=__proto__', 'x', null],
    ['norm other than 1', '?norm=true', 'norm', false],
    ['unknown order', '?order=random', 'order', null],
    ['n = 0', '?n=0', 'n', null],
    ['n too large', '?n=37', 'n', null],
    ['n with a sign', '?n=%2B3', 'n', null],
    ['n in exponent form', '?n=1e1', 'n', null],
    ['due day 32', '?due=32', 'dueDay', null],
    ['due day as a decimal', '?due=2.5', 'dueDay', null],
  ] as const)('drops an invalid value: %s', (_name, query, key, expected) => {
    expect(parseViewState(query, VIEWS)[key]).toEqual(expected);
  });

  it('drops a reversed month range instead of showing nothing', () => {
    const s = parseViewState('?from=2022-06&to=2022-01', VIEWS);
    expect([s.from, s.to]).toEqual([null, null]);
  });

  it('cleans the township list: blanks, duplicates, control characters, overlong names', () => {
    const long = '镇'.repeat(65);
    const s = parseViewState(
      `?townships=${encodeURIComponent(` 小召乡 ,,小召乡,a\u0001b,${long},城关镇`)}`,
      VIEWS,
    );
    expect(s.townships).toEqual(['小召乡', '城关镇']);
  });

  it('ignores unknown parameters', () => {
    expect(parseViewState('?foo=1&src=http://evil.example/x.csv', VIEWS)).toEqual(defaultViewState(VIEWS));
  });
});

describe('serializeViewState', () => {
  it('omits defaults', () => {
    expect(serializeViewState(defaultViewState(VIEWS), VIEWS)).toBe('');
  });

  it.each([
    ['?view=hazards'],
    ['?from=2022-01&to=2022-06'],
    ['?townships=%E5%B0%8F%E5%8F%AC%E4%B9%A1%2C%E5%9F%8E%E5%85%B3%E9%95%87&lang=en'],
    ['?sort=-hazards_found'],
    ['?sort=township'],
    ['?sector=fireworks&metric=trainings_held'],
    ['?cell=%E5%B0%8F%E5%8F%AC%E4%B9%A1%7E2022-04'],
    ['?metric=rectification_rate'],
    ['?x=hazards_per_100_units&y=rectification_rate&norm=1&order=official'],
    ['?n=6&due=20'],
  ])('round-trips %s', (query) => {
    const parsed = parseViewState(query, VIEWS);
    expect(serializeViewState(parsed, VIEWS)).toBe(query);
  });

  it('round-trips a full state through parse', () => {
    const state: ViewState = {
      view: 'overview',
      from: '2021-12',
      to: '2022-04',
      townships: ['城关街道', '小召乡'],
      sector: 'hazchem',
      metric: 'fines_10k_yuan',
      x: 'hazards_per_100_units',
      y: 'rectification_rate',
      norm: true,
      order: 'asc',
      n: 6,
      dueDay: 20,
      sort: { id: 'period', desc: false },
      cell: { township: '城关街道', period: '2022-01' },
      lang: 'en',
    };
    expect(parseViewState(serializeViewState(state, VIEWS), VIEWS)).toEqual(state);
  });
});

describe('patchViewState', () => {
  const base = { ...defaultViewState(VIEWS), cell: { township: '小召乡', period: '2022-04' } };

  it('clears the selected cell when the view changes', () => {
    expect(patchViewState(base, { view: 'hazards' }).cell).toBeNull();
  });

  it('keeps the cell for other changes', () => {
    expect(patchViewState(base, { lang: 'en' }).cell).toEqual(base.cell);
  });
});

describe('the ranking window and the page (issue 13: views at city size)', () => {
  it('reads and writes rank and page', () => {
    const s = parseViewState('?view=hazards&rank=bottom10&page=4', VIEWS);
    expect(s.rank).toEqual({ kind: 'bottom', n: 10 });
    expect(s.page).toBe(4);
    expect(serializeViewState(s, VIEWS)).toBe('?view=hazards&rank=bottom10&page=4');
    expect(parseViewState('?rank=all', VIEWS).rank).toEqual({ kind: 'all' });
  });

  it.each([
    ['rank=top0'],
    ['rank=top'],
    ['rank=middle10'],
    ['rank=top12345'],
    ['rank=TOP10'],
    ['page=0'],
    ['page=-1'],
    ['page=1.5'],
    ['page=1e3'],
    ['page=123456'],
    ['page='],
  ])('drops an invalid value: %s', (q) => {
    const s = parseViewState(`?${q}`, VIEWS);
    expect(s.rank).toBeUndefined();
    expect(s.page).toBeUndefined();
    expect(serializeViewState(s, VIEWS)).toBe('');
  });

  const on = (query: string) => parseViewState(query, VIEWS);

  it('a changed view clears rank and page, which belong to that view’s charts', () => {
    const next = patchViewState(on('?view=hazards&rank=top50&page=3'), { view: 'overview' });
    expect(serializeViewState(next, VIEWS)).toBe('?view=overview');
  });

  it('a changed township filter clears the page but keeps the ranking window', () => {
    const next = patchViewState(on('?view=hazards&rank=top50&page=3'), { townships: ['小召乡'] });
    expect(next.page).toBeUndefined();
    expect(next.rank).toEqual({ kind: 'top', n: 50 });
    // The same filter again is no change.
    const same = on('?view=hazards&townships=小召乡&page=3');
    expect(patchViewState(same, { townships: ['小召乡'] }).page).toBe(3);
  });

  it('selecting a cell of another township clears the page, so the charts turn to it', () => {
    const s = on('?view=hazards&page=3&cell=小召乡~2022-04');
    expect(patchViewState(s, { cell: { township: '城关镇', period: '2022-04' } }).page).toBeUndefined();
    // Another month of the same township, or closing the panel, keeps the page.
    expect(patchViewState(s, { cell: { township: '小召乡', period: '2022-05' } }).page).toBe(3);
    expect(patchViewState(s, { cell: null }).page).toBe(3);
    // A patch that names the page wins.
    expect(patchViewState(s, { cell: { township: '城关镇', period: '2022-04' }, page: 2 }).page).toBe(2);
  });

  it('other changes keep both', () => {
    const next = patchViewState(on('?view=hazards&rank=all&page=2'), { metric: 'hazards_rectified' });
    expect(next.rank).toEqual({ kind: 'all' });
    expect(next.page).toBe(2);
  });
});
