#!/usr/bin/env node
// Page-weight benchmark: builds the site, serves it, and reports for one lesson page the JS+CSS
// it loads (gzip, as a static host would send it), whether any editor/terminal code came along,
// and Lighthouse's performance and accessibility scores. Numbers to record, not a test.
import { execSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';

const port = Number(process.env.BENCH_PORT ?? 4199);
const lesson = process.argv.slice(2).find((a) => a.startsWith('/')) ?? '/lessons/lifecycle-policies';
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

if (!process.argv.includes('--no-build')) execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });
const server = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const url = `http://127.0.0.1:${port}${lesson}`;

try {
	const browser = await chromium.launch({ executablePath: chromePath, args: flags.slice(1) });
	const page = await browser.newPage();
	const assets = [];
	page.on('response', async (response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && type !== 'stylesheet') return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		assets.push({ url: response.url().replace(`http://127.0.0.1:${port}`, ''), type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await browser.close();

	const kib = (list, key = 'gzip') => (list.reduce((s, a) => s + a[key], 0) / 1024).toFixed(1);
	const html = await (await fetch(url)).arrayBuffer();
	// The page's own code is what its HTML preloads; anything else was imported on demand later.
	const preloaded = new Set([...Buffer.from(html).toString().matchAll(/<link[^>]*>|import\("[^"]+"\)/g)]
		.map((m) => m[0])
		.filter((tag) => tag.startsWith('import') || tag.includes('modulepreload') || tag.includes('stylesheet'))
		.map((tag) => new URL(/(?:href="|import\(")([^"]+)"/.exec(tag)?.[1] ?? '', url).pathname));
	for (const a of assets) a.ownCode = preloaded.has(a.url);
	const initial = assets.filter((a) => a.ownCode);
	const heavy = assets.filter((a) => /monaco|xterm|editor\.worker|yaml\.worker/i.test(a.url));
	console.log(`\nPage: ${lesson}`);
	console.log(`HTML: ${(html.byteLength / 1024).toFixed(1)} KiB raw, ${(gzipSync(Buffer.from(html), { level: 9 }).length / 1024).toFixed(1)} KiB gzip (CSS inlined)`);
	console.log(`JS+CSS preloaded by the HTML (framework, layout, page): ${initial.length} files, ${kib(initial, 'raw')} KiB raw, ${kib(initial)} KiB gzip (goal ≤ 60 KiB)`);
	console.log(`JS+CSS in all once idle (adds the lesson body and Dexie, both imported by the page on start): ${assets.length} files, ${kib(assets, 'raw')} KiB raw, ${kib(assets)} KiB gzip`);
	for (const a of assets.sort((x, y) => y.gzip - x.gzip).slice(0, 6)) console.log(`  ${(a.gzip / 1024).toFixed(1).padStart(6)} KiB  ${a.url}${a.ownCode ? '' : '  (imported after start)'}`);
	console.log(`Monaco or xterm code loaded: ${heavy.length ? heavy.map((a) => a.url).join(', ') : 'none'}`);

	const chrome = await launch({ chromePath, chromeFlags: flags });
	try {
		const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
		const cats = result?.lhr.categories ?? {};
		const score = (c) => Math.round((c?.score ?? 0) * 100);
		console.log(`Lighthouse performance: ${score(cats.performance)}   accessibility: ${score(cats.accessibility)} (goal ≥ 95 each)`);
		const audits = result?.lhr.audits ?? {};
		for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift']) {
			if (audits[id]) console.log(`  ${audits[id].title}: ${audits[id].displayValue}`);
		}
	} finally {
		chrome.kill();
	}
} finally {
	server.kill();
}
