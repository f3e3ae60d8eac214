// Build-time syntax highlighting for lesson code blocks, with a copy button in the markup so
// nothing shifts when the page hydrates. Only the languages lessons use are loaded.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** @type {typeof import('prismjs')} */
const Prism = require('prismjs');
for (const lang of ['bash', 'json', 'yaml', 'docker']) require(`prismjs/components/prism-${lang}`);

const aliases = /** @type {Record<string, string>} */ ({
  sh: 'bash', shell: 'bash', console: 'bash', yml: 'yaml', dockerfile: 'docker', jsonc: 'json'
});
const labels = /** @type {Record<string, string>} */ ({
  bash: 'Shell', json: 'JSON', yaml: 'YAML', docker: 'Dockerfile', text: 'Text'
});

/** @param {string} s */
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Svelte would read `{` and `}` as expressions and `` ` `` / `\` would end the template string. */
/** @param {string} html */
const forSvelte = (html) =>
  html.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/**
 * @param {string} code
 * @param {string | undefined} lang
 */
export function highlightCode(code, lang) {
  const name = aliases[lang ?? ''] ?? lang ?? 'text';
  const grammar = Prism.languages[name];
  const html = grammar ? Prism.highlight(code, grammar, name) : escapeHtml(code);
  const label = labels[name] ?? name;
  return (
    `<div class="code-block" data-lang="${name}">` +
    `<div class="code-bar"><span class="code-lang">${label}</span>` +
    `<button type="button" class="copy-code" aria-label="Copy ${label} code">Copy</button></div>` +
    // Focusable so keyboard users can scroll long lines (axe: scrollable-region-focusable).
    `<pre class="language-${name}" tabindex="0"><code>{@html \`${forSvelte(html)}\`}</code></pre></div>`
  );
}
