// The library cache's file format: columns, not one object per file. Every text field of every article is
// one string, cut by a table of offsets; numbers are typed arrays. v8 reads that back as a handful of
// values instead of a million, and the whole is checked in a few passes before any of it is believed.
import { deserialize, serialize } from 'node:v8';
import type { ArticleMeta } from '../core/article.js';
import { measureList, type ListMeasures } from '../core/list-rows.js';
import type { Listing, LoadWarning } from './walk.js';

/** Bumped whenever what is cached, or how an article is parsed, changes: an older cache is rebuilt. */
export const CACHE_VERSION = 3;
const FORMAT = 'inkwell library cache';
/** Stored for a time not to be trusted: no file or folder has it. */
export const UNTRUSTED = -2;

/** A file as cached: its article's fields (none when it was skipped) and its warnings. */
export interface CacheEntry {
  path: string;
  size: number;
  mtimeMs: number;
  meta: ArticleMeta | null;
  warnings: string[];
}

/** What a cache holds, to be written. */
export interface CacheContents {
  folders: string;
  listings: ReadonlyMap<string, Listing>;
  entries: readonly CacheEntry[];
  /** The entries (by index) shown, newest first. */
  order: readonly number[];
  /** Warnings of id clashes, and the walk's own (folders missing, links not followed). */
  clashes: LoadWarning[];
  walkWarnings: LoadWarning[];
}

/** The text fields of an article in the order they are stored; tags follow, one string each. */
const TEXTS = ['id', 'title', 'author', 'date', 'source', 'url', 'bio'] as const;
/** Which of the text fields may be null: a bit each in the entry's mask. */
const NULLABLE = ['author', 'date', 'source', 'url', 'bio'] as const;
/** The mask of an entry whose file was skipped (no article). */
const SKIPPED = 0x80;

interface FileShape {
  format: string;
  version: number;
  folders: string;
  /** Per folder: its path, time, entry names joined by '/' (which no name holds), kinds. */
  listings: Array<[string, number, string, Uint8Array]>;
  text: string;
  /** Where each string of `text` ends. */
  ends: Uint32Array;
  /** Per entry, the index of its first string; one more at the end. */
  first: Uint32Array;
  masks: Uint8Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  words: Uint32Array;
  minutes: Uint32Array;
  /** Every path, one after the other, and where each ends. Not checked for controls: it is from the disk. */
  paths: string;
  pathEnds: Uint32Array;
  warnings: Array<[number, string[]]>;
  order: Uint32Array;
  /** The list's widest cells (date, byline, reading time): its columns fit without measuring each row. */
  measures: [number, number, number];
  clashes: LoadWarning[];
  walkWarnings: LoadWarning[];
}

/** The cache file's bytes. */
export function encodeCache(contents: CacheContents): Buffer {
  const { entries } = contents;
  const count = entries.length;
  const strings: string[] = [];
  const ends: number[] = [];
  let length = 0;
  const push = (value: string) => {
    strings.push(value);
    length += value.length;
    ends.push(length);
  };
  const first = new Uint32Array(count + 1);
  const masks = new Uint8Array(count);
  const sizes = new Float64Array(count);
  const mtimes = new Float64Array(count);
  const words = new Uint32Array(count);
  const minutes = new Uint32Array(count);
  const pathEnds = new Uint32Array(count);
  const paths: string[] = [];
  const warnings: Array<[number, string[]]> = [];
  let pathLength = 0;
  entries.forEach(({ path, size, mtimeMs, meta, warnings: messages }, at) => {
    first[at] = ends.length;
    sizes[at] = size;
    mtimes[at] = mtimeMs;
    paths.push(path);
    pathLength += path.length;
    pathEnds[at] = pathLength;
    if (messages.length > 0) warnings.push([at, messages]);
    if (!meta) {
      masks[at] = SKIPPED;
      return;
    }
    let mask = 0;
    NULLABLE.forEach((field, bit) => {
      if (meta[field] === null) mask |= 1 << bit;
    });
    masks[at] = mask;
    for (const field of TEXTS) push(meta[field] ?? '');
    for (const tag of meta.tags) push(tag);
    words[at] = meta.words;
    minutes[at] = meta.readingMinutes;
  });
  first[count] = ends.length;
  const file: FileShape = {
    format: FORMAT,
    version: CACHE_VERSION,
    folders: contents.folders,
    listings: [...contents.listings].map(([dir, { mtimeMs, names, kinds }]) => [
      dir,
      mtimeMs,
      names.join('/'),
      Uint8Array.from(kinds),
    ]),
    text: strings.join(''),
    ends: Uint32Array.from(ends),
    first,
    masks,
    sizes,
    mtimes,
    words,
    minutes,
    paths: paths.join(''),
    pathEnds,
    warnings,
    order: Uint32Array.from(contents.order),
    measures: measuresOf(contents),
    clashes: contents.clashes,
    walkWarnings: contents.walkWarnings,
  };
  return serialize(file);
}

function measuresOf({ entries, order }: CacheContents): [number, number, number] {
  const { date, by, time } = measureList(order.map((at) => entries[at]!.meta!));
  return [date, by, time];
}

/** Why a cache's bytes were not used. */
export type DecodeResult = { ok: true; cache: CachedFiles } | { ok: false; reason: string };

class Corrupt extends Error {}
function check(condition: boolean): asserts condition {
  if (!condition) throw new Corrupt();
}

/** Characters a sanitized line never holds: a cache holding them was not written by inkwell. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const isTime = (value: number) => value === UNTRUSTED || Number.isFinite(value);

/** The cache from its bytes, checked whole; any doubt and it is not used. */
export function decodeCache(bytes: Buffer, folders: string): DecodeResult {
  let raw: unknown;
  try {
    raw = deserialize(bytes);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const file = raw as Partial<FileShape> | null;
  if (!file || typeof file !== 'object' || file.format !== FORMAT) {
    return { ok: false, reason: 'corrupt' };
  }
  if (file.version !== CACHE_VERSION) return { ok: false, reason: 'another version' };
  if (file.folders !== folders) return { ok: false, reason: 'other folders' };
  try {
    return { ok: true, cache: new CachedFiles(ownColumns(checked(file))) };
  } catch (error) {
    if (error instanceof Corrupt || error instanceof TypeError) {
      return { ok: false, reason: 'corrupt' };
    }
    throw error;
  }
}

/**
 * The file's typed columns copied out of the bytes read: v8 hands them back as views of the file's
 * buffer, which they would keep whole (~3 MB at 10,000 articles, its strings copied out already) for as
 * long as the reader runs.
 */
function ownColumns(file: FileShape): FileShape {
  const { ends, first, masks, sizes, mtimes, words, minutes, pathEnds, order } = file;
  return {
    ...file,
    listings: file.listings.map(([dir, mtimeMs, names, kinds]) => [
      dir,
      mtimeMs,
      names,
      kinds.slice(),
    ]),
    ends: ends.slice(),
    first: first.slice(),
    masks: masks.slice(),
    sizes: sizes.slice(),
    mtimes: mtimes.slice(),
    words: words.slice(),
    minutes: minutes.slice(),
    pathEnds: pathEnds.slice(),
    order: order.slice(),
  };
}

/** Ends that never go back and stop at the text's end. */
function checkEnds(ends: Uint32Array, length: number): void {
  let last = 0;
  for (let at = 0; at < ends.length; at++) {
    check(ends[at]! >= last);
    last = ends[at]!;
  }
  check(last === length);
}

function checked(file: Partial<FileShape>): FileShape {
  const { listings, text, ends, first, masks, sizes, mtimes, words, minutes } = file;
  const { paths, pathEnds, warnings, order, measures, clashes, walkWarnings } = file;
  check(Array.isArray(listings) && Array.isArray(warnings) && Array.isArray(clashes));
  check(Array.isArray(walkWarnings) && typeof text === 'string' && typeof paths === 'string');
  check(ends instanceof Uint32Array && first instanceof Uint32Array);
  check(masks instanceof Uint8Array && sizes instanceof Float64Array);
  check(mtimes instanceof Float64Array && words instanceof Uint32Array);
  check(minutes instanceof Uint32Array && pathEnds instanceof Uint32Array);
  check(order instanceof Uint32Array && Array.isArray(measures) && measures.length === 3);
  check(measures.every((width) => Number.isInteger(width) && width >= 0 && width < 1e6));
  const count = masks.length;
  check(first.length === count + 1 && first[0] === 0 && first[count] === ends.length);
  for (const column of [sizes, mtimes, words, minutes, pathEnds]) check(column.length === count);
  check(!UNSAFE.test(text));
  checkEnds(ends, text.length);
  checkEnds(pathEnds, paths.length);
  for (let at = 0; at < count; at++) {
    const strings = first[at + 1]! - first[at]!;
    if (masks[at] === SKIPPED) {
      check(strings === 0);
      continue;
    }
    check(masks[at]! < 1 << NULLABLE.length && strings >= TEXTS.length);
    // An article always has an id and a title.
    const at0 = first[at]!;
    check(ends[at0]! > (at0 === 0 ? 0 : ends[at0 - 1]!) && ends[at0 + 1]! > ends[at0]!);
    check(sizes[at]! >= -1 && Number.isInteger(sizes[at]!) && isTime(mtimes[at]!));
  }
  const seen = new Uint8Array(count);
  for (const at of order) {
    check(at < count && seen[at] === 0 && masks[at] !== SKIPPED);
    seen[at] = 1;
  }
  for (const entry of warnings) {
    check(Array.isArray(entry) && Number.isInteger(entry[0]) && entry[0] >= 0 && entry[0] < count);
    check(Array.isArray(entry[1]) && entry[1].every((message) => typeof message === 'string'));
  }
  for (const warning of [...clashes, ...walkWarnings]) {
    check(typeof warning?.path === 'string' && typeof warning.message === 'string');
  }
  for (const listing of listings) {
    check(Array.isArray(listing) && listing.length === 4);
    const [dir, mtimeMs, names, kinds] = listing;
    check(typeof dir === 'string' && typeof mtimeMs === 'number' && isTime(mtimeMs));
    check(typeof names === 'string' && kinds instanceof Uint8Array);
    check((kinds.length === 0 ? '' : names).split('/').length === Math.max(kinds.length, 1));
    for (const kind of kinds) check(kind < 4);
  }
  return file as FileShape;
}

/**
 * A checked cache: each file's path, size and time read from the columns as asked, and its article made
 * (once) only when asked for, so that revalidating an unchanged library builds nothing it does not show.
 */
export class CachedFiles {
  readonly count: number;
  readonly order: Uint32Array;
  readonly measures: ListMeasures;
  readonly clashes: LoadWarning[];
  readonly walkWarnings: LoadWarning[];
  readonly listings: Map<string, Listing>;
  readonly #file: FileShape;
  readonly #metas: Array<ArticleMeta | undefined>;
  readonly #warnings: Map<number, string[]>;

  constructor(file: FileShape) {
    this.#file = file;
    this.count = file.masks.length;
    this.order = file.order;
    const [date, by, time] = file.measures;
    this.measures = { date, by, time };
    this.clashes = file.clashes;
    this.walkWarnings = file.walkWarnings;
    this.#metas = new Array(this.count);
    this.#warnings = new Map(file.warnings);
    this.listings = new Map(
      file.listings.map(([dir, mtimeMs, names, kinds]) => [
        dir,
        { mtimeMs, names: kinds.length === 0 ? [] : names.split('/'), kinds: Array.from(kinds) },
      ]),
    );
  }

  path(at: number): string {
    const { paths, pathEnds } = this.#file;
    return paths.slice(at === 0 ? 0 : pathEnds[at - 1], pathEnds[at]);
  }

  /** Whether entry `at` is of `path`, without making a string of it. */
  isPath(at: number, path: string): boolean {
    const { paths, pathEnds } = this.#file;
    const start = at === 0 ? 0 : pathEnds[at - 1]!;
    return pathEnds[at]! - start === path.length && paths.startsWith(path, start);
  }

  size(at: number): number {
    return this.#file.sizes[at]!;
  }

  mtimeMs(at: number): number {
    return this.#file.mtimes[at]!;
  }

  warnings(at: number): string[] {
    return this.#warnings.get(at) ?? [];
  }

  /** Warnings of every file, in the files' order. */
  fileWarnings(): LoadWarning[] {
    const all: LoadWarning[] = [];
    for (const [at, messages] of [...this.#warnings].sort((a, b) => a[0] - b[0])) {
      const path = this.path(at);
      for (const message of messages) all.push({ path, message });
    }
    return all;
  }

  /** The article of entry `at`, made the first time it is asked for; null for a skipped file. */
  meta(at: number): ArticleMeta | null {
    const made = this.#metas[at];
    if (made) return made;
    const { text, ends, first, masks, words, minutes } = this.#file;
    if (masks[at] === SKIPPED) return null;
    const from = first[at]!;
    const to = first[at + 1]!;
    const string = (k: number) => text.slice(k === 0 ? 0 : ends[k - 1], ends[k]);
    const mask = masks[at]!;
    const nullable = (k: number, bit: number) => (mask & (1 << bit) ? null : string(from + k));
    const tags: string[] = [];
    for (let k = from + TEXTS.length; k < to; k++) tags.push(string(k));
    const meta: ArticleMeta = {
      id: string(from),
      title: string(from + 1),
      author: nullable(2, 0),
      date: nullable(3, 1),
      source: nullable(4, 2),
      url: nullable(5, 3),
      tags,
      bio: nullable(6, 4),
      words: words[at]!,
      readingMinutes: minutes[at]!,
      path: this.path(at),
      size: this.size(at),
      mtimeMs: this.mtimeMs(at),
    };
    this.#metas[at] = meta;
    return meta;
  }

  /** Entry `at` whole, as a start that changed something writes it again. */
  entry(at: number): CacheEntry {
    const meta = this.meta(at);
    return {
      path: meta?.path ?? this.path(at),
      size: this.size(at),
      mtimeMs: this.mtimeMs(at),
      meta,
      warnings: this.warnings(at),
    };
  }
}
