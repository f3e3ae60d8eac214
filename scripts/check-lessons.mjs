#!/usr/bin/env node
// Checks lesson files against content/AUTHORING.md and compiles each one as the build would.
// Usage: node scripts/check-lessons.mjs [content/lessons/<slug>.md ...]   (no args: every lesson)
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { compile as compileMarkdown } from 'mdsvex';
import { compile as compileSvelte } from 'svelte/compiler';
import { mdsvexOptions } from '../mdsvex.config.js';
import { checkLesson, headingIds, splitFrontMatter } from './markdown/lesson-rules.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const lessonDir = join(root, 'content/lessons');
const all = readdirSync(lessonDir).filter((f) => f.endsWith('.md')).map((f) => join(lessonDir, f));
const targets = process.argv.slice(2).length ? process.argv.slice(2).map((p) => join(process.cwd(), p)) : all;

const moduleIds = /** @type {{id: string}[]} */ (load(readFileSync(join(root, 'content/modules.yaml'), 'utf8'))).map((m) => m.id);
const labIds = /** @type {{id: string}[]} */ (load(readFileSync(join(root, 'labs/catalog.yaml'), 'utf8'))).map((l) => l.id);
const lessons = new Map(all.map((file) => [basename(file, '.md'), headingIds(splitFrontMatter(readFileSync(file, 'utf8')).body)]));

let failed = 0;
const orders = new Map();
for (const file of targets) {
  const name = relative(root, file);
  const source = readFileSync(file, 'utf8');
  const { problems, meta } = checkLesson({ slug: basename(file, '.md'), source, moduleIds, labIds, lessons });
  if (meta) {
    if (orders.has(meta.order)) problems.push({ line: 1, message: `order ${meta.order} is also used by ${orders.get(meta.order)}` });
    orders.set(meta.order, name);
  }
  try {
    const out = await compileMarkdown(source, { ...mdsvexOptions, filename: file });
    if (!out) throw new Error('mdsvex returned nothing');
    compileSvelte(out.code, { filename: file, generate: 'server' });
  } catch (e) {
    const err = /** @type {any} */ (e);
    problems.push({ line: err.start?.line ?? 1, message: `does not compile: ${String(err.message).split('\n')[0]}` });
  }
  if (problems.length) {
    failed++;
    for (const p of problems) console.error(`${name}:${p.line}: ${p.message}`);
  } else {
    console.log(`ok ${name}`);
  }
}
if (failed) {
  console.error(`\n${failed} of ${targets.length} lesson file(s) have problems.`);
  process.exit(1);
}
console.log(`\n${targets.length} lesson file(s) ok.`);
