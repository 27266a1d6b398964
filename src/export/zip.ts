/**
 * "Export all charts of this view" as one ZIP (fflate `zipSync`). Entry names are made safe and
 * unique; fflate sets the UTF-8 name flag for non-ASCII names, so Chinese names survive in
 * Windows Explorer and macOS Archive Utility.
 */
import { zipSync, type Zippable } from 'fflate';
import { sanitizeFileNamePart } from './file-names';

export interface ZipEntry {
  /** File name inside the archive (no folders); sanitised again here. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Extensions whose content is already compressed: stored, not deflated again. */
const STORED = new Set(['png', 'jpg', 'jpeg', 'zip', 'xlsx', 'docx', 'pdf']);

function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/**
 * Makes names safe (no path parts: zip-slip) and unique, case-insensitively as on Windows: the
 * second `图.png` becomes `图 (2).png`, the third `图 (3).png`. Order is kept; empty input gives [].
 */
export function uniqueEntryNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((raw) => {
    const [stem, ext] = splitExt(raw);
    const safeStem = sanitizeFileNamePart(stem);
    const safeExt = ext === '' ? '' : `.${sanitizeFileNamePart(ext.slice(1), 8)}`;
    let name = `${safeStem}${safeExt}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${safeStem} (${n})${safeExt}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export interface ZipOptions {
  /**
   * Modification time stamped on every entry, passed in (pure code never reads the clock).
   * Defaults to 1980-01-01, the earliest ZIP date, which keeps output byte-for-byte reproducible.
   */
  readonly modified?: Date;
}

/**
 * Zips files into one archive (bytes). Names go through {@link uniqueEntryNames}; PNG, XLSX, DOCX
 * and similar are stored without recompression, text is deflated. No entries yields a valid
 * empty archive.
 */
export function zipFiles(entries: readonly ZipEntry[], opts: ZipOptions = {}): Uint8Array {
  const mtime = opts.modified ?? new Date(1980, 0, 1);
  const names = uniqueEntryNames(entries.map((e) => e.name));
  // fflate keys entries by name, so this object's keys are the already-unique safe names; a null
  // prototype keeps a file called `__proto__.png` from touching Object.prototype.
  const files: Zippable = Object.create(null) as Zippable;
  entries.forEach((e, i) => {
    const name = names[i] as string;
    const ext = splitExt(name)[1].slice(1).toLowerCase();
    files[name] = [e.bytes, { level: STORED.has(ext) ? 0 : 6, mtime }];
  });
  return zipSync(files, { mtime });
}
