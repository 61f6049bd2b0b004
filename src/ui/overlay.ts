// The lists drawn over a screen (its keys, the skipped files, the article's links): their rows, made in
// one place for the reducer, which scrolls them, and the view, which draws the rows in view.
import type { ArticleLink } from '../core/links.js';
import { lineText } from '../core/layout.js';
import { sanitizeLine } from '../core/sanitize.js';
import { textWidth } from '../core/text-width.js';
import { wrap } from '../core/wrap.js';
import type { LoadWarning } from '../library/load.js';
import type { Keymap } from './key-overrides.js';
import { KEYMAP, keysLabel, type Binding, type Screen } from './keymap.js';
import { clamp, frameHeight, type Size } from './geometry.js';

export type OverlayKind = 'help' | 'warnings' | 'links';

/** Where an open overlay is: its first row in view and, for links, the link chosen and a number typed. */
export interface OverlayView {
  top: number;
  selected: number;
  digits: string;
}

export const CLOSED_VIEW: OverlayView = { top: 0, selected: 0, digits: '' };

/** What an overlay is drawn from. */
export interface OverlaySource {
  overlay: OverlayKind;
  screen: Screen;
  size: Size;
  keymap: Keymap;
  warnings: readonly LoadWarning[];
  links: readonly ArticleLink[];
}

/** An overlay's title and rows, each at most the terminal's width (rows longer than it are cut). */
export function overlayContent(source: OverlaySource): { title: string; rows: string[] } {
  switch (source.overlay) {
    case 'help':
      return helpContent(source.screen, source.keymap);
    case 'warnings':
      return warningsContent(source.warnings, source.size.columns);
    case 'links':
      return linksContent(source.links);
  }
}

/** Rows of an overlay in view: the frame less its title and the blank line under it. */
export function overlayHeight(size: Size): number {
  return Math.max(0, frameHeight(size) - 2);
}

function helpContent(screen: Screen, keymap: Keymap) {
  const bindings = keymap[screen];
  const field = KEYMAP.field;
  const keyWidth = Math.max(...[...bindings, ...field].map(keysLabel).map(textWidth));
  const row = (binding: Binding) => `  ${keysLabel(binding).padEnd(keyWidth)}   ${binding.help}`;
  return {
    title: `Keys: ${screen === 'list' ? 'the list' : 'reading'} (j/k scroll, any other key closes)`,
    rows: [
      ...bindings.map(row),
      '',
      `In the ${screen === 'list' ? 'search' : 'find'} field (other keys type):`,
      ...field.map(row),
    ],
  };
}

function warningsContent(warnings: readonly LoadWarning[], columns: number) {
  const count = warnings.length;
  const title =
    count === 0
      ? 'No files were skipped (any key closes this)'
      : `Skipped ${count} file${count === 1 ? '' : 's'} (j/k scroll, any other key closes)`;
  // Each reason is wrapped, not cut: it is what the user needs to read. Paths may hold anything.
  const rows: string[] = [];
  for (const { path, message } of warnings) {
    const lines: Parameters<typeof wrap>[5] = [];
    const text = [{ text: sanitizeLine(`${path}: ${message}`), style: {} }];
    wrap(
      text,
      Math.max(2, columns),
      [{ text: '  ', style: {} }],
      [{ text: '    ', style: {} }],
      0,
      lines,
    );
    rows.push(...lines.map(lineText));
  }
  return { title, rows };
}

function linksContent(links: readonly ArticleLink[]) {
  if (links.length === 0)
    return { title: 'This article has no links (any key closes this)', rows: [] };
  const numberWidth = String(links.length).length + 2;
  return {
    title: 'Links: a number or Enter opens one (j/k choose, any other key closes)',
    rows: links.map(
      ({ number, text, url }) =>
        `${`[${number}]`.padStart(numberWidth)} ${text ? `${text} · ` : ''}${url}`,
    ),
  };
}

/** What a key does in an overlay: scroll or choose, open a link, or close it (`null`). */
export type OverlayStep =
  { kind: 'view'; view: OverlayView } | { kind: 'open'; link: ArticleLink } | { kind: 'close' };

/** The next step of an overlay after `command` (undefined: a key of no command there, which closes it). */
export function overlayStep(
  source: OverlaySource,
  view: OverlayView,
  command: string | undefined,
  key: string,
): OverlayStep {
  const rows = overlayContent(source).rows.length;
  const height = Math.max(1, overlayHeight(source.size));
  const lastTop = Math.max(0, rows - height);
  const choosing = source.overlay === 'links';
  const moveBy = (step: number): OverlayStep =>
    choosing
      ? {
          kind: 'view',
          view: choose(view, clamp(view.selected + step, 0, rows - 1), height, lastTop, ''),
        }
      : { kind: 'view', view: { ...view, top: clamp(view.top + step, 0, lastTop) } };
  switch (command) {
    case 'down':
      return moveBy(1);
    case 'up':
      return moveBy(-1);
    case 'pageDown':
      return moveBy(height);
    case 'pageUp':
      return moveBy(-height);
    case 'pickLink': {
      if (!choosing) return { kind: 'close' };
      const digits = view.digits + key;
      const number = Number(digits);
      const link = source.links[number - 1];
      if (!link) return { kind: 'view', view: { ...view, digits: '' } };
      // Opened at once unless a longer number could still follow ("1" of "12").
      if (number * 10 > source.links.length) return { kind: 'open', link };
      return { kind: 'view', view: choose(view, number - 1, height, lastTop, digits) };
    }
    case 'open': {
      const link = choosing ? source.links[view.selected] : undefined;
      return link ? { kind: 'open', link } : { kind: 'close' };
    }
    default:
      return { kind: 'close' };
  }
}

/** `selected` chosen, scrolled just enough to be in view. */
function choose(
  view: OverlayView,
  selected: number,
  height: number,
  lastTop: number,
  digits: string,
): OverlayView {
  const top = clamp(clamp(view.top, selected - height + 1, selected), 0, lastTop);
  return { top, selected, digits };
}
