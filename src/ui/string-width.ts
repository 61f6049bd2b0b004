// string-width as Ink sees it: the build hands Ink this module instead of the package. Ink measures every
// line of every frame, and the package segments any line holding a curly quote or a dash into graphemes
// (slow on Node 20); the core's measure gives the same answer from cached widths.
import { packageWidth, textWidth } from '../core/text-width.js';

type Options = Parameters<typeof packageWidth>[1];

/** SGR styles and OSC 8 links, the escape sequences Ink writes into the text it measures. */
const STYLES_AND_LINKS = /\x1b\[[0-9;:]*m|\x1b\]8;[^\x07\x1b]*(?:\x07|\x1b\\)/g;

export default function inkStringWidth(text: string, options?: Options): number {
  if (options !== undefined || typeof text !== 'string') return packageWidth(text, options);
  const plain = text.includes('\x1b') ? text.replace(STYLES_AND_LINKS, '') : text;
  // Any other escape sequence: the package knows what to make of it.
  return /[\x1b\x9b]/.test(plain) ? packageWidth(text) : textWidth(plain);
}
