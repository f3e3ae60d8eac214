#!/usr/bin/env node
// Serves the built static site (build/) the way a static host would: /x → x.html, /x/ → x/index.html.
// Loopback only: the course is for the person at this machine.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../build/', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
	'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
	'.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8'
};

if (!existsSync(join(root, 'index.html'))) {
	console.error('No built site in build/. Run `npm run build` first (or `npm start`, which builds and serves).');
	process.exit(1);
}

const isFile = (p) => existsSync(p) && statSync(p).isFile();

function resolve(pathname) {
	const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, safe);
	if (!base.startsWith(root.replace(/\/$/, ''))) return null;
	for (const candidate of [base, `${base.replace(/\/$/, '')}.html`, join(base, 'index.html')]) {
		if (isFile(candidate)) return candidate;
	}
	return null;
}

createServer((req, res) => {
	const url = new URL(req.url ?? '/', `http://${host}`);
	let file = null;
	try {
		file = resolve(url.pathname);
	} catch {
		file = null;
	}
	if (!file) {
		res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		res.end('<!doctype html><title>Not found</title><p>Not found. <a href="/">Back to the course</a>.</p>');
		return;
	}
	res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
	createReadStream(file).pipe(res);
}).listen(port, host, () => {
	console.log(`The course is ready at http://${host}:${port}/  (Ctrl+C to stop)`);
});
