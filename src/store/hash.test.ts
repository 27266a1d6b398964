import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex, toHex } from './hash';
import { sha256Sync } from './sha256-js';

const sha256HexSync = (bytes: Uint8Array): string => toHex(sha256Sync(bytes));

const enc = (s: string) => new TextEncoder().encode(s);
const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['abc', enc('abc')],
    ['55 bytes (padding edge)', new Uint8Array(55).fill(0x61)],
    ['56 bytes (padding edge)', new Uint8Array(56).fill(0x61)],
    ['64 bytes', new Uint8Array(64).fill(0xff)],
    ['Chinese CSV', enc('乡镇（街道）,月份,排查隐患\n小召乡,2022-04,12\n')],
    ['1000 varied bytes', Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 256)],
  ])('JS fallback matches node:crypto for %s', (_l, bytes) => {
    expect(sha256HexSync(bytes)).toBe(nodeSha(bytes));
  });

  it('the async version agrees with the fallback', async () => {
    const b = enc('小召乡安全生产工作月报告');
    expect(await sha256Hex(b)).toBe(sha256HexSync(b));
  });

  afterEach(() => vi.unstubAllGlobals());

  it('without crypto.subtle (plain-HTTP intranet), loads the JS implementation and gives the same digest', async () => {
    vi.stubGlobal('crypto', {});
    const b = enc('乡镇（街道）,月份,排查隐患\n小召乡,2022-04,12\n');
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await sha256Hex(b)).toBe(nodeSha(b));
  });
});
