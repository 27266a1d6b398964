/**
 * A minimal reader of Compound File Binary containers ([MS-CFB]: .doc, .xls, encrypted Office
 * files): the top-level streams by name. Our own instead of the `cfb` package because cfb's UMD
 * footer only exports when `require` exists, so in the Vite browser/worker bundle it exports
 * nothing (measured; docs/decisions/0006-report-readers.md). Every offset is bounds-checked and
 * every sector chain is cut at a loop or past the file, so a hostile file is an error value.
 */
import type { Result } from '../../domain/result';
import { err, ok } from '../../domain/result';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The streams directly under the root storage, by name. */
export function readCompoundFile(bytes: Uint8Array): Result<Map<string, Uint8Array>, string> {
  const u16 = (o: number): number => (bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8);
  const u32 = (o: number): number => (u16(o) + u16(o + 2) * 0x10000) >>> 0;
  if (bytes.length < 512 || !SIGNATURE.every((b, i) => bytes[i] === b)) return err('not a compound file');
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) return err(`bad sector size 2^${shift}`);
  const ssz = 1 << shift;
  const msz = 1 << u16(0x20);
  const cutoff = u32(0x38);
  const sectors = Math.floor((bytes.length - ssz) / ssz) + 1;
  const sector = (n: number): Uint8Array | null => {
    const off = (n + 1) * ssz;
    return n < sectors && off < bytes.length ? bytes.subarray(off, Math.min(off + ssz, bytes.length)) : null;
  };
  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s === FREE || s === END_OF_CHAIN) break;
    fatSectors.push(s);
  }
  let difat = u32(0x44);
  const seenDifat = new Set<number>();
  while (difat !== END_OF_CHAIN && difat !== FREE && !seenDifat.has(difat)) {
    seenDifat.add(difat);
    const s = sector(difat);
    if (!s) return err('DIFAT past the end of the file');
    const base = (difat + 1) * ssz;
    for (let i = 0; i < ssz / 4 - 1; i++) {
      const f = u32(base + i * 4);
      if (f !== FREE && f !== END_OF_CHAIN) fatSectors.push(f);
    }
    difat = u32(base + ssz - 4);
  }
  const fat: number[] = [];
  for (const f of fatSectors) {
    if (!sector(f)) return err('FAT past the end of the file');
    const base = (f + 1) * ssz;
    for (let i = 0; i < ssz / 4; i++) fat.push(u32(base + i * 4));
  }
  const chain = (start: number, table: readonly number[], limit: number): number[] | null => {
    const out: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (s !== END_OF_CHAIN) {
      if (s === FREE || seen.has(s) || s >= table.length || out.length > limit) return null;
      seen.add(s);
      out.push(s);
      s = table[s] ?? END_OF_CHAIN;
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array | null => {
    const ids = chain(start, fat, sectors);
    if (!ids) return null;
    const out = new Uint8Array(ids.length * ssz);
    for (const [i, id] of ids.entries()) {
      const s = sector(id);
      if (!s) return null;
      out.set(s, i * ssz);
    }
    return size >= 0 ? (size <= out.length ? out.subarray(0, size) : null) : out;
  };
  const dir = readChain(u32(0x30), -1);
  if (!dir) return err('directory chain broken');
  const entry = (i: number) => {
    const o = i * 128;
    const nameLen = Math.min(u16At(dir, o + 64), 64);
    let name = '';
    for (let k = 0; k + 2 < nameLen; k += 2) name += String.fromCharCode(u16At(dir, o + k));
    return {
      name,
      type: dir[o + 66] ?? 0,
      left: u32At(dir, o + 68),
      right: u32At(dir, o + 72),
      child: u32At(dir, o + 76),
      start: u32At(dir, o + 116),
      size: u32At(dir, o + 120),
    };
  };
  const count = Math.floor(dir.length / 128);
  if (count === 0) return err('no directory');
  const root = entry(0);
  if (root.type !== 5) return err('no root entry');
  const miniStream = root.start === END_OF_CHAIN ? new Uint8Array(0) : readChain(root.start, root.size);
  const miniFatBytes = u32(0x3c) === END_OF_CHAIN ? new Uint8Array(0) : readChain(u32(0x3c), -1);
  if (!miniStream || !miniFatBytes) return err('mini stream broken');
  const miniFat: number[] = [];
  for (let i = 0; i + 4 <= miniFatBytes.length; i += 4) miniFat.push(u32At(miniFatBytes, i));
  const readMini = (start: number, size: number): Uint8Array | null => {
    const ids = chain(start, miniFat, miniFat.length);
    if (!ids) return null;
    const out = new Uint8Array(ids.length * msz);
    for (const [i, id] of ids.entries()) {
      if ((id + 1) * msz > miniStream.length) return null;
      out.set(miniStream.subarray(id * msz, (id + 1) * msz), i * msz);
    }
    return size <= out.length ? out.subarray(0, size) : null;
  };
  const streams = new Map<string, Uint8Array>();
  const stack = [root.child];
  const visited = new Set<number>();
  while (stack.length > 0) {
    const i = stack.pop() ?? FREE;
    if (i === FREE || i >= count || visited.has(i)) continue;
    visited.add(i);
    const e = entry(i);
    stack.push(e.left, e.right);
    if (e.type !== 2) continue;
    const data = e.size === 0 ? new Uint8Array(0) : e.size < cutoff ? readMini(e.start, e.size) : readChain(e.start, e.size);
    if (!data) return err(`stream ${e.name} broken`);
    streams.set(e.name, data);
  }
  return ok(streams);
}

const u16At = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32At = (b: Uint8Array, o: number): number => (u16At(b, o) + u16At(b, o + 2) * 0x10000) >>> 0;
