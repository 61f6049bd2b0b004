// What makes a file an article file, shared by loading and by reading a body again (which must not pull
// in the YAML parser): the size limit, and the fence of its front matter.

/** Larger files are not read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The front matter: `---`, its YAML lines, then `---` or `...`. */
export const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
