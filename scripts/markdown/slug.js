// GitHub-style heading anchors, so `## Tag mutability` links as `#tag-mutability`.
// Shared by the build (heading ids, table of contents) and the link checker.

/** @param {string} text */
export function slugify(text) {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A slugger that numbers repeats the way GitHub does: `setup`, `setup-1`, `setup-2`. */
export function createSlugger() {
  /** @type {Map<string, number>} */
  const seen = new Map();
  /** @param {string} text */
  return (text) => {
    const base = slugify(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}
