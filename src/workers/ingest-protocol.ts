/**
 * Messages between the UI and the ingest worker. Plain structured-cloneable data only: the
 * worker receives the chosen File (a Blob: cloning it shares the file, no bytes are copied on the
 * main thread) and reads it with byte progress; it answers with the FileIngestResult the CLI and
 * tests get from ingestBytes, first without its records (the import report), then the records in
 * chunks of columns (docs/architecture.md, "Data flow in the browser"), and the file's SHA-256
 * for the store's duplicate-file check.
 */
import type { Township } from '../domain/records';
import type { FileIngestResult, IngestProgress } from '../ingest/types';
import type { Column } from '../domain/columns';

/**
 * Records per message when the worker hands a result to the page. One structured clone of a
 * million records froze the page for seconds; chunks arrive one task each, so the page keeps
 * drawing between them (issue 13, target 2).
 */
export const RECORD_CHUNK = 5000;

/** A request to ingest one file. */
export interface IngestRequest {
  readonly id: number;
  readonly fileName: string;
  /** The file (or bytes wrapped in a Blob); read in the worker with `stream()`. */
  readonly file: Blob;
  readonly knownTownships: readonly Township[];
  /** Today as `YYYY-MM-DD`, from the main thread (pure ingest never reads the clock). */
  readonly today: string;
}

/** Reading the file: bytes read so far of `total`. */
export interface ReadProgress {
  readonly phase: 'read';
  readonly done: number;
  readonly total: number;
}

export type WorkerProgress = IngestProgress | ReadProgress;

/** Which record list a chunk belongs to. */
export type RecordListName = 'townshipMonths' | 'hazards' | 'problems';

export type IngestResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: WorkerProgress }
  /**
   * The result with its record lists empty, posted as soon as the file is ingested, before its
   * records and its hash: the import report needs only the counts, columns and issues, while
   * hashing and handing a million records to the page take seconds (issue 13, target 2).
   */
  | {
      readonly type: 'result';
      readonly id: number;
      readonly result: FileIngestResult;
      /** How many records of each list the `records` messages that follow carry. */
      readonly records: Readonly<Record<RecordListName, number>>;
    }
  /**
   * A slice of `n` records of one list, in file order, as columns (domain/columns.ts: text
   * repeated across records, such as townships, months, sectors and dates, is sent once per chunk
   * with a code per record; numbers and codes travel in transferred typed arrays). A million row
   * objects cloned one by one meant ten million strings for the page to allocate and collect.
   * All chunks come after `result`, before `done`.
   */
  | {
      readonly type: 'records';
      readonly id: number;
      readonly list: RecordListName;
      readonly n: number;
      readonly columns: readonly Column[];
    }
  /**
   * Every record of the result has been posted. With the SHA-256 of the file's bytes (null when
   * `crypto.subtle` is unavailable: plain-HTTP deployments, or the file was refused unread).
   */
  | { readonly type: 'done'; readonly id: number; readonly sha256: string | null }
  /** A programmer error inside ingest (bad data never throws; it becomes issues). */
  | { readonly type: 'failure'; readonly id: number; readonly message: string };
