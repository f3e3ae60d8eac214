// Remark plugin: gives every ## and ### heading a stable id and records the table of contents
// in the lesson's metadata (mdsvex exports `file.data.fm` as `metadata`); makes tables focusable.
import { createSlugger } from './slug.js';

/** @param {any} node */
function textOf(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

export function remarkHeadings() {
  /** @param {any} tree @param {any} file */
  return (tree, file) => {
    const slug = createSlugger();
    /** @type {{ depth: number; text: string; id: string }[]} */
    const toc = [];
    /** @param {any} node */
    const visit = (node) => {
      if (node.type === 'table') {
        // Wide tables scroll sideways; keyboard users need to be able to focus them to scroll.
        node.data = { ...(node.data ?? {}), hProperties: { ...(node.data?.hProperties ?? {}), tabindex: '0' } };
      }
      if (node.type === 'heading') {
        const text = textOf(node).trim();
        const id = slug(text);
        node.data = { ...(node.data ?? {}), hProperties: { ...(node.data?.hProperties ?? {}), id } };
        if (node.depth === 2 || node.depth === 3) toc.push({ depth: node.depth, text, id });
        return;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    file.data.fm = { ...(file.data.fm ?? {}), toc };
  };
}
