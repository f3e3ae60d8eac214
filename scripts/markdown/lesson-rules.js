// The rules every lesson file must satisfy (content/AUTHORING.md). Plain JS with JSDoc types so
// the lesson checker script, the unit tests and the build can all use the one definition.
import { load } from 'js-yaml';
import { createSlugger } from './slug.js';

export const LESSON_FIELDS = ['title', 'summary', 'module', 'order', 'updated', 'references', 'labs', 'quiz'];
const CALLOUTS = ['Exam tip:', 'Watch out:', 'In the simulator:', 'Changed recently:'];
const REFERENCE_HOSTS = /^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//;

/**
 * @typedef {{ id: string; question: string; choices: string[]; answer: number; explanation: string }} QuizQuestion
 * @typedef {{ title: string; url: string }} Reference
 * @typedef {{ title: string; summary: string; module: string; order: number; updated: string;
 *   references: Reference[]; labs: string[]; quiz: QuizQuestion[] }} LessonFrontMatter
 * @typedef {{ line: number; message: string }} LessonProblem
 */

/** Splits a lesson into its front matter text and body, remembering where the body starts. */
/** @param {string} source */
export function splitFrontMatter(source) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { frontMatter: null, body: source, bodyLine: 1 };
  return { frontMatter: match[1] ?? '', body: source.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** mdsvex's YAML reads `2026-11-23` as a Date; ours keeps the string. Both mean the same day. */
/** @param {unknown} value */
export function normaliseDate(value) {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.slice(0, 10);
  return value;
}

/** Lines of the body that are prose (not inside fenced code), with their 1-based line numbers. */
/** @param {string} body @param {number} firstLine */
export function proseLines(body, firstLine) {
  /** @type {{ line: number; text: string }[]} */
  const out = [];
  let fence = '';
  body.split('\n').forEach((text, i) => {
    const m = /^\s*(```+|~~~+)/.exec(text);
    if (m) {
      if (!fence) fence = m[1] ?? '';
      else if (text.trim().startsWith(fence)) fence = '';
      return;
    }
    if (!fence) out.push({ line: firstLine + i, text });
  });
  return out;
}

/** Heading anchors of a lesson body, as the build generates them. */
/** @param {string} body */
export function headingIds(body) {
  const slug = createSlugger();
  return proseLines(body, 1)
    .map(({ text }) => /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text))
    .filter((m) => m !== null)
    .map((m) => slug((m?.[2] ?? '').replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
}

/** @param {string} text */
const stripInlineCode = (text) => text.replace(/`[^`]*`/g, (s) => ' '.repeat(s.length));

/**
 * @param {{ slug: string; source: string; moduleIds: string[]; labIds: string[];
 *   lessons: Map<string, string[]> }} input  lessons: every slug with its heading ids
 * @returns {{ problems: LessonProblem[]; meta: LessonFrontMatter | null }}
 */
export function checkLesson({ slug, source, moduleIds, labIds, lessons }) {
  /** @type {LessonProblem[]} */
  const problems = [];
  const { frontMatter, body, bodyLine } = splitFrontMatter(source);
  const lineOf = (/** @type {string} */ key) => {
    const i = source.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 1 : i + 1;
  };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) problems.push({ line: 1, message: `file name "${slug}" is not a kebab-case slug` });
  if (frontMatter === null) {
    problems.push({ line: 1, message: 'missing front matter (a block between --- lines at the top)' });
    return { problems, meta: null };
  }
  /** @type {any} */
  let fm;
  try {
    fm = load(frontMatter);
  } catch (e) {
    const mark = /** @type {any} */ (e).mark;
    problems.push({ line: (mark?.line ?? 0) + 2, message: `front matter is not valid YAML: ${/** @type {Error} */ (e).message.split('\n')[0]}` });
    return { problems, meta: null };
  }
  if (!fm || typeof fm !== 'object') {
    problems.push({ line: 2, message: 'front matter must be a YAML mapping' });
    return { problems, meta: null };
  }
  const add = (/** @type {string} */ key, /** @type {string} */ message) => problems.push({ line: lineOf(key), message: `${key}: ${message}` });
  for (const key of LESSON_FIELDS) if (!(key in fm)) add(key, 'is required');
  for (const key of Object.keys(fm)) if (!LESSON_FIELDS.includes(key)) add(key, `is not a lesson field (expected one of ${LESSON_FIELDS.join(', ')})`);

  for (const key of ['title', 'summary']) {
    if (key in fm && (typeof fm[key] !== 'string' || fm[key].trim() === '')) add(key, 'must be non-empty text');
  }
  if ('title' in fm && typeof fm.title === 'string' && /\.$/.test(fm.title)) add('title', 'must not end with a period');
  if ('module' in fm && !moduleIds.includes(fm.module)) add('module', `"${fm.module}" is not in content/modules.yaml (${moduleIds.join(', ')})`);
  if ('order' in fm && (!Number.isInteger(fm.order) || fm.order < 1)) add('order', 'must be a whole number from 1');
  const updated = normaliseDate(fm.updated);
  if ('updated' in fm && (typeof updated !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(updated) || Number.isNaN(Date.parse(updated)))) {
    add('updated', 'must be a date written YYYY-MM-DD');
  }
  if ('references' in fm) {
    if (!Array.isArray(fm.references) || fm.references.length < 1) add('references', 'must list at least one AWS documentation page');
    else fm.references.forEach((/** @type {any} */ r, /** @type {number} */ i) => {
      if (!r || typeof r.title !== 'string' || !r.title.trim()) add('references', `item ${i + 1} needs a title`);
      if (!r || typeof r.url !== 'string' || !REFERENCE_HOSTS.test(r.url)) add('references', `item ${i + 1} url must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page`);
    });
  }
  if ('labs' in fm) {
    if (!Array.isArray(fm.labs)) add('labs', 'must be a list of lab ids ([] when none)');
    else for (const id of fm.labs) if (!labIds.includes(id)) add('labs', `"${id}" is not in labs/catalog.yaml`);
  }
  if ('quiz' in fm) {
    if (!Array.isArray(fm.quiz) || fm.quiz.length < 3 || fm.quiz.length > 5) add('quiz', 'must hold 3 to 5 questions');
    if (Array.isArray(fm.quiz)) {
      const ids = new Set();
      fm.quiz.forEach((/** @type {any} */ q, /** @type {number} */ i) => {
        const where = `question ${i + 1}`;
        if (!q || typeof q !== 'object') return add('quiz', `${where} must be a mapping`);
        if (typeof q.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(q.id)) add('quiz', `${where} needs a kebab-case id`);
        else if (ids.has(q.id)) add('quiz', `${where} repeats the id "${q.id}"`);
        ids.add(q.id);
        if (typeof q.question !== 'string' || !q.question.trim()) add('quiz', `${where} needs question text`);
        if (!Array.isArray(q.choices) || q.choices.length < 2 || q.choices.length > 5 || q.choices.some((/** @type {unknown} */ c) => typeof c !== 'string' || !c.trim())) {
          add('quiz', `${where} needs 2 to 5 choices, each plain text`);
        } else if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.choices.length) {
          add('quiz', `${where} answer must be the 0-based index of a choice (0 to ${q.choices.length - 1})`);
        }
        if (typeof q.explanation !== 'string' || !q.explanation.trim()) add('quiz', `${where} needs an explanation`);
      });
    }
  }

  const prose = proseLines(body, bodyLine);
  for (const { line, text } of prose) {
    if (/^#\s/.test(text)) problems.push({ line, message: 'no level-1 headings: the page prints the title; start sections at ##' });
    const bare = stripInlineCode(text);
    if (/[{}]/.test(bare)) problems.push({ line, message: 'a { or } outside code: mdsvex would read it as a Svelte expression; put it in backticks' });
    if (/<(?!!--)/.test(bare)) problems.push({ line, message: 'a < outside code: mdsvex would read it as a tag; write "less than" or use backticks' });
    const callout = /^>\s*\*\*([^*]+)\*\*/.exec(text);
    if (callout && !CALLOUTS.includes(callout[1] ?? '')) problems.push({ line, message: `callout label "${callout[1]}" is not one of ${CALLOUTS.join(' ')}` });
    for (const m of bare.matchAll(/\]\((\/[^)\s]*|#[^)\s]*)\)/g)) {
      const target = m[1] ?? '';
      const [path, anchor] = target.split('#');
      let targetSlug = slug;
      if (path) {
        const lesson = /^\/lessons\/([^/#?]+)$/.exec(path);
        if (!lesson) { problems.push({ line, message: `internal link ${target} must point to /lessons/<slug>` }); continue; }
        targetSlug = lesson[1] ?? '';
        if (!lessons.has(targetSlug)) { problems.push({ line, message: `link to a lesson that does not exist: ${target}` }); continue; }
      }
      const ids = targetSlug === slug ? headingIds(body) : lessons.get(targetSlug) ?? [];
      if (anchor && !ids.includes(anchor)) problems.push({ line, message: `link to a heading that does not exist: ${target}` });
    }
  }
  const headingLevels = prose.map(({ text }) => /^(#{2,6})\s/.exec(text)?.[1]?.length ?? 0).filter((d) => d > 0);
  headingLevels.forEach((d, i) => {
    const prev = i === 0 ? 1 : headingLevels[i - 1] ?? 1;
    if (d > prev + 1) problems.push({ line: bodyLine, message: `heading level ${d} follows level ${prev}: do not skip levels` });
  });
  if (!headingLevels.length) problems.push({ line: bodyLine, message: 'the body needs ## sections' });

  const meta = problems.length ? null : /** @type {LessonFrontMatter} */ ({ ...fm, updated });
  return { problems, meta };
}
