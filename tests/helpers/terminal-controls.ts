// What must never reach a terminal from an article.

/** What a terminal could act on, beyond line feeds: C0, DEL, C1, bidi controls, lone surrogates. */
export const TERMINAL_CONTROLS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
