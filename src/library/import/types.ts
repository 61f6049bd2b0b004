// What every importer hands back: one article's fields before it is written to the library.

/** An article as an importer found it. Text is raw here; the writer sanitizes every field. */
export interface ImportedArticle {
  title: string;
  author: string | null;
  /** ISO 8601 (a day, or a day and time). */
  date: string | null;
  source: string | null;
  url: string | null;
  bio: string | null;
  /** BCP 47 language tag from the page or feed, e.g. `ar`, `zh-TW`. */
  lang: string | null;
  /** Text direction from the page: `rtl`, `ltr`, or null when the page does not say. */
  dir: 'rtl' | 'ltr' | null;
  tags: string[];
  /** The Markdown body. */
  body: string;
}

/** What a source turned out to be, from its name, its content type and its first bytes. */
export type SourceKind = 'feed' | 'json-feed' | 'html' | 'markdown' | 'text';

/** A source read into memory, before parsing. */
export interface SourceInput {
  /** What the user typed: a path, a URL, or `-`. */
  source: string;
  bytes: Uint8Array;
  /** The final URL, for a fetched source. */
  url: string | null;
  /** The HTTP Content-Type header, for a fetched source. */
  contentType: string | null;
  /** The file name, for a file (the title of a Markdown file without a heading). */
  fileName: string | null;
}

/** An import that cannot go on: its message is the one-line reason the user is shown. */
export class ImportError extends Error {}

/** A blank article, for importers to fill in. */
export function emptyArticle(title: string, body: string): ImportedArticle {
  return {
    title,
    author: null,
    date: null,
    source: null,
    url: null,
    bio: null,
    lang: null,
    dir: null,
    tags: [],
    body,
  };
}
