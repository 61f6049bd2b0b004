// Bytes → text in the character set the source declares: a byte order mark first, then the HTTP header,
// then the document's own declaration (<meta charset>, the XML declaration), else UTF-8.

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/** The charset parameter of a Content-Type header. */
export function headerCharset(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** The charset a document declares in its first 2 KB (HTML meta tags or an XML declaration). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return (
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ??
    null
  );
}

function decoder(label: string | null): InstanceType<typeof TextDecoder> | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // a label the platform does not know: try the next clue
  }
}

/** Decodes a source; undecodable bytes become U+FFFD rather than failing the import. */
export function decodeText(bytes: Uint8Array, contentType: string | null = null): string {
  for (const [mark, label] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return new TextDecoder(label).decode(bytes.subarray(mark.length));
    }
  }
  const header = decoder(headerCharset(contentType));
  if (header)
    return (header.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : header).decode(bytes);
  // Pages are often saved or re-served as UTF-8 with their old declaration left in: bytes that are valid
  // UTF-8 almost never come from another character set.
  const utf8 = asUtf8(bytes);
  if (utf8 !== undefined) return utf8;
  // Not UTF-8: the declared character set, else the web's default for undeclared legacy text.
  const declared = decoder(declaredCharset(bytes));
  const legacy =
    declared && !declared.encoding.startsWith('utf-') ? declared : new TextDecoder('windows-1252');
  return legacy.decode(bytes);
}

function asUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
