// One source as the user named it (a file, an http(s) address, or `-` for stdin) → its articles.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeText } from './decode.js';
import {
  DEFAULT_LIMITS,
  fetchSource,
  isWebAddress,
  sizeLabel,
  type FetchLimits,
} from './fetch-source.js';
import { importFeed, type FeedEntry } from './feed.js';
import { importHtmlPage } from './html-page.js';
import { importMarkdown } from './markdown-source.js';
import { sniffKind } from './sniff.js';
import { importTextScrape } from './text-scrape.js';
import { ImportError, type SourceInput, type SourceKind } from './types.js';

export interface SourceResult {
  kind: SourceKind;
  /** The feed's title, for a feed. */
  feedTitle: string | null;
  /** How many articles the source holds (a feed's entries; else one). */
  count: number;
  /** Makes article `index`, or says why it cannot be one. */
  entry: (index: number) => FeedEntry;
}

/** Every article of a source at once (for tests and small sources). */
export function entriesOf(result: SourceResult): FeedEntry[] {
  return Array.from({ length: result.count }, (_, index) => result.entry(index));
}

export interface ReadOptions {
  limits?: FetchLimits;
  /** Reads all of stdin (given by the caller, so tests and the reader can supply their own). */
  stdin?: () => Promise<Uint8Array>;
  onProgress?: (received: number, total: number | null) => void;
}

/** Reads a local file, refusing what is not a regular file or is over the size limit. */
function readFile(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be read (${code})`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ImportError('a folder, not a file');
    if (!stat.isFile()) throw new ImportError('not a regular file');
    if (stat.size > maxBytes) throw new ImportError(`larger than ${sizeLabel(maxBytes)}`);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const got = readSync(fd, bytes, read, stat.size - read, null);
      if (got === 0) break;
      read += got;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

async function load(source: string, options: ReadOptions): Promise<SourceInput> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (source === '-') {
    if (!options.stdin) throw new ImportError('no standard input to read');
    const bytes = await options.stdin();
    if (bytes.length > limits.maxBytes) throw new ImportError('standard input is too large');
    return { source, bytes, url: null, contentType: null, fileName: null };
  }
  if (isWebAddress(source)) {
    const fetched = await fetchSource(source, limits, options.onProgress);
    return {
      source,
      bytes: fetched.bytes,
      url: fetched.url,
      contentType: fetched.contentType,
      fileName: null,
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new ImportError('only http and https addresses can be fetched');
  }
  return {
    source,
    bytes: readFile(source, limits.maxBytes),
    url: null,
    contentType: null,
    fileName: basename(source),
  };
}

/** Reads and parses one source. Throws ImportError with the reason when it cannot. */
export async function readSource(source: string, options: ReadOptions = {}): Promise<SourceResult> {
  const input = await load(source, options);
  if (input.bytes.length === 0) throw new ImportError('the source is empty');
  if (
    input.bytes.subarray(0, 8192).includes(0) &&
    !/^\xfe\xff|^\xff\xfe/.test(String.fromCharCode(...input.bytes.subarray(0, 2)))
  ) {
    throw new ImportError('binary content, not text');
  }
  const text = decodeText(input.bytes, input.contentType);
  const kind = sniffKind(text.slice(0, 4096), input);
  const one = (article: ReturnType<typeof importMarkdown>): SourceResult => ({
    kind,
    feedTitle: null,
    count: 1,
    entry: () => ({ ok: true, article }),
  });
  switch (kind) {
    case 'feed':
    case 'json-feed': {
      const feed = importFeed(text, input.url);
      return { kind, feedTitle: feed.title, count: feed.count, entry: feed.entry };
    }
    case 'html':
      return one(importHtmlPage(text, input.url));
    case 'markdown': {
      const article = importMarkdown(text, input.fileName);
      article.url ??= input.url;
      return one(article);
    }
    case 'text': {
      const article = importTextScrape(text, input.fileName);
      article.url ??= input.url;
      return one(article);
    }
  }
}
