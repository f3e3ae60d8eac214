// mdsvex options shared by the site build (svelte.config.js) and the lesson checker
// (scripts/check-lessons.mjs), so a lesson that passes the checker compiles in the build.
import { fileURLToPath } from 'node:url';
import { highlightCode } from './scripts/markdown/highlight.js';
import { remarkHeadings } from './scripts/markdown/headings.js';

export const mdsvexOptions = {
  extensions: ['.md'],
  // Absolute: mdsvex pastes the layout path verbatim as an import into every .md file.
  layout: { _: fileURLToPath(new URL('./src/lib/components/lesson/LessonLayout.svelte', import.meta.url)) },
  highlight: { highlighter: highlightCode },
  remarkPlugins: [remarkHeadings],
  smartypants: { quotes: true, ellipses: true, backticks: false, dashes: 'oldschool' }
};
