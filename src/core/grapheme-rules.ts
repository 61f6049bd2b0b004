// Splitting text into graphemes without Intl.Segmenter, by Unicode's rules applied by hand: combining and
// spacing marks, Indic conjuncts, Hangul syllables, emoji sequences (ZWJ sequences, skin tones, flags, tag
// sequences). The segmenter costs ~80 ns a character even a bounded piece at a time; these cost a table
// lookup, and the segmenter is asked about a code point only the first time it is met.

/**
 * What can join code points into one grapheme: extending marks and joiners, emoji modifiers, regional
 * indicators (flags), Hangul jamo, prepended marks, Thai and Lao AM. Without any of them each code point is
 * a grapheme, and the segmenter, slow on Node 20, is not needed.
 */
export const JOINERS =
  /[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{110bd}\u{110cd}\u{16d63}\u{16d67}-\u{16d6a}\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;

/** Hangul jamo: leading consonants, vowels and trailing consonants, which join into syllables. */
const JAMO = /[\u1100-\u11ff\ua960-\ua97c\ud7b0-\ud7c6\ud7cb-\ud7fb]/u;
/**
 * What ruledGraphemes leaves to the segmenter: the controls, format characters and separators the rules
 * here leave out, and Kirat Rai (its vowel signs join as Hangul vowels do).
 */
const UNRULED =
  /(?![\u200d\u{e0020}-\u{e007f}])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cn}\p{Cs}]|[\u{16d40}-\u{16d7f}]/u;

/** What a code point does in a grapheme; 0: not looked up yet. */
const enum Kind {
  Unknown = 0,
  /** A grapheme of its own, but for the marks after it. */
  Other,
  /** Joins the grapheme before it (a mark, a variation selector, a skin tone, a tag). */
  Extend,
  /** Thai and Lao AM: join the grapheme before them, but are no part of an emoji sequence. */
  SpacingMark,
  Joiner,
  Regional,
  Pictographic,
  /** Hangul: a leading consonant, a vowel, a trailing consonant, syllables without and with one. */
  L,
  V,
  T,
  LV,
  LVT,
  /** Joins the grapheme after it (Arabic number signs, some Brahmic marks). */
  Prepend,
  /** Joins by rules not applied here (NOT_RULED): the text goes to the segmenter. */
  Unruled,
}
/** Each code point's Kind, looked up on first meeting it. */
let kinds: Uint8Array | undefined;
const EXTEND = /[\p{Grapheme_Extend}\p{Emoji_Modifier}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

function kindOf(code: number): Kind {
  kinds ??= new Uint8Array(0x110000);
  let kind = kinds[code] as Kind;
  if (kind === Kind.Unknown) {
    const char = String.fromCodePoint(code);
    if (UNRULED.test(char)) kind = Kind.Unruled;
    else if (code === 0x200d) kind = Kind.Joiner;
    else if (code === 0x0e33 || code === 0x0eb3) kind = Kind.SpacingMark;
    else if (code >= 0x1f1e6 && code <= 0x1f1ff) kind = Kind.Regional;
    else if (code >= 0xac00 && code <= 0xd7a3)
      kind = (code - 0xac00) % 28 === 0 ? Kind.LV : Kind.LVT;
    else if (JAMO.test(char)) kind = jamoKind(code);
    else if (EXTEND.test(char)) kind = Kind.Extend;
    else if (PICTOGRAPHIC.test(char)) kind = Kind.Pictographic;
    // Spacing marks and prepended marks: which joins what, the segmenter says once.
    else if (JOINERS.test(char))
      kind = single(`a${char}`) ? Kind.SpacingMark : single(`${char}a`) ? Kind.Prepend : Kind.Other;
    else kind = Kind.Other;
    kinds[code] = kind;
  }
  return kind;
}

let segmenter: Intl.Segmenter | undefined;

/** Whether the segmenter makes one grapheme of `text` (a probe of a few characters). */
function single(text: string): boolean {
  segmenter ??= new Intl.Segmenter();
  const segments = segmenter.segment(text)[Symbol.iterator]();
  segments.next();
  return segments.next().done === true;
}

/**
 * What a code point is in Indic conjuncts (Unicode's Indic_Conjunct_Break, which has no regular
 * expression property): a consonant, a linker (a virama), or a mark that may stand between them. Looked
 * up only where a conjunct may be (after a letter with marks after it), by asking the segmenter how it
 * joins Devanagari KA and VIRAMA, once a code point.
 */
const enum Conjunct {
  Unknown = 0,
  None,
  Extend,
  Linker,
  Consonant,
}
let conjuncts: Uint8Array | undefined;
const KA = '\u0915';
const VIRAMA = '\u094d';

function conjunctOf(code: number, kind: Kind): Conjunct {
  conjuncts ??= new Uint8Array(0x110000);
  let conjunct = conjuncts[code] as Conjunct;
  if (conjunct === Conjunct.Unknown) {
    const char = String.fromCodePoint(code);
    if (kind === Kind.Extend || kind === Kind.Joiner) {
      conjunct = single(KA + char + KA)
        ? Conjunct.Linker
        : single(KA + VIRAMA + char + KA)
          ? Conjunct.Extend
          : Conjunct.None;
    } else {
      conjunct =
        kind === Kind.Other && single(KA + VIRAMA + char) ? Conjunct.Consonant : Conjunct.None;
    }
    conjuncts[code] = conjunct;
  }
  return conjunct;
}

function jamoKind(code: number): Kind {
  if (code <= 0x115f || (code >= 0xa960 && code <= 0xa97c)) return Kind.L;
  return code <= 0x11a7 || (code >= 0xd7b0 && code <= 0xd7c6) ? Kind.V : Kind.T;
}

/** Whether Hangul's rules join `kind` to the code point of kind `previous` (GB6, GB7, GB8). */
function hangulJoins(previous: Kind, kind: Kind): boolean {
  if (previous === Kind.L)
    return kind === Kind.L || kind === Kind.V || kind === Kind.LV || kind === Kind.LVT;
  if (previous === Kind.LV || previous === Kind.V) return kind === Kind.V || kind === Kind.T;
  return (previous === Kind.LVT || previous === Kind.T) && kind === Kind.T;
}

/**
 * The graphemes of `text` by Unicode's rules for what it may hold: marks and joiners join
 * the grapheme before them (GB9, GB9a) and prepended marks the one after them (GB9b), Hangul jamo join into
 * syllables (GB6-8), consonants join across a virama into conjuncts (GB9c), a joiner after a pictograph
 * joins the pictograph after it (GB11), regional indicators pair (GB12, GB13). A grapheme is cut every `longest` UTF-16 units, as no terminal
 * draws a longer one whole anyway. Undefined for text that holds what joins by other rules (UNRULED).
 */
export function ruledGraphemes(text: string, longest: number): string[] | undefined {
  const out: string[] = [];
  let start = 0;
  /** 1: after a pictograph and its marks; 2: after those and a joiner. */
  let pictograph = 0;
  let regionals = 0;
  let previous = Kind.Other;
  /** An Indic conjunct: 1 after a consonant and its marks, 2 once a linker is among them (GB9c). */
  let conjunct = 0;
  /** The letter the marks since go with, -1 if none or if it is no consonant. */
  let base = -1;
  for (let at = 0; at < text.length;) {
    const code = text.codePointAt(at)!;
    const size = code > 0xffff ? 2 : 1;
    const kind = kindOf(code);
    if (kind === Kind.Unruled) return undefined;
    const joins =
      kind === Kind.Extend || kind === Kind.SpacingMark || kind === Kind.Joiner
        ? true
        : previous === Kind.Prepend
          ? true
          : kind === Kind.Regional
            ? regionals % 2 === 1
            : kind === Kind.Pictographic
              ? pictograph === 2
              : kind === Kind.Other
                ? conjunct === 2 && conjunctOf(code, kind) === Conjunct.Consonant
                : hangulJoins(previous, kind);
    if (at > start && (!joins || at + size - start > longest)) {
      out.push(text.slice(start, at));
      start = at;
    }
    if (kind === Kind.Pictographic) pictograph = 1;
    else if (kind === Kind.Joiner) pictograph = pictograph === 1 ? 2 : 0;
    else if (kind !== Kind.Extend) pictograph = 0;
    else if (pictograph === 2) pictograph = 0;
    regionals = kind === Kind.Regional ? regionals + 1 : 0;
    if (kind === Kind.Extend || kind === Kind.Joiner) {
      if (conjunct === 0 && base >= 0) {
        if (conjunctOf(base, Kind.Other) === Conjunct.Consonant) conjunct = 1;
        else base = -1;
      }
      if (conjunct > 0) {
        const mark = conjunctOf(code, kind);
        conjunct = mark === Conjunct.Linker ? 2 : mark === Conjunct.Extend ? conjunct : 0;
      }
    } else if (kind === Kind.Other) {
      // A consonant joined to a conjunct starts the next part of it.
      conjunct = joins ? 1 : 0;
      base = code;
    } else {
      conjunct = 0;
      base = -1;
    }
    previous = kind;
    at += size;
  }
  if (text.length > start) out.push(text.slice(start));
  return out;
}
