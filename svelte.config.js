import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { mdsvexOptions } from './mdsvex.config.js';

/** @type {import('@sveltejs/kit').Config} */
export default {
  // Lesson code blocks and tables are focusable on purpose so keyboard users can scroll them
  // (axe: scrollable-region-focusable); Svelte's rule would flag that in every lesson.
  onwarn: (warning, handler) => {
    if (warning.code === 'a11y_no_noninteractive_tabindex' && warning.filename?.endsWith('.md')) return;
    handler(warning);
  },
  extensions: ['.svelte', '.md'],
  preprocess: [vitePreprocess(), mdsvex(mdsvexOptions)],
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', strict: true }),
    // Small enough to inline: saves a render-blocking request on every first visit.
    inlineStyleThreshold: 8192,
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail', handleUnseenRoutes: 'fail' }
  }
};
