// How each kind of segment looks: one table for the command line and the full-screen reader alike.
import type { Style } from './layout.js';

/** Terminal text attributes, named as Ink's <Text> props are. */
export interface TextAttributes {
  color?: 'yellow' | 'magenta' | 'cyan' | 'green' | 'blue' | 'gray';
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  dimColor?: boolean;
  strikethrough?: boolean;
}

/** The colour schemes: dark (for dark backgrounds), light, and mono (attributes only, as NO_COLOR gives). */
export const PALETTES = ['dark', 'light', 'mono'] as const;
export type Palette = (typeof PALETTES)[number];

/** Colours that fade on a light background, and what stands in for them there. */
const ON_LIGHT: Partial<Record<NonNullable<TextAttributes['color']>, TextAttributes['color']>> = {
  yellow: 'magenta',
  magenta: 'blue',
  cyan: 'blue',
};

/**
 * The attributes of a styled segment. Quotations are coloured and italic, headings bold. Without colour
 * (`color` false, or the mono palette) quotations are also underlined, so that they stay apart from emphasis,
 * which is italic. `true` is the dark palette.
 */
export function attributesOf(style: Style, palette: boolean | Palette = true): TextAttributes {
  const color = palette !== false && palette !== 'mono';
  const attributes: TextAttributes = {};
  switch (style.role) {
    case 'title':
      attributes.bold = true;
      break;
    case 'heading':
      attributes.bold = true;
      attributes.underline = (style.level ?? 1) <= 2;
      break;
    case 'byline':
    case 'rule':
      attributes.dimColor = true;
      break;
    case 'bio':
      attributes.dimColor = true;
      attributes.italic = true;
      break;
    case 'bar':
      attributes.color = 'gray';
      break;
    case 'marker':
      attributes.color = 'cyan';
      break;
    case 'code':
      attributes.color = 'green';
      break;
  }
  if (style.strong) attributes.bold = true;
  if (style.emphasis) attributes.italic = true;
  if (style.strike) attributes.strikethrough = true;
  if (style.code) attributes.color = 'green';
  if (style.image || style.linkNumber !== undefined) attributes.dimColor = true;
  if (style.link) {
    attributes.underline = true;
    attributes.color = 'blue';
  }
  if (style.quote) {
    attributes.italic = true;
    attributes.color = style.quote > 1 ? 'magenta' : 'yellow';
    if (!color) attributes.underline = true;
  }
  if (!color) delete attributes.color;
  else if (palette === 'light' && attributes.color) {
    attributes.color = ON_LIGHT[attributes.color] ?? attributes.color;
  }
  return attributes;
}

/** How a search match looks, over the attributes of the text it is in. */
export interface MatchLook {
  bold?: boolean;
  underline?: boolean;
  inverse?: boolean;
  color?: TextAttributes['color'];
}

/**
 * Search matches. In the reader every match is inverse, as less shows them, and the current one is bold
 * and underlined as well; in the list (title and snippet) the matched characters are bold, underlined and,
 * with colour, yellow.
 */
export function matchLook(
  mark: 'match' | 'current',
  where: 'reader' | 'list',
  palette: boolean | Palette = true,
): MatchLook {
  if (where === 'reader') {
    return mark === 'current' ? { inverse: true, bold: true, underline: true } : { inverse: true };
  }
  if (palette === false || palette === 'mono') return { bold: true, underline: true };
  return { bold: true, underline: true, color: palette === 'light' ? ON_LIGHT.yellow : 'yellow' };
}
