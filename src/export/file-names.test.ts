import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_BASE_NAME_LENGTH, sanitizeFileNamePart } from './file-names';

describe('sanitizeFileNamePart', () => {
  it.each([
    ['各乡镇隐患整改率', '各乡镇隐患整改率'],
    ['../../x', 'x'],
    ['x/', 'x'],
    ['__proto__', '__proto__'],
    ['城关镇/东关', '城关镇_东关'],
    ['a\\b:c*d?e"f<g>h|i', 'a_b_c_d_e_f_g_h_i'],
    ['.hidden', 'hidden'],
    ['...', '未命名'],
    ['', '未命名'],
    ['   ', '未命名'],
    ['//', '未命名'],
    ['CON', '_CON'],
    ['nul', '_nul'],
    ['COM1', '_COM1'],
    ['lpt9', '_lpt9'],
    ['CON.txt', '_CON.txt'],
    ['CONSOLE', 'CONSOLE'],
    ['报告 ', '报告'],
    ['报告.', '报告'],
    ['换\n行\t表', '换 行 表'],
    ['报告\u202Egnp.exe', '报告gnp.exe'],
    ['零\u0000字节', '零_字节'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileNamePart(input)).toBe(expected);
  });

  it('caps the length in code points without splitting a character', () => {
    const long = '隐'.repeat(200);
    expect([...sanitizeFileNamePart(long)]).toHaveLength(MAX_BASE_NAME_LENGTH);
    expect(sanitizeFileNamePart('😀'.repeat(100), 5)).toBe('😀'.repeat(5));
  });
});

describe('exportFileName', () => {
  it.each([
    [{ period: '2024-03', title: '各乡镇隐患整改率', ext: 'png' }, '2024年03月_各乡镇隐患整改率.png'],
    [
      { period: { from: '2024-01', to: '2024-03' }, title: '排查隐患', ext: 'csv' },
      '2024年01月-2024年03月_排查隐患.csv',
    ],
    [
      { period: { from: '2024-03', to: '2024-03' }, title: '排查隐患', ext: 'csv' },
      '2024年03月_排查隐患.csv',
    ],
    [
      { period: '2024-03', township: '../../城关镇/东关', title: '趋势', ext: 'svg' },
      '2024年03月_城关镇_东关_趋势.svg',
    ],
    [{ title: 'CON', ext: 'xlsx' }, '_CON.xlsx'],
    [{ title: '月报', ext: '.PNG' }, '月报.png'],
    [{ title: '月报', ext: 'p/n g' }, '月报.bin'],
  ])('%j → %s', (parts, expected) => {
    expect(exportFileName(parts)).toBe(expected);
  });

  it('keeps the extension when the title is very long', () => {
    const name = exportFileName({ period: '2024-03', title: '很长的标题'.repeat(50), ext: 'png' });
    expect(name.endsWith('.png')).toBe(true);
    expect([...name.slice(0, -4)].length).toBeLessThanOrEqual(MAX_BASE_NAME_LENGTH);
    expect(name.startsWith('2024年03月_很长的标题')).toBe(true);
  });
});
