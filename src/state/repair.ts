// What can be read from a JSON file cut short (a full disk, a crash in a writer that is not atomic): the
// longest prefix that ends after a complete member, closed with the brackets still open.

/** How many cut points are tried, from the end: enough for any cut, bounded for a huge file. */
const MAX_TRIES = 64;

/** The parsed value of the repaired text, or undefined when nothing could be made of it. */
export function parseTruncated(text: string): unknown {
  const cuts: { at: number; closers: string }[] = [];
  const stack: string[] = [];
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (inString) {
      if (char === '\\') at += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') stack.push('}');
    else if (char === '[') stack.push(']');
    else if (char === '}' || char === ']') {
      stack.pop();
      cuts.push({ at: at + 1, closers: [...stack].reverse().join('') });
    } else if (char === ',') {
      cuts.push({ at, closers: [...stack].reverse().join('') });
    }
  }
  for (const { at, closers } of cuts.slice(-MAX_TRIES).reverse()) {
    try {
      return JSON.parse(text.slice(0, at) + closers);
    } catch {
      // A cut inside a member ("key": without its value): try an earlier one.
    }
  }
  return undefined;
}
