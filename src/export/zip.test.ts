import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { uniqueEntryNames, zipFiles } from './zip';

describe('uniqueEntryNames', () => {
  it.each([
    [
      ['图.png', '图.png', '图.png'],
      ['图.png', '图 (2).png', '图 (3).png'],
    ],
    [
      ['a.PNG', 'A.png'],
      ['a.PNG', 'A (2).png'],
    ],
    [
      ['../evil.csv', 'sub/dir.csv'],
      ['evil.csv', 'sub_dir.csv'],
    ],
    [
      ['无扩展名', '无扩展名'],
      ['无扩展名', '无扩展名 (2)'],
    ],
    [[], []],
  ])('%j → %j', (input, expected) => {
    expect(uniqueEntryNames(input)).toEqual(expected);
  });
});

describe('zipFiles', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  it('round-trips entries with Chinese names and keeps every duplicate', () => {
    const zip = zipFiles([
      { name: '2024年03月_各乡镇隐患整改率.png', bytes: png },
      { name: '2024年03月_各乡镇隐患整改率.png', bytes: strToU8('second') },
      { name: '数据.csv', bytes: strToU8('乡镇,隐患\r\n小召乡,12\r\n') },
      { name: '__proto__.png', bytes: png },
    ]);
    const out = unzipSync(zip);
    expect(Object.keys(out).sort()).toEqual(
      [
        '2024年03月_各乡镇隐患整改率.png',
        '2024年03月_各乡镇隐患整改率 (2).png',
        '数据.csv',
        '__proto__.png',
      ].sort(),
    );
    expect([...(out['2024年03月_各乡镇隐患整改率.png'] ?? [])]).toEqual([...png]);
    expect(strFromU8(out['2024年03月_各乡镇隐患整改率 (2).png'] ?? new Uint8Array())).toBe('second');
    expect(strFromU8(out['数据.csv'] ?? new Uint8Array())).toBe('乡镇,隐患\r\n小召乡,12\r\n');
    expect(({} as Record<string, unknown>).length).toBeUndefined();
  });

  it('sets the UTF-8 name flag (bit 11) on non-ASCII names', () => {
    const zip = zipFiles([{ name: '图.png', bytes: png }]);
    // Local file header: signature PK\3\4, version (2 bytes), then the general-purpose flag.
    const flag = (zip[6] ?? 0) | ((zip[7] ?? 0) << 8);
    expect(flag & 0x0800).toBe(0x0800);
  });

  it('is reproducible for the same input and time', () => {
    const entries = [{ name: 'a.csv', bytes: strToU8('x') }];
    const modified = new Date(2024, 3, 2, 9, 30);
    expect(zipFiles(entries, { modified })).toEqual(zipFiles(entries, { modified }));
  });

  it('makes a valid empty archive', () => {
    expect(Object.keys(unzipSync(zipFiles([])))).toEqual([]);
  });
});
