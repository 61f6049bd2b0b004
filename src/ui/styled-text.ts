// Text styled as Ink's <Text> styles it, as one string: a list row built once, instead of a React element
// and an Ink node for each of its pieces, each styled again on every frame.
import chalk from 'chalk';

/** The <Text> attributes a styled piece may have (named colours only, as the themes use). */
export interface TextLook {
  color?: string;
  dimColor?: boolean;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

type Styler = (text: string) => string;

/** `text` with the attributes of `look`, applied in the order Ink's <Text> applies them. */
export function styledText(text: string, look: TextLook): string {
  if (text === '') return text;
  let styled = text;
  if (look.dimColor) styled = chalk.dim(styled);
  if (look.color) {
    const paint = (chalk as unknown as Record<string, Styler | undefined>)[look.color];
    if (typeof paint === 'function') styled = paint(styled);
  }
  if (look.bold) styled = chalk.bold(styled);
  if (look.italic) styled = chalk.italic(styled);
  if (look.underline) styled = chalk.underline(styled);
  if (look.inverse) styled = chalk.inverse(styled);
  return styled;
}
