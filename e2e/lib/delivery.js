'use strict';
/**
 * Where the example workflows deliver, on this machine (dev only): a local SMTP sink for the
 * Send Email node (abandoned-cart reminders) and a folder the Read/Write Files from Disk node may
 * write to (the scheduled catalog export). Used by the e2e harness and by `npm start`.
 *
 *   const delivery = await startDelivery({ folder });
 *   delivery.smtp.messages        // [{ from, to, subject, text, raw, file }] in arrival order
 *   delivery.mailFolder           // one .eml file per message
 *   delivery.exportFolder         // n8n may write here (N8N_RESTRICT_FILE_ACCESS_TO)
 *   delivery.n8nEnv               // env for n8n
 *   delivery.credential           // the `smtp` credential to import (plaintext)
 *
 * The SMTP sink speaks just enough of RFC 5321 for nodemailer (n8n's Send Email): EHLO/HELO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT. It advertises no STARTTLS and no AUTH, so nodemailer sends
 * in plain text without logging in; it accepts every message and never relays one.
 */
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

/** The SMTP credential the harness and the demo import; the examples reference its id and name. */
const SMTP_CREDENTIAL = { id: 'bcE2eSmtpCred001', name: 'Local mail (SMTP sink)', type: 'smtp' };

/** Body of a single-part message, decoded (nodemailer uses quoted-printable for non-ASCII text). */
function decodeBody(headers, body) {
	const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
	if (encoding === 'base64')
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding === 'quoted-printable') {
		const bytes = body
			.replace(/=\r?\n/g, '')
			.replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?...?= / ?B?) in a header, decoded. */
function decodeHeader(value = '') {
	return value.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind, text) =>
		kind.toLowerCase() === 'b'
			? Buffer.from(text, 'base64').toString('utf8')
			: Buffer.from(
					text
						.replace(/_/g, ' ')
						.replace(/=([0-9A-F]{2})/gi, (__, hex) => String.fromCharCode(parseInt(hex, 16))),
					'latin1',
				).toString('utf8'),
	);
}

/** Headers (lower-case names, folded lines joined) and the decoded text of a raw message. */
function parseMessage(raw) {
	const split = raw.search(/\r?\n\r?\n/);
	const head = split === -1 ? raw : raw.slice(0, split);
	const body = split === -1 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const headers = {};
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { headers, subject: decodeHeader(headers.subject), text: decodeBody(headers, body) };
}

/**
 * Starts the SMTP sink on 127.0.0.1 (a free port unless `port` is given); each message is saved as
 * `<folder>/<time>-<n>.eml` and passed to `onMessage`.
 */
async function startSmtpSink({ folder, port = 0, onMessage }) {
	fs.mkdirSync(folder, { recursive: true });
	const messages = [];
	const sockets = new Set();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		socket.setEncoding('latin1');
		const reply = (line) => socket.write(`${line}\r\n`);
		let envelope = { from: '', to: [] };
		let data = null; // the DATA section while it is being received
		let buffer = '';
		reply('220 localhost SMTP sink (n8n-nodes-bigcommerce dev) ready');
		socket.on('data', (chunk) => {
			buffer += chunk;
			for (;;) {
				if (data !== null) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) {
						data += buffer;
						buffer = '';
						return;
					}
					data += buffer.slice(0, end);
					buffer = buffer.slice(end + 5);
					// dot-unstuffing (RFC 5321 4.5.2), bytes back to UTF-8
					const raw = Buffer.from(data.replace(/^\.\./gm, '.'), 'latin1').toString('utf8');
					const parsed = parseMessage(raw);
					const file = path.join(
						folder,
						`${new Date().toISOString().replace(/[:.]/g, '-')}-${messages.length + 1}.eml`,
					);
					fs.writeFileSync(file, raw);
					const message = { ...envelope, ...parsed, raw, file };
					messages.push(message);
					if (onMessage) onMessage(message);
					envelope = { from: '', to: [] };
					data = null;
					reply('250 2.0.0 queued');
					continue;
				}
				const newline = buffer.indexOf('\r\n');
				if (newline === -1) return;
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') {
					reply('250-localhost');
					reply('250-8BITMIME');
					reply('250 SMTPUTF8');
				} else if (verb === 'HELO') reply('250 localhost');
				else if (verb === 'MAIL') {
					envelope = { from: (line.match(/<([^>]*)>/) || [])[1] || '', to: [] };
					reply('250 2.1.0 ok');
				} else if (verb === 'RCPT') {
					envelope.to.push((line.match(/<([^>]*)>/) || [])[1] || '');
					reply('250 2.1.5 ok');
				} else if (verb === 'DATA') {
					data = '';
					reply('354 end data with <CR><LF>.<CR><LF>');
				} else if (verb === 'RSET') {
					envelope = { from: '', to: [] };
					reply('250 2.0.0 ok');
				} else if (verb === 'NOOP') reply('250 2.0.0 ok');
				else if (verb === 'QUIT') {
					reply('221 2.0.0 bye');
					socket.end();
					return;
				} else reply('502 5.5.2 command not implemented');
			}
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		host: '127.0.0.1',
		port: server.address().port,
		folder,
		messages,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/**
 * The SMTP sink (mail in `<folder>/mail`) and the export folder (`<folder>/exports`), with the n8n
 * env that lets the Read/Write Files from Disk node write there: n8n 2.x only touches files inside
 * N8N_RESTRICT_FILE_ACCESS_TO (default `~/.n8n-files`).
 */
async function startDelivery({ folder, smtpPort = 0, onMessage }) {
	const mailFolder = path.join(folder, 'mail');
	const exportFolder = path.join(folder, 'exports');
	fs.mkdirSync(exportFolder, { recursive: true });
	const smtp = await startSmtpSink({ folder: mailFolder, port: smtpPort, onMessage });
	return {
		smtp,
		mailFolder,
		exportFolder,
		n8nEnv: { N8N_RESTRICT_FILE_ACCESS_TO: exportFolder },
		credential: {
			...SMTP_CREDENTIAL,
			data: {
				host: smtp.host,
				port: smtp.port,
				secure: false,
				disableStartTls: true,
				user: '',
				password: '',
			},
		},
		close: () => smtp.close(),
	};
}

module.exports = { startDelivery, startSmtpSink, parseMessage, SMTP_CREDENTIAL };
