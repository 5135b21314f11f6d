'use strict';
/**
 * Span timer for the trigger inside a real n8n (dev-only): preloaded into the bench's n8n,
 *   BENCH_N8N_NODE_OPTIONS="--require $PWD/bench/spans.js" npm run bench -- --only trigger
 * it times named functions, ours (webhook(), execute(), the de-duplication functions) and n8n's
 * (checkProcessedAndRecord, the static-data saves, executeWebhook per webhook path), and writes
 * { name: { n, totalMs, samples } } to SPANS_OUT (default /tmp/bench-spans-<pid>.json) every 2 s.
 * It wraps functions as n8n 2.40.7 and this package's dist/ name them.
 */
const Module = require('module');
const fs = require('fs');
const out = process.env.SPANS_OUT || `/tmp/bench-spans-${process.pid}.json`;
const spans = {};
function add(name, ms) {
	const s = (spans[name] ||= { n: 0, totalMs: 0, samples: [] });
	s.n++;
	s.totalMs += ms;
	if (s.samples.length < 5000) s.samples.push(+ms.toFixed(2));
}
function wrap(obj, key, name) {
	const f = obj[key];
	if (typeof f !== 'function' || f.__wrapped) return;
	const w = function (...args) {
		const label = typeof name === 'function' ? name(this, args) : name;
		const t = performance.now();
		let r;
		try {
			r = f.apply(this, args);
		} catch (e) {
			add(label, performance.now() - t);
			throw e;
		}
		if (r && typeof r.then === 'function')
			return r.then(
				(v) => (add(label, performance.now() - t), v),
				(e) => (add(label, performance.now() - t), Promise.reject(e)),
			);
		add(label, performance.now() - t);
		return r;
	};
	w.__wrapped = true;
	obj[key] = w;
}
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
	const m = origLoad.apply(this, arguments);
	try {
		if (/data-deduplication-service$/.test(request) && m.DataDeduplicationService)
			wrap(
				m.DataDeduplicationService.prototype,
				'checkProcessedAndRecord',
				'n8n checkProcessedAndRecord',
			);
		if (/workflow-static-data\.service$/.test(request) && m.WorkflowStaticDataService) {
			wrap(
				m.WorkflowStaticDataService.prototype,
				'saveStaticData',
				'n8n saveStaticData (after webhook())',
			);
			wrap(m.WorkflowStaticDataService.prototype, 'saveStaticDataById', 'n8n saveStaticDataById');
		}
		if (/live-webhooks$/.test(request) && m.LiveWebhooks)
			wrap(
				m.LiveWebhooks.prototype,
				'executeWebhook',
				(self, args) =>
					`n8n executeWebhook ${args[0] && args[0].params && String(args[0].params.path).includes('bench-plain') ? 'plain' : String(args[0]?.params?.path).slice(0, 8)}`,
			);
		if (/BigCommerceTrigger\.node(\.js)?$/.test(request) && m.BigCommerceTrigger) {
			wrap(m.BigCommerceTrigger.prototype, 'webhook', 'ours webhook()');
			wrap(m.BigCommerceTrigger.prototype, 'execute', 'ours execute()');
		}
		if (/BenchControlTrigger\.node(\.js)?$/.test(request) && m.BenchControlTrigger)
			wrap(m.BenchControlTrigger.prototype, 'webhook', 'control webhook()');
		if (/\/dedup$/.test(request) && m.persistedKeys)
			for (const k of [
				'persistedKeys',
				'persistDeliveries',
				'claim',
				'deliveryKey',
				'persistedKey',
				'decide',
				'markStarted',
			])
				wrap(m, k, `ours dedup.${k}`);
	} catch (e) {
		process.stderr.write(`[spans] ${e}\n`);
	}
	return m;
};
setInterval(() => {
	try {
		fs.writeFileSync(out, JSON.stringify(spans));
	} catch {}
}, 2000).unref();
