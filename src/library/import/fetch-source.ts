// Fetches an http(s) source: a timeout, a size limit and at most 5 redirects, each one checked again.
import { ImportError } from './types.js';

export interface FetchLimits {
  /** Milliseconds for the whole fetch, redirects and body included. */
  timeoutMs: number;
  /** Bytes of body; a larger one is refused. */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 30_000,
  maxBytes: 50 * 1024 * 1024,
  maxRedirects: 5,
};

export interface Fetched {
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

const ACCEPT =
  'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, text/markdown, text/plain;q=0.9, */*;q=0.5';

export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function fetchSource(
  address: string,
  limits: FetchLimits = DEFAULT_LIMITS,
  onProgress?: (received: number, total: number | null) => void,
): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = address;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { accept: ACCEPT, 'user-agent': 'inkwell (a terminal newsreader)' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (redirects >= limits.maxRedirects) {
          throw new ImportError(`more than ${limits.maxRedirects} redirects`);
        }
        const next = new URL(location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new ImportError(`redirected to a ${next.protocol} address`);
        }
        url = next.href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ImportError(
          `the server answered ${response.status} ${response.statusText}`.trim(),
        );
      }
      const bytes = await readBody(response, limits.maxBytes, onProgress);
      return { url, contentType: response.headers.get('content-type'), bytes };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new ImportError(`no answer within ${Math.round(limits.timeoutMs / 1000)} s`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ImportError(
      `cannot be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    );
  }
}

async function readBody(
  response: Response,
  maxBytes: number,
  onProgress?: (received: number, total: number | null) => void,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  const tooLarge = () => new ImportError(`larger than ${sizeLabel(maxBytes)}`);
  if (total !== null && total > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      // Leaving the loop cancels the stream.
      if (received > maxBytes) throw tooLarge();
      chunks.push(chunk);
      onProgress?.(received, total);
    }
  }
  return Buffer.concat(chunks, received);
}

/** 52428800 → "50 MB", 1000 → "1000 bytes". */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
