import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkLesson, headingIds } from '../../scripts/markdown/lesson-rules.js';

const good = `---
title: A lesson
summary: What it teaches.
module: ecr-foundations
order: 1
updated: 2026-11-23
references:
  - title: What is Amazon ECR
    url: https://docs.aws.amazon.com/AmazonECR/latest/userguide/what-is-ecr.html
labs: [push-first-image]
quiz:
  - id: one
    question: Which?
    choices: [a, b, c]
    answer: 2
    explanation: Because c.
  - id: two
    question: Which?
    choices: [a, b]
    answer: 0
    explanation: Because a.
  - id: three
    question: Which?
    choices: [a, b]
    answer: 1
    explanation: Because b.
---
Intro with \`{"rules": []}\` in code and a [link](/lessons/other#second-part).

## First part
\`\`\`json
{ "rules": [] }
\`\`\`
> **Exam tip:** remember this.

## Summary
- done
`;

const context = {
	slug: 'a-lesson',
	moduleIds: ['ecr-foundations'],
	labIds: ['push-first-image'],
	lessons: new Map([['a-lesson', ['first-part', 'summary']], ['other', ['second-part']]])
};

const problemsOf = (source: string) => checkLesson({ ...context, source }).problems.map((p) => p.message);

describe('lesson rules', () => {
	it('accepts a well-formed lesson and returns its front matter', () => {
		const { problems, meta } = checkLesson({ ...context, source: good });
		expect(problems).toEqual([]);
		expect(meta?.title).toBe('A lesson');
		expect(meta?.updated).toBe('2026-11-23');
		expect(meta?.quiz).toHaveLength(3);
	});

	it('names every missing field', () => {
		const messages = problemsOf(good.replace(/^updated:.*\n/m, '').replace(/^references:\n(  .*\n)+/m, ''));
		expect(messages).toContain('updated: is required');
		expect(messages).toContain('references: is required');
	});

	it('rejects a quiz answer that points past the choices', () => {
		expect(problemsOf(good.replace('answer: 2', 'answer: 3'))).toContain('quiz: question 1 answer must be the 0-based index of a choice (0 to 2)');
	});

	it('rejects a link to a lesson or heading that does not exist', () => {
		expect(problemsOf(good.replace('/lessons/other#second-part', '/lessons/missing'))).toContain('link to a lesson that does not exist: /lessons/missing');
		expect(problemsOf(good.replace('#second-part', '#nowhere'))).toContain('link to a heading that does not exist: /lessons/other#nowhere');
		expect(problemsOf(good.replace('/lessons/other#second-part', '#first-part'))).toEqual([]);
	});

	it('rejects braces and angle brackets in prose but not in code', () => {
		expect(problemsOf(good.replace('Intro with', 'Intro { with'))).toContain(
			'a { or } outside code: mdsvex would read it as a Svelte expression; put it in backticks'
		);
		expect(problemsOf(good.replace('Intro with', 'Intro <b> with'))).toContain(
			'a < outside code: mdsvex would read it as a tag; write "less than" or use backticks'
		);
	});

	it('rejects unknown modules, labs, callouts and reference hosts', () => {
		expect(problemsOf(good.replace('module: ecr-foundations', 'module: nope'))[0]).toMatch(/^module: "nope" is not in content\/modules.yaml/);
		expect(problemsOf(good.replace('[push-first-image]', '[made-up-lab]'))).toContain('labs: "made-up-lab" is not in labs/catalog.yaml');
		expect(problemsOf(good.replace('**Exam tip:**', '**Note:**'))[0]).toMatch(/^callout label "Note:" is not one of/);
		expect(problemsOf(good.replace('https://docs.aws.amazon.com/', 'https://example.com/'))[0]).toMatch(/url must be an https:\/\/docs\.aws\.amazon\.com\//);
	});

	it('reports the front matter line of a YAML error', () => {
		const [problem] = checkLesson({ ...context, source: good.replace('summary: What it teaches.', 'summary: [unclosed') }).problems;
		expect(problem?.message).toMatch(/^front matter is not valid YAML/);
		expect(problem?.line).toBeGreaterThan(1);
	});

	it('makes GitHub-style anchors, numbering repeats', () => {
		expect(headingIds('## Tag mutability\n## `tagStatus`: any\n```\n## not a heading\n```\n## Tag mutability')).toEqual([
			'tag-mutability',
			'tagstatus-any',
			'tag-mutability-1'
		]);
	});

	it('never throws, whatever the file holds', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (front, body) => {
				const result = checkLesson({ ...context, source: `---\n${front}\n---\n${body}` });
				expect(Array.isArray(result.problems)).toBe(true);
				expect(result.meta === null || result.problems.length === 0).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});
});
