'use strict';
/** Turns bench results (bench/results/*.json) into bench/RESULTS.md. `node bench/report.js [file]` re-renders. */
const fs = require('node:fs');
const path = require('node:path');

const s = (ms) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const x = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const verdict = (ok, miss) => (ok ? '**met**' : `**missed**: ${miss}`);

const MEMORY_TARGET_MIB = 1536;
const MEMORY_TARGET_ROW = '| Export N=100,000: n8n peak memory ≤ 1.5 GiB above its level at rest';
const INCREMENTAL_TARGET_ROW =
	'| Incremental export of 100,000 products, 50 changed: a handful of calls';

const SECTION_NAMES = {
	catalog: '1 and 5 (catalog export, memory) and the transport section',
	orders: '2 (orders with line items)',
	quota: '3 (quota-bound job)',
	trigger: '4 (trigger)',
	ack: '6 (trigger acknowledgement with the API in trouble)',
	queue: '7 (queue mode)',
};

/** "150 / 30 s", with the quota the sandbox applied when the label names a scaled one. */
function quotaLabel(run) {
	const applied = `${run.quota.quota} / ${run.quota.windowMs / 1000} s`;
	return run.label === applied ? applied : `${run.label} (${applied})`;
}

/** The idle level of the restarted n8n that ran the largest size, for the memory note. */
function largestIdle(catalog) {
	const big = (catalog.results || []).find((c) => c.n > 10_000 && c.key === 'exportOurs');
	return big && big.memory && big.memory.idleRssMiB
		? `, ${big.memory.idleRssMiB} MiB for the restarted n8n of 100,000`
		: '';
}

/** The command line of a re-measure, e.g. `npm run bench -- --only ack --n8n-env N8N_X=y`. */
function remeasuredCommand(again) {
	const settings = Object.entries(again.n8nEnv || {}).map(([k, v]) => ` --n8n-env ${k}=${v}`);
	return `\`npm run bench --${again.quick ? ' --quick' : ''} --only ${again.sections.join(',')}${settings.join('')}\``;
}

/** The paragraph naming a `--only` re-measure (sections, when, machine load). */
function remeasuredLine(again) {
	const am = again.machine;
	return `**Re-measured** with ${remeasuredCommand(again)} on ${again.startedAt} (${again.durationS} s), same machine and n8n, commit ${am.commit}, load average ${am.loadAverageAtStart.join(' / ')} at start, ${(again.loadAverageAtEnd || []).join(' / ')} at end: sections ${again.sections.map((name) => SECTION_NAMES[name] || name).join('; ')}. The other sections are the full run's numbers above.`;
}

// ---- 4. trigger duplicate storm

const STORM_ROWS = {
	executions: '| Trigger: executions = distinct deliveries',
	p50: '| Trigger: ack p50 ≤ 1.2× plain Webhook node, under the storm',
	p95: '| Trigger: ack p95 ≤ 1.3× plain Webhook node, under the storm',
	idle: '| … ack p50, one sender (n8n otherwise idle)',
};

const ratioVerdict = (ratio, target) =>
	verdict(
		ratio <= target,
		`${ratio.toFixed(2)}× (${((ratio / target - 1) * 100).toFixed(0)}% over)`,
	);

/** The storm's target rows: issue 13's p50 and p95 against the Webhook node, the control beside them. */
function stormTargetRows(t) {
	const variant = settingsKey(t.n8nEnv);
	const prefix = (row) => (variant ? `${withSettings(t)}: ${row.slice(2)}` : row);
	const control = (p) =>
		t.control
			? `; control ${t.control.ack[p]} ms = ${x(t.control.ack[p], t.plainWebhook.ack[p])}`
			: '';
	const rows = [];
	if (!variant)
		rows.push(
			`${STORM_ROWS.executions} | ${t.trigger.executions} for ${t.distinct} distinct (${t.deliveries} sent) | ${verdict(t.trigger.executions === t.distinct, `${t.trigger.executions - t.distinct} off`)} |`,
		);
	for (const [p, target] of [
		['p50', 1.2],
		['p95', 1.3],
	]) {
		const ratio = t.trigger.ack[p] / t.plainWebhook.ack[p];
		rows.push(
			`${prefix(STORM_ROWS[p])} | ${t.trigger.ack[p]} ms vs ${t.plainWebhook.ack[p]} ms = ${ratio.toFixed(2)}×${control(p)} | ${ratioVerdict(ratio, target)} |`,
		);
	}
	if (t.trigger.idleAck && !variant) {
		const idle = t.trigger.idleAck.p50 / t.plainWebhook.idleAck.p50;
		rows.push(
			`${STORM_ROWS.idle} | ${t.trigger.idleAck.p50} ms vs ${t.plainWebhook.idleAck.p50} ms = ${idle.toFixed(2)}× | ${ratioVerdict(idle, 1.2)} |`,
		);
	}
	return rows;
}

function renderStorm(runs, L) {
	L('## 4. Trigger duplicate storm (8 senders)');
	L();
	L(
		'The same deliveries to three endpoints of one n8n, interleaved in chunks of 100 (every order of the three in turn): the BigCommerce Trigger (`store/product/updated`, Include Full Record off), the do-nothing control trigger (`bench/control-trigger`, see section 6) and the plain Webhook node. Only ratios within one run are comparable (each run had its own machine load).',
	);
	L();
	for (const t of runs) {
		L(settingsHeading(t));
		L();
		L(
			`${t.deliveries} deliveries to each endpoint: ${t.distinct} distinct, ${t.simultaneousCopies} copies sent at the same instant as their original, ${t.laterRepeats} repeats sent later.${t.startedAt ? ` Run on ${t.startedAt}, load average ${(t.loadAverageAtStart || []).join(' / ')} at start, ${(t.loadAverageAtEnd || []).join(' / ')} at end.` : ''}`,
		);
		L();
		L(
			'| Endpoint | Executions started | Distinct deliveries | Ack p50 | Ack p95 | Ack max | p50 / p95 vs Webhook node | HTTP statuses |',
		);
		L('|---|---|---|---|---|---|---|---|');
		const rows = [
			['BigCommerce Trigger (production URL, secret header)', t.trigger, t.distinct],
			['do-nothing control trigger', t.control, '(no de-duplication)'],
			['n8n Webhook node (onReceived)', t.plainWebhook, '(no de-duplication)'],
		];
		for (const [label, e, distinct] of rows) {
			if (!e) continue;
			const vs =
				e === t.plainWebhook
					? ''
					: `${x(e.ack.p50, t.plainWebhook.ack.p50)} / ${x(e.ack.p95, t.plainWebhook.ack.p95)}`;
			L(
				`| ${label} | ${e.executions} | ${distinct} | ${e.ack.p50} ms | ${e.ack.p95} ms | ${e.ack.max} ms | ${vs} | ${JSON.stringify(e.statuses)} |`,
			);
		}
		L();
		if (t.trigger.idleAck) {
			L(
				"The ack path alone (one sender, 50 fresh deliveries to each endpoint, one after the other, after the storm's executions settled):",
			);
			L();
			L('| Endpoint | Ack p50 | Ack p95 | Ratio p50 (vs Webhook node) |');
			L('|---|---|---|---|');
			for (const [label, e] of rows) {
				if (!e || !e.idleAck) continue;
				L(
					`| ${label.replace(/ \(.*/, '')} | ${e.idleAck.p50} ms | ${e.idleAck.p95} ms | ${e === t.plainWebhook ? '' : x(e.idleAck.p50, t.plainWebhook.idleAck.p50)} |`,
				);
			}
			L();
		}
	}
}

// ---- 6. trigger acknowledgement with the API in trouble

const ACK_TARGET_MS = 20;
const ACK_TARGET_ROW =
	"| Trigger ack p99 with the API down or throttled within 20 ms of the plain Webhook node's (issue 10)";
const ACK_PHASES = { oneSender: 'one sender', concurrent: '4 senders' };
const ACK_ENDPOINTS = [
	['trigger', 'BigCommerce Trigger'],
	['control', 'do-nothing control trigger'],
	['plain', 'plain Webhook node'],
];

/** `N8N_A=x, N8N_B=y` for a run with n8n settings, '' for n8n's defaults. */
const settingsKey = (n8nEnv) =>
	Object.entries(n8nEnv || {})
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([k, v]) => `${k}=${v}`)
		.join(', ');

/**
 * Every run of a section measured per n8n settings (`ack`, `trigger`) a report holds: n8n's
 * defaults first, then the runs with other settings (`<key>Variants`).
 */
function settingsRuns(r, key) {
	const runs = [r[key], ...Object.values(r[`${key}Variants`] || {})].filter(Boolean);
	return runs.sort((a, b) => (settingsKey(a.n8nEnv) ? 1 : 0) - (settingsKey(b.n8nEnv) ? 1 : 0));
}
const ackRuns = (r) => settingsRuns(r, 'ack');

/** The target row of a run: issue 10's target under n8n's defaults, "the same" under other settings. */
const withSettings = (a) => `| … the same target with n8n setting \`${settingsKey(a.n8nEnv)}\``;
const ackTargetPrefix = (a) =>
	settingsKey(a.n8nEnv) ? `${withSettings(a)}: ack p99 within 20 ms (issue 10)` : ACK_TARGET_ROW;

const settingsHeading = (a) =>
	`### n8n settings: ${settingsKey(a.n8nEnv) ? `\`${settingsKey(a.n8nEnv)}\`` : "n8n's defaults"}`;

const signedMs = (v) =>
	v === null || Number.isNaN(v) ? '—' : `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`;
const ms = (v) =>
	v === null || v === undefined ? '—' : `${Math.round(v).toLocaleString('en')} ms`;

/** A p99 (or max) that a timeout capped is a lower bound: "≥ 10,000 ms". */
function ackMs(value, summary, timeoutMs) {
	return summary.timeouts > 0 && value >= timeoutMs * 0.99 ? `≥ ${ms(timeoutMs)}` : ms(value);
}

/** Per condition and load: trigger p99 − plain p99, and whether it is within the target. */
function ackComparisons(a) {
	const rows = [];
	for (const c of a.conditions) {
		for (const [phase, label] of Object.entries(ACK_PHASES)) {
			const p = c.phases[phase];
			if (!p) continue;
			const delta = p.trigger.p99 - p.plain.p99;
			rows.push({
				condition: c.name,
				phase,
				label,
				p,
				delta,
				ok: p.trigger.timeouts === 0 && p.trigger.n > 0 && delta <= ACK_TARGET_MS,
			});
		}
	}
	return rows;
}

function ackTargetRow(a) {
	const rows = ackComparisons(a).filter(
		(row) => row.condition === 'down' || row.condition === 'throttled',
	);
	const measured = rows
		.map(
			(row) =>
				`${row.condition}, ${row.label}: ${ackMs(row.p.trigger.p99, row.p.trigger, a.limits.timeoutMs)} vs ${ms(row.p.plain.p99)}${row.p.trigger.timeouts ? ` (${row.p.trigger.timeouts} of ${row.p.trigger.n} acks timed out)` : ''}`,
		)
		.join('; ');
	const misses = rows.filter((row) => !row.ok);
	const miss = misses
		.map(
			(row) =>
				`${row.condition} ${row.label} ${row.p.trigger.timeouts ? `${row.p.trigger.timeouts} timeouts` : `+${ms(row.delta)}`}`,
		)
		.join(', ');
	return `${ackTargetPrefix(a)} | ${measured} | ${verdict(rows.length > 0 && misses.length === 0, `${miss} (target ≤ +${ACK_TARGET_MS} ms)`)} |`;
}

function renderAck(runs, L) {
	const t = runs[0].limits;
	L('## 6. Trigger acknowledgement with the API in trouble (issue 10)');
	L();
	L(
		`Three endpoints in the same n8n, the same deliveries to each: the BigCommerce Trigger subscribed to \`store/order/created\` with its defaults (Skip Incomplete Orders on, Include Full Record on); a **do-nothing control trigger** (\`bench/control-trigger\`, dev-only: a community trigger whose \`webhook()\` only returns the body and whose webhook methods register nothing, loaded through \`N8N_CUSTOM_EXTENSIONS\`); and n8n's plain Webhook node (respond immediately). Four conditions of the API are set on the sandbox. One sender: up to ${t.oneSender.max} deliveries (at least ${t.oneSender.min}, at most ${t.oneSender.budgetMs / 1000} s) to each endpoint, one endpoint after the other, cycling through every order of the three. ${t.concurrent.senders} senders: rounds of ${t.concurrent.chunk} deliveries, ${t.concurrent.senders} at a time, to one endpoint after the other, the order cycling the same way (at least 1 round, at most ${t.concurrent.maxRounds} or ${t.concurrent.budgetMs / 1000} s). Each delivery is a fresh "Order Created" for a complete order the sandbox holds (another \`created_at\` second each, so no repeat). Ack = client-side time to the full answer; the client gives up after ${ms(t.timeoutMs)} (a timeout: BigCommerce counts a slow answer as a failed delivery), and a timed-out ack counts as ${ms(t.timeoutMs)}, so a p99 shown "≥" is a lower bound; with fewer than 100 acks in a cell, its p99 is its max. After each condition the faults are removed (held connections closed), and the bench waits until n8n has finished what it still had in flight before the next one.`,
	);
	L();
	L(
		'Where the gap comes from (README, "Trigger: acknowledgement time"): n8n 2.40.7 takes an expression isolate (`isolated-vm`, single use, about 100 ms of CPU to build, pool of one) for the webhook phase of every start node except its own Webhook node, before the node\'s `webhook()` runs (`dist/webhooks/live-webhooks.js`, `LiveWebhooks.executeWebhook` → `webhookPhaseNeedsIsolate`). The control trigger does nothing, so what it pays over the Webhook node is n8n\'s; "trigger − control" is what the BigCommerce Trigger adds. Only differences within one run are comparable (each run had its own machine load, named under its heading).',
	);
	L();
	for (const a of runs) renderAckRun(a, L);
}

function renderAckRun(a, L) {
	const t = a.limits;
	L(settingsHeading(a));
	L();
	const when = a.startedAt
		? `Run on ${a.startedAt}, load average ${(a.loadAverageAtStart || []).join(' / ')} at start, ${(a.loadAverageAtEnd || []).join(' / ')} at end. `
		: '';
	L(
		`${when}${settingsKey(a.n8nEnv) ? `n8n started with \`${settingsKey(a.n8nEnv)}\`` : "n8n's defaults (expression engine `vm`, isolate pool of 1, eager acquisition)"}. API conditions: ${a.conditions.map((c) => `**${c.name}**: ${c.label}`).join('; ')}.`,
	);
	L();
	L(
		'| API condition | Load | Endpoint | Acks | p50 | p99 | max | p99 − plain p99 | trigger − control p50 / p99 | Timeouts | HTTP answers |',
	);
	L('|---|---|---|---|---|---|---|---|---|---|---|');
	const comparisons = ackComparisons(a);
	for (const c of a.conditions) {
		for (const [phase, label] of Object.entries(ACK_PHASES)) {
			const p = c.phases[phase];
			if (!p) continue;
			const cmp = comparisons.find((row) => row.condition === c.name && row.phase === phase);
			for (const [which, endpoint] of ACK_ENDPOINTS) {
				const e = p[which];
				if (!e) continue;
				const delta =
					which === 'plain'
						? ''
						: `${e.timeouts ? '≥ ' : ''}${signedMs(which === 'trigger' ? cmp.delta : e.p99 - p.plain.p99)}`;
				const vsControl =
					which === 'trigger' && p.control
						? `${signedMs(e.p50 - p.control.p50)} / ${signedMs(e.p99 - p.control.p99)}`
						: '';
				L(
					`| ${c.name} | ${label} | ${endpoint} | ${e.n} | ${ackMs(e.p50, e, t.timeoutMs)} | ${ackMs(e.p99, e, t.timeoutMs)} | ${ackMs(e.max, e, t.timeoutMs)} | ${delta} | ${vsControl} | ${e.timeouts} | ${JSON.stringify(e.statuses)} |`,
				);
			}
		}
	}
	L();
	L(
		'| API condition | Deliveries to each endpoint | Trigger executions started | Control executions started | Plain Webhook executions started | API calls while sending | n8n settled before the next condition |',
	);
	L('|---|---|---|---|---|---|---|');
	for (const c of a.conditions) {
		L(
			`| ${c.name} | ${c.deliveries} | ${c.executions.trigger} | ${c.executions.control ?? '—'} | ${c.executions.plain} | ${c.apiCallsWhileSending} | ${c.settled ? 'yes' : 'no (180 s)'} |`,
		);
	}
	L();
	L(
		`Executions are counted after n8n settled, so they include deliveries whose ack timed out at the client (n8n went on with them). API calls while sending: every request the sandbox received during the condition (the ack path's and the executions' together). The throttled condition answers every call 429 with \`X-Rate-Limit-Requests-Left: 0\` and \`X-Rate-Limit-Time-Reset-Ms: ${a.throttleResetMs}\`; it runs last because n8n's rate-limit governor (one per store, process-wide) then holds every request for that long. Sandbox latency ${a.latencyMs} ms per answer (503 and 429 answers included).`,
	);
	L();
}

/**
 * For a `--only` re-measure without the previous full run's raw results (bench/results/ is not
 * committed): puts the re-measured sections' target rows and sections into the RESULTS.md that is
 * there, and names the re-measure under the machine line. Only sections listed here can be
 * spliced; undefined for any other (the caller then renders the new results alone).
 */
const QUOTA_TARGET_ROW =
	'| Quota-bound job ≤ 1.05× the strict quota-bound minimum, 0 429s surfaced';
const ENTERPRISE_TARGET_ROW =
	'| Store without quota headers: 1,000 single-product GETs ≥ 5× faster than one at a time';

const SPLICEABLE = {
	quota: {
		key: 'quota',
		heading: '## 3. ',
		rows: () => [`${QUOTA_TARGET_ROW} at 150`, `${QUOTA_TARGET_ROW} at 450`, ENTERPRISE_TARGET_ROW],
		// rows of the earlier one-at-a-time job, replaced by the ones above
		drop: [
			'| Quota-bound job ≤ 1.10× the quota-bound minimum',
			'| … against the minimum for a one-request-at-a-time client',
			'| Quota-bound job: 0 429s surfaced to the workflow',
		],
	},
	ack: { key: 'ack', heading: '## 6. ', rows: (r) => [ackTargetPrefix(r.ack)], bySubsection: true },
	trigger: {
		key: 'trigger',
		heading: '## 4. ',
		rows: (r) => stormTargetRows(r.trigger).map((row) => row.slice(0, row.indexOf(' | ', 2))),
		bySubsection: true,
	},
	queue: { key: 'queue', heading: '## 7. ', rows: () => [] },
	// every target row of the export (one pair per N), its section and the transport section, and
	// the method notes that describe it
	catalog: {
		key: 'catalog',
		heading: ['## 1. ', '## Transport'],
		rows: () => [],
		rowGroups: ['| Export N=', INCREMENTAL_TARGET_ROW],
		notes: ['- **Catalog export**', '- **Memory**'],
	},
};

/** Lines [start, stop) of the part that begins at `start` and ends before the next `marks` line. */
function partEnd(lines, start, marks) {
	let stop = start + 1;
	while (stop < lines.length && !marks.some((m) => lines[stop].startsWith(m))) stop++;
	return stop;
}

/**
 * Section 6 holds one subsection per n8n settings (`### n8n settings: …`): a re-measure replaces
 * the subsection of its own settings and keeps the others, so runs with other settings stay side
 * by side; the section's introduction is the fresh one.
 */
function mergeSubsections(oldSection, freshSection) {
	const subsections = (section) => {
		const parts = [];
		for (let i = 0; i < section.length; i++) {
			if (!section[i].startsWith('### ')) continue;
			const stop = partEnd(section, i, ['### ', '## ']);
			parts.push({ heading: section[i], lines: section.slice(i, stop) });
			i = stop - 1;
		}
		return parts;
	};
	const intro = freshSection.slice(
		0,
		freshSection.findIndex((line) => line.startsWith('### ')),
	);
	const kept = subsections(oldSection);
	for (const part of subsections(freshSection)) {
		const at = kept.findIndex((old) => old.heading === part.heading);
		if (at >= 0) kept[at] = part;
		else kept.push(part);
	}
	const defaultsFirst = (part) => (part.heading.includes("n8n's defaults") ? 0 : 1);
	kept.sort((a, b) => defaultsFirst(a) - defaultsFirst(b));
	return [...intro, ...kept.flatMap((part) => part.lines)];
}

function spliceReport(previousMd, results, sections) {
	if (!sections.every((name) => SPLICEABLE[name] && results[SPLICEABLE[name].key]))
		return undefined;
	const fresh = render(results).split('\n');
	let lines = previousMd.split('\n');
	for (const name of sections) {
		const spec = SPLICEABLE[name];
		lines = lines.filter((line) => !(spec.drop || []).some((prefix) => line.startsWith(prefix)));
		// target rows: replace, or add at the end of the Targets table
		for (const prefix of spec.rows(results)) {
			const row = fresh.find((line) => line.startsWith(prefix));
			const at = lines.findIndex((line) => line.startsWith(prefix));
			if (at >= 0) lines[at] = row;
			else {
				const header = lines.findIndex((line) => line.startsWith('| Target'));
				let end = header;
				while (end + 1 < lines.length && lines[end + 1].startsWith('|')) end++;
				lines.splice(end + 1, 0, row);
			}
		}
		// target rows of which there may be several (one per N): the old ones go, the fresh ones
		// take the place of the first
		for (const prefix of spec.rowGroups || []) {
			const rows = fresh.filter((line) => line.startsWith(prefix));
			let at = lines.findIndex((line) => line.startsWith(prefix));
			lines = lines.filter((line) => !line.startsWith(prefix));
			if (at < 0) {
				const header = lines.findIndex((line) => line.startsWith('| Target'));
				at = header + 1;
				while (at < lines.length && lines[at].startsWith('|')) at++;
			}
			lines.splice(at, 0, ...rows);
		}
		for (const prefix of spec.notes || []) {
			const note = fresh.find((line) => line.startsWith(prefix));
			const at = lines.findIndex((line) => line.startsWith(prefix));
			if (note && at >= 0) lines[at] = note;
		}
		// the sections: replace (a section kept per n8n settings merges by subsection), or insert
		// before the transport section / method notes
		for (const heading of [].concat(spec.heading)) {
			const start = fresh.findIndex((line) => line.startsWith(heading));
			if (start < 0) continue;
			const section = fresh.slice(start, partEnd(fresh, start, ['## ']));
			const old = lines.findIndex((line) => line.startsWith(heading));
			if (old >= 0) {
				const oldStop = partEnd(lines, old, ['## ']);
				const merged = spec.bySubsection
					? mergeSubsections(lines.slice(old, oldStop), section)
					: section;
				lines.splice(old, oldStop - old, ...merged);
			} else {
				let at = lines.findIndex((line) => line.startsWith('## Transport'));
				if (at < 0) at = lines.findIndex((line) => line.startsWith('## Method notes'));
				if (at < 0) at = lines.length;
				lines.splice(at, 0, ...section);
			}
		}
	}
	// the re-measure paragraph: replaces one for the same sections, else goes after the others
	const again = {
		sections,
		quick: results.quick,
		n8nEnv: results.n8nEnv,
		startedAt: results.startedAt,
		durationS: results.durationS,
		machine: results.machine,
		loadAverageAtEnd: results.loadAverageAtEnd,
	};
	const paragraph = remeasuredLine(again);
	const sameSections = remeasuredCommand(again);
	const previous = lines.findIndex(
		(line) => line.startsWith('**Re-measured**') && line.includes(sameSections),
	);
	if (previous >= 0) lines[previous] = paragraph;
	else {
		let after = -1;
		lines.forEach((line, i) => {
			if (line.startsWith('Machine:') || line.startsWith('**Re-measured**')) after = i;
		});
		lines.splice(after + 1, 0, '', paragraph);
	}
	lines = lines.join('\n');
	return lines;
}

/**
 * The times to compare: the nodes' own, or the wall times of both when either node time is
 * missing (n8n's Public API returned a 100,000-product execution without its run data).
 */
function exportTimes(ours, http) {
	if (ours.nodeMs && http.nodeMs) return { ours: ours.nodeMs, http: http.nodeMs, node: true };
	return { ours: ours.wallMs, http: http.wallMs, node: false };
}

const LARGE_QUOTA_TEXT = (cat) => {
	const large = cat.find((c) => c.n > 10_000 && c.quota);
	return large
		? `${large.quota.quota.toLocaleString('en')} / ${large.quota.windowMs / 1000} s`
		: 'none';
};

function render(r) {
	const m = r.machine;
	const lines = [];
	const L = (line = '') => lines.push(line);
	L('# Benchmarks');
	L();
	const base = r.base || r;
	const bm = base.machine || m;
	L(
		`Generated by \`npm run bench${r.quick ? ' -- --quick' : ''}\` on ${base.startedAt} (${base.durationS} s). Raw data: \`bench/results/\` (not committed).`,
	);
	L();
	L(
		`Machine: ${bm.nproc} CPUs (${bm.cpuModel}), ${bm.memoryGiB} GiB RAM, ${bm.os}; load average ${bm.loadAverageAtStart.join(' / ')} at start, ${(base.loadAverageAtEnd || []).join(' / ')} at end (the machine is shared: other work ran at the same time). n8n ${bm.n8nVersion} on Node ${bm.n8nNode}; bench driver Node ${bm.benchNode}; commit ${bm.commit}.`,
	);
	for (const again of r.remeasured || []) {
		L();
		L(remeasuredLine(again));
	}
	L();
	L(
		`Sandbox: in-process with the bench driver, ${r.latencyMs} ms added to every API answer, OpenAPI contract check off. Every job ran in the same n8n (\`n8n start\`, regular mode, SQLite), triggered through a production Webhook (respond when the last node finishes); times are the n8n nodes' own execution times from the saved execution (wall = webhook round trip incl. saving the execution).`,
	);
	L();

	L('## Targets');
	L();
	L('| Target (issue 7) | Measured | Verdict |');
	L('|---|---|---|');
	const cat = r.catalog ? r.catalog.results : [];
	for (const n of [...new Set(cat.map((c) => c.n))]) {
		const ours = cat.find((c) => c.n === n && c.key === 'exportOurs');
		const http = cat.find((c) => c.n === n && c.key === 'exportHttp');
		if (!ours || !http) continue;
		L(
			`| Export N=${n.toLocaleString('en')}: calls = ceil(N/250) = ${ours.minimumCalls} | ${ours.calls} calls | ${verdict(ours.calls === ours.minimumCalls, `${ours.calls - ours.minimumCalls} extra`)} |`,
		);
		if (http.status !== 'success') {
			L(
				`| Export N=${n.toLocaleString('en')}: time ≤ 0.5× HTTP Request workflow | this node ${s(ours.nodeMs ?? ours.wallMs)}${ours.nodeMs ? '' : ' (wall)'}; the HTTP Request workflow did not finish: ${http.error || http.status} | **not measured**: no HTTP Request time to compare with |`,
			);
			continue;
		}
		const t = exportTimes(ours, http);
		const ratio = t.ours / t.http;
		const pairs =
			t.node && ours.nodeMsRuns && http.nodeMsRuns
				? ours.nodeMsRuns
						.map((v, i) => (http.nodeMsRuns[i] ? `${(v / http.nodeMsRuns[i]).toFixed(2)}×` : null))
						.filter(Boolean)
				: [];
		L(
			`| Export N=${n.toLocaleString('en')}: time ≤ 0.5× HTTP Request workflow | ${s(t.ours)} vs ${s(t.http)} = ${ratio.toFixed(2)}×${t.node ? '' : ' (wall times: the node times were not in the execution data n8n returned)'}${pairs.length > 1 ? ` (round by round: ${pairs.join(', ')})` : ''} | ${ratio <= 0.5 && pairs.some((p) => parseFloat(p) > 0.5) ? '**met** on the medians, not in every round' : verdict(ratio <= 0.5, `${ratio.toFixed(2)}× instead of ≤ 0.50× (would need to be ${(ratio / 0.5).toFixed(1)}× faster, ${(((ratio - 0.5) / 0.5) * 100).toFixed(0)}% over); see the machine's load average above and the notes`)} |`,
		);
	}
	const largest = cat.filter((c) => c.key === 'exportOurs').sort((a, b) => b.n - a.n)[0];
	if (largest && largest.n >= 100_000) {
		const grow = largest.memory.growthMiB;
		L(
			`${MEMORY_TARGET_ROW} | ${grow} MiB above rest (${largest.memory.idleRssMiB} → ${largest.memory.peakRssMiB} MiB, saving the execution included; n8n restarted before this size, so the figure holds no heap from the smaller sizes) | ${verdict(grow <= MEMORY_TARGET_MIB, `${grow - MEMORY_TARGET_MIB} MiB over`)} |`,
		);
	}
	const inc = r.catalog && r.catalog.incremental;
	if (inc && inc.n >= 100_000) {
		L(
			`${INCREMENTAL_TARGET_ROW} | ${inc.second.calls} call${inc.second.calls === 1 ? '' : 's'}, ${s(inc.second.nodeMs)} (wall ${s(inc.second.wallMs)}), ${inc.second.products} products returned, ${inc.exact ? 'exactly the 50 changed' : 'NOT exactly the 50 changed'} | ${verdict(inc.second.calls <= 5 && inc.exact, `${inc.second.calls} calls${inc.exact ? '' : ', wrong products'}`)} |`,
		);
	}
	if (r.quota && r.quota.runs) {
		for (const run of r.quota.runs) {
			const ours = run.results.find((q) => q.key === 'quotaOurs');
			if (!ours) continue;
			const sr = ours.nodeMs / run.strictMinimumMs;
			L(
				`${QUOTA_TARGET_ROW} at ${run.label} | ${s(ours.nodeMs)} vs ${s(run.strictMinimumMs)} = ${sr.toFixed(2)}×, ${ours.surfaced429} 429s surfaced (${ours.rateLimited} hit at the API), status ${ours.status} | ${verdict(sr <= 1.05 && ours.surfaced429 === 0 && ours.status === 'success', `${sr.toFixed(2)}×${ours.surfaced429 ? `, ${ours.surfaced429} 429 surfaced` : ''}`)} |`,
			);
		}
		const e = r.quota.enterprise;
		const par = e && e.results.find((q) => q.key === 'enterpriseOurs');
		const seq = e && e.results.find((q) => q.key === 'enterpriseSeq');
		if (par && seq) {
			const speedup = seq.nodeMs / par.nodeMs;
			L(
				`${ENTERPRISE_TARGET_ROW} | ${s(par.nodeMs)} vs ${s(seq.nodeMs)} = ${speedup.toFixed(1)}× faster | ${verdict(speedup >= 5 && par.status === 'success', `${speedup.toFixed(1)}×`)} |`,
			);
		}
	}
	if (r.orders) {
		const ours = r.orders.results.find((o) => o.key === 'ordersOurs');
		const http = r.orders.results.find((o) => o.key === 'ordersHttp');
		if (ours && http) {
			const ratio = ours.calls / http.calls;
			L(
				`| Order export calls ≤ 0.1× one-call-per-order | ${ours.calls} vs ${http.calls} = ${ratio.toFixed(ratio < 0.01 ? 3 : 2)}× | ${verdict(ratio <= 0.1, `${ratio.toFixed(2)}× (${(ratio / 0.1).toFixed(1)}× the target), see notes`)} |`,
			);
			L(
				`| Order export: every order's line items, as the store holds them | ${ours.ordersWithLineItems} of ${ours.n} orders, ${ours.perOrderProductCalls} per-order calls | ${verdict(ours.ordersWithLineItems === ours.n, `${ours.n - ours.ordersWithLineItems} orders without their line items`)} |`,
			);
		}
	}
	for (const t of settingsRuns(r, 'trigger')) for (const row of stormTargetRows(t)) L(row);
	for (const a of ackRuns(r)) L(ackTargetRow(a));
	L();

	if (cat.length) {
		L(
			`## 1. Catalog export (products with variants, images, custom fields; quota ${r.catalog.quota.quota} / ${r.catalog.quota.windowMs / 1000} s, BigCommerce's real one, up to 10,000) and 5. memory`,
		);
		L();
		L(
			`Each size ran ${r.catalog.reps ? `${r.catalog.reps.small} times (1,000) / ${r.catalog.reps.large} times (10,000) / once (100,000)` : 'once'}, alternating the two workflows (at 100,000: this node first, HTTP Request last), after one unrecorded warm-up run of each; times are medians (of two runs: the faster; all runs in brackets). 100,000 products need 400 calls, more than BigCommerce's 150 / 30 s allows, and the HTTP Request node stops at its first 429: that size runs on a store with a larger quota (${LARGE_QUOTA_TEXT(cat)}, Enterprise-like; the quota headers stay, so n8n's governor paces as on a real store).`,
		);
		L();
		if (cat.some((c) => c.n >= 10_000)) {
			L(
				'![Export Catalog against the HTTP Request workflow: API calls, node time and n8n memory growth against N](export-scaling.svg)',
			);
			L();
		}
		L(
			'| N | Approach | API calls (min) | 429s hit | Node time (median) | Wall | Ratio (ours / HTTP) | Products | Missing | Duplicates | n8n RSS before → peak | Peak above rest | Status |',
		);
		L('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
		for (const c of cat) {
			const http = cat.find((o) => o.n === c.n && o.key === 'exportHttp');
			const t = http ? exportTimes(c, http) : undefined;
			const ratio =
				c.key !== 'exportHttp' && t ? `${x(t.ours, t.http)}${t.node ? '' : ' (wall)'}` : '';
			const unread =
				c.nodeMs === null ||
				c.nodeMs === undefined ||
				(c.runs || []).some((run) => run.outputRead === false);
			const items =
				c.key === 'exportHttp'
					? `${c.items} (in ${c.calls} page items)`
					: c.key === 'exportFileOnly'
						? `${c.items} (CSV rows; 1 item)`
						: String(c.items);
			const calls =
				c.callsEveryRun && c.callsEveryRun.some((v) => v !== c.calls)
					? `${c.callsEveryRun.join('/')}`
					: c.calls;
			L(
				`| ${c.n.toLocaleString('en')} | ${c.approach} | ${calls} (${c.minimumCalls}) | ${c.rateLimited} | ${s(c.nodeMs)}${c.nodeMsRuns && c.nodeMsRuns.length > 1 ? ` (${c.nodeMsRuns.map((v) => (v / 1000).toFixed(2)).join(', ')})` : ''} | ${s(c.wallMs)} | ${ratio} | ${unread ? '— (run data not returned)' : items} | ${unread ? '—' : (c.missing ?? '—')} | ${c.duplicates} | ${c.memory.startRssMiB} → ${c.memory.firstRunPeakRssMiB ?? c.memory.peakRssMiB} MiB${c.memory.firstRunPeakRssMiB !== undefined && c.memory.peakRssMiB !== c.memory.firstRunPeakRssMiB ? ` (later runs up to ${c.memory.peakRssMiB})` : ''} | ${c.memory.growthMiB !== undefined ? `+${c.memory.growthMiB} MiB` : '—'} | ${c.status}${c.error ? `: ${c.error.slice(0, 80)}` : ''} |`,
			);
		}
		L();
		if (r.catalog.idleRssMiB)
			L(
				`"Peak above rest": the n8n process's highest VmRSS during the job (until n8n had saved the execution) minus the VmRSS at rest of the n8n process that ran it (${r.catalog.idleRssMiB} MiB for 1,000 and 10,000${largestIdle(r.catalog)}). V8 keeps the heap it grew, so a later job's figure also holds what earlier jobs of the same process left: the sizes run in increasing order, this node first at each size; before 100,000 n8n is restarted and does one unrecorded run of 0 products (loading the node's code), then this node, the CSV File Only and incremental runs, and the HTTP Request workflow last (it needs the most memory).`,
			);
		const inc = r.catalog.incremental;
		if (inc) {
			L();
			L(
				`Incremental export (Product › Export Catalog, Incremental on) of ${inc.n.toLocaleString('en')} products${inc.source ? ` (${inc.source})` : ''}: the first run reads everything and keeps the cursor; then ${inc.changed} products are modified (spread over the catalog) and the next run reads only what changed since the previous run's start minus 10 minutes:`,
			);
			L();
			L(
				'| Run | API calls | Node time | Wall | Products returned | n8n RSS before → peak | Status |',
			);
			L('|---|---|---|---|---|---|---|');
			for (const [label, run] of [
				['first (no cursor: the whole catalog)', inc.first],
				[`next, ${inc.changed} changed`, inc.second],
			])
				L(
					`| ${label} | ${run.calls} | ${s(run.nodeMs)} | ${s(run.wallMs)} | ${run.products}${run === inc.second ? (inc.exact ? ` (exactly the ${inc.changed} changed)` : ' (NOT the changed ones)') : ''} | ${run.memory.startRssMiB} → ${run.memory.peakRssMiB} MiB | ${run.status} |`,
				);
		}
		L();
		if (r.n8nVmHwmMiB)
			L(
				`n8n main process VmHWM at the end of the run${r.remeasured && r.remeasured.some((x) => x.sections.includes('catalog')) ? ' that re-measured this section' : ''}: ${r.n8nVmHwmMiB} MiB (peak RSS over its whole life, all jobs of that run).`,
			);
		L();
	}

	if (r.orders) {
		const q = r.orders.quota;
		L(
			`## 2. Orders with line items (quota scaled to ${q.quota} / ${q.windowMs / 1000} s, same rate as 150 / 30 s)`,
		);
		L();
		L(
			'| N orders | Approach | API calls | of which /orders/{id}/products | 429s hit | Node time | Wall | Orders with line items | Status |',
		);
		L('|---|---|---|---|---|---|---|---|---|');
		for (const o of r.orders.results) {
			L(
				`| ${o.n} | ${o.approach} | ${o.calls} | ${o.perOrderProductCalls} | ${o.rateLimited} | ${s(o.nodeMs)} | ${s(o.wallMs)} | ${o.ordersWithLineItems} | ${o.status}${o.error ? `: ${o.error.slice(0, 80)}` : ''} |`,
			);
		}
		L();
	}

	if (r.quota && r.quota.runs) {
		const q = r.quota;
		L(
			"## 3. Quota-bound job (3 windows of single-product GETs at each quota, BigCommerce's real 30 s windows) and a store without quota",
		);
		L();
		L(
			`Strict minimum: the last window opens after (windows − 1) × window, then one call of ${q.latencyMs} ms. One-at-a-time minimum: (windows − 1) × window + calls in the last window × ${q.latencyMs} ms (a client sending one request at a time). "Most in flight": the most of the job's requests the sandbox was handling at once.`,
		);
		L();
		L(
			'| Quota | Approach | API calls | 429s hit | 429 surfaced | Most in flight | Node time | vs strict minimum | vs one-at-a-time minimum | Items OK | In order | Status |',
		);
		L('|---|---|---|---|---|---|---|---|---|---|---|---|');
		for (const run of q.runs) {
			for (const o of run.results) {
				L(
					`| ${quotaLabel(run)} | ${o.approach} | ${o.calls} | ${o.rateLimited} | ${o.surfaced429 ? 'yes' : 'no'} | ${o.mostInFlight} | ${s(o.nodeMs)} | ${x(o.nodeMs, run.strictMinimumMs)} | ${x(o.nodeMs, run.oneAtATimeMinimumMs)} | ${o.itemsOk} / ${o.jobCalls} | ${o.inOrder === null ? '—' : o.inOrder ? 'yes' : 'no'} | ${o.status}${o.error ? `: ${o.error.slice(0, 90)}` : ''} |`,
				);
			}
		}
		L();
		L('Throughput of the bulk job (this node, items/s = items ÷ node time):');
		L();
		L('| Quota | Items in parallel (default) | One at a time | Quota-bound rate over the job |');
		L('|---|---|---|---|');
		for (const run of q.runs) {
			const par = run.results.find((o) => o.key === 'quotaOurs');
			const seq = run.results.find((o) => o.key === 'quotaOursSeq');
			const bound = ((run.calls / run.strictMinimumMs) * 1000).toFixed(1);
			L(
				`| ${run.label} | ${par ? par.itemsPerS : '—'} | ${seq ? seq.itemsPerS : '—'} | ${bound} |`,
			);
		}
		const e = q.enterprise;
		if (e) {
			const par = e.results.find((o) => o.key === 'enterpriseOurs');
			const seq = e.results.find((o) => o.key === 'enterpriseSeq');
			L(
				`| none (store without rate-limit headers, ${e.calls} GETs) | ${par ? par.itemsPerS : '—'} | ${seq ? seq.itemsPerS : '—'} | — |`,
			);
			L();
			L(
				'| Store without quota headers | API calls | Most in flight | Node time | Items OK | In order | Status |',
			);
			L('|---|---|---|---|---|---|---|');
			for (const o of e.results) {
				L(
					`| ${o.approach} | ${o.calls} | ${o.mostInFlight} | ${s(o.nodeMs)} | ${o.itemsOk} / ${o.jobCalls} | ${o.inOrder ? 'yes' : 'no'} | ${o.status} |`,
				);
			}
		}
		L();
	}

	if (settingsRuns(r, 'trigger').length) renderStorm(settingsRuns(r, 'trigger'), L);
	if (ackRuns(r).length) renderAck(ackRuns(r), L);
	if (r.queue && r.queue.regular && r.queue.twoWorkers) {
		const q = r.queue;
		const rows = [
			['regular mode (`n8n start`, SQLite)', q.regular],
			[`queue mode, 1 worker (concurrency ${q.workerConcurrency})`, q.oneWorker],
			[`queue mode, 2 workers (concurrency ${q.workerConcurrency} each)`, q.twoWorkers],
		];
		L('## 7. Queue mode (issue 17)');
		L();
		L(
			`The same work in one run: regular mode first, then (that n8n stopped) a queue-mode cluster from the e2e harness (\`e2e/lib/queue.js\`: PostgreSQL 15, Redis 7, main, 2 \`n8n webhook\` behind nginx round-robin, 2 \`n8n worker\`), measured with 2 workers and again after stopping one. Everything shares the 2 cores. Store without quota (80 ms per call), so this is n8n's and the package's throughput.`,
		);
		L();
		L(
			`| Mode | Trigger: ${q.work.deliveries} distinct deliveries → executions finished | executions/s | ack p50 | answers | Bulk job: ${q.work.calls} executions × ${q.work.idsPerCall} Product › Get | executions/s | items/s | 429s |`,
		);
		L('|---|---|---|---|---|---|---|---|---|');
		for (const [label, w] of rows) {
			if (!w) continue;
			L(
				`| ${label} | ${w.trigger.executions} in ${s(w.trigger.finishedInMs)} | ${w.trigger.executionsPerS ?? '—'} | ${w.trigger.ackP50Ms} ms | ${JSON.stringify(w.trigger.statuses)} | ${s(w.bulk.wallMs)} (answers ${JSON.stringify(w.bulk.answers)}) | ${w.bulk.executionsPerS} | ${w.bulk.itemsPerS} | ${w.bulk.rateLimited} |`,
			);
		}
		L();
		L(
			'Trigger executions/s = executions counted (Public API on main) ÷ time from the first delivery sent (8 senders) until all of them had finished; bulk executions/s = calls ÷ time until the last webhook answer (respond when the last node finishes). On this 2-core machine the cluster (PostgreSQL, Redis, five n8n processes) and the regular n8n share the same two cores with the bench driver and, when the load average under the machine line is high, other people\'s suites: a second worker then adds contention, not CPU, so "2 workers" is not expected to beat "1 worker" here, and differences of tens of percent are noise. What does not vary: every delivery gave exactly one execution, every bulk call answered 200, no 429. Rate limits across workers (a store at its quota): e2e `test/e2e-queue/30-rate-limit.e2e.js`, numbers in the README\'s rate-limit section.',
		);
		L();
	}

	if (r.transportConcurrency) {
		const t = r.transportConcurrency;
		const med = (list) => [...list.map((v) => v.ms)].sort((a, b) => a - b)[0];
		const seq = med(t.results['concurrency 1']);
		const par = med(t.results['concurrency 4']);
		L(`## Transport: concurrent page reads (outside n8n)`);
		L();
		L(
			`\`bench/transport-concurrency.js\`: ${t.n.toLocaleString('en')} products with variants, images and custom fields read through \`bigCommerceApiRequestAllItems\` (dist/) from the same kind of sandbox (80 ms, 150 / 30 s), twice each, best run shown.`,
		);
		L();
		L('| Pages | API calls | Time (runs) | Ratio |');
		L('|---|---|---|---|');
		L(
			`| one after the other | ${t.results['concurrency 1'][0].calls} | ${s(seq)} (${t.results['concurrency 1'].map((v) => (v.ms / 1000).toFixed(2)).join(', ')}) | 1.00× |`,
		);
		L(
			`| \`concurrency: 4\` | ${t.results['concurrency 4'][0].calls} | ${s(par)} (${t.results['concurrency 4'].map((v) => (v.ms / 1000).toFixed(2)).join(', ')}) | ${x(par, seq)} |`,
		);
		L();
	}

	L('## Method notes');
	L();
	L(
		'- **HTTP Request workflows** are what a user without this package builds: n8n-nodes-base.httpRequest 4.2 with a generic Header Auth credential (`X-Auth-Token`), `include=variants,images,custom_fields&limit=250`, pagination "Update a Parameter in Each Request" `page={{ $pageCount + 1 }}`, complete when `current_page >= total_pages`. Its output is one item per page (the raw body); ours is one simplified item per product (Simplify on, the default).',
	);
	L(
		'- **API calls and 429s** are counted from the sandbox request log of each job. "Missing" compares the product ids in the output with the store\'s.',
	);
	L(
		"- **Catalog export** runs at the real quota (150 / 30 s) up to 10,000 products (40 calls fit in one window, so it measures latency and processing, not the quota) and at 5,000 / 30 s for 100,000 (400 calls; see section 1). The HTTP Request node reads one page after the other. Export Catalog (whole catalog, no filter) reads page 1, then the other pages by page number with up to 4 in flight (`nodes/BigCommerce/actions/product/exportCatalog.operation.ts`): ceil(N/250) calls. It keeps the page count of its previous run in the workflow's static data (written only when it changes) and sends pages 2-4 together with page 1, which saves a round trip; n8n's rate-limit governor still sends the first request after a quiet period (its window reset) alone to learn the quota, so the saving needs a call to the store within its current 30 s window, or a store without rate-limit headers. Keyset pagination (`id:greater`) stays as the fallback that keeps changes during the export safe: the pages must bring exactly page 1's total of distinct products, none created since the export began, all reporting that total; otherwise the rest after page 1 is read again by keyset, so no product is skipped or repeated (extra calls only then; tests in `test/actions/product/exportCatalog.test.ts`). Each page is shaped as it arrives (the file, when asked for, as one UTF-8 buffer per page, never one string of the whole catalog), and the pages are put in id order page by page at the end. Filtered exports (visible, channel, incremental) still read by keyset, one page after the other (their lists can gain members anywhere in id order). `node bench/export-profile.js [N]` runs the operation outside n8n with the sandbox in another process, for `--cpu-prof` and memory figures of the node's own work.",
	);
	L(
		"- **Quota-bound job** runs at BigCommerce's real quotas and windows, 150 / 30 s (Standard, Plus) and 450 / 30 s (Pro): with windows scaled down to 3 s the fixed cost at each reset (the governor waits for the latest moment the store's answers allow: up to one round trip after the reset) weighs ten times what it does on a store. **Orders** use the scaled quota 15 / 3 s (same rate as 150 / 30 s) to keep the run short; the sandbox starts with 15 / 3 s. This node works on up to 32 items at once (the Items in Parallel default; the \"one at a time\" rows set it to 1). With q calls per window and 32 in flight, the last window takes at least ceil(q / 32) round trips instead of one, and n8n's own work per item (about 3.7 ms here: the item's expression, its credential read, the HTTP client) adds to it, so the ratio to the strict minimum cannot go below (2 × window + ceil(q / 32) × 80 ms) / (2 × window + 80 ms) for a 3-window job: 1.00× at 150 / 30 s, 1.02× at 450 / 30 s (with 16 in flight 1.04×, with 8 1.07×). The store without quota headers is a second sandbox (no rate limit, the same 80 ms), its own governor. HTTP Request with defaults sends all items at once; the \"batching\" variants use n8n's Batching option (one window's quota per batch, 30 000 ms apart, for single products; 14 / 3000 ms for the order products so the list call fits in the first window), what a careful user sets.",
	);
	L(
		"- **Orders**: Order › Get Many with **Include Line Items** sends BigCommerce V2 `GET /orders?include=consignments.line_items&consignment_structure=object` (`orders.v2.oas2.yml`, parameters `order_includes` and `consignment_structure`): the line items come inside each order's consignments, 250 orders per call, and the node flattens them into a `products` list per order (the records `GET /orders/{id}/products` returns). \"Orders with line items\" counts orders whose list has exactly the store's line items (ids and quantities). The HTTP Request workflow lists the orders and then asks `/orders/{id}/products` for each (n8n's Batching 14 / 3 s to stay under the scaled quota).",
	);
	L(
		"- **Trigger**: deliveries are POSTed straight to the production webhook URLs (the trigger's with the secret header its activation registered), 8 senders, interleaved in chunks of 100 (ABBA) between the two endpoints. Event `store/product/updated`, Include Full Record off, so no API call happens on the ack path or in the execution. Executions counted through the Public API after they settled. Ack latency = client-side time to the full answer (n8n answers `onReceived` once the execution is created). Under the storm, the trigger's executions cost more than the plain Webhook's (each records its delivery key through n8n's processed-data store and saves the workflow's static data), which is the likely cause of the slower acks there; the idle measurement isolates the ack path.",
	);
	L(
		'- **Memory**: VmRSS of the n8n main process sampled every 50 ms from /proc during each job, until n8n has saved the execution (not while the bench reads it back): before → peak of the first run of each size (this node runs first there), the highest peak of later runs in brackets; "peak above rest" subtracts the RSS n8n had before the section\'s first job (RSS does not fall back between runs: V8 keeps its heap, so later figures are upper bounds); VmHWM of the process at the end of the whole bench.',
	);
	L(
		"- **Quick mode** (`npm run bench -- --quick`): N = 1,000 only, 50 orders, 200 deliveries (queue section: 60 deliveries, 10 bulk executions); `--only catalog,quota,orders,trigger,ack,queue` re-measures parts and merges them into the previous full run's results (`bench/results/latest.json`; without it, `--only ack` or `--only queue` puts its target row and section into the RESULTS.md that is there), naming the re-measured sections and when under the machine line. `node bench/report.js [results.json]` re-renders this file.",
	);
	L(
		'- Timings on this shared 2-core machine (load average above) vary by tens of percent between runs; call counts, 429s, missing items and execution counts do not.',
	);
	L();
	return lines.join('\n');
}

// ---- the export chart (bench/export-scaling.svg): plain SVG text, no dependency

const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const SERIES = [
	{ key: 'exportOurs', label: 'Export Catalog (one item per product)', color: '#d9480f', dash: '' },
	{ key: 'exportHttp', label: 'HTTP Request + pagination', color: '#1c7ed6', dash: '6 4' },
	{ key: 'exportFileOnly', label: 'Export Catalog, CSV file only', color: '#2b8a3e', dash: '2 3' },
];
const PANELS = [
	{ title: 'API calls', value: (c) => c.calls, log: true, unit: '' },
	{
		title: 'Time (s): node, or wall where n8n did not return it',
		value: (c) => ((c.nodeMs ?? c.wallMs) === null ? NaN : (c.nodeMs ?? c.wallMs) / 1000),
		log: true,
		unit: ' s',
	},
	{
		title: 'n8n peak RSS above rest (MiB)',
		value: (c) => c.memory.growthMiB,
		log: false,
		unit: '',
	},
];

/** Calls, node time and memory growth against N, this node beside the HTTP Request workflow. */
function exportChartSvg(catalog) {
	const cat = catalog.results;
	const sizes = [...new Set(cat.map((c) => c.n))].sort((a, b) => a - b);
	const W = 300;
	const H = 230;
	const pad = { left: 52, right: 28, top: 30, bottom: 38 };
	const width = W * PANELS.length;
	const height = H + 58;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
		`<rect width="${width}" height="${height}" fill="#fff"/>`,
	];
	const lx = (n) => Math.log10(n);
	const [x0, x1] = [lx(sizes[0]), lx(sizes[sizes.length - 1])];
	PANELS.forEach((panel, k) => {
		const ox = k * W;
		const values = cat.map(panel.value).filter((v) => Number.isFinite(v));
		const positive = values.filter((v) => v > 0);
		const yMin = panel.log ? 10 ** Math.floor(Math.log10(Math.min(...positive))) : 0;
		// linear: a round step (1, 2 or 5 × 10^k) so that 4 steps cover the largest value
		const rough = Math.max(1, ...values) / 4;
		const magnitude = 10 ** Math.floor(Math.log10(rough));
		const step = [1, 2, 5, 10].map((f) => f * magnitude).find((v) => v >= rough);
		const yMax = panel.log ? 10 ** Math.ceil(Math.log10(Math.max(...positive))) : step * 4;
		const fy = (v) => (panel.log ? Math.log10(Math.max(v, yMin)) : v);
		const px = (n) => ox + pad.left + ((lx(n) - x0) / (x1 - x0 || 1)) * (W - pad.left - pad.right);
		const py = (v) =>
			pad.top + (1 - (fy(v) - fy(yMin)) / (fy(yMax) - fy(yMin) || 1)) * (H - pad.top - pad.bottom);
		parts.push(
			`<text x="${ox + W / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(panel.title)}</text>`,
		);
		// grid and y labels
		const ticks = panel.log
			? Array.from({ length: Math.round(Math.log10(yMax / yMin)) + 1 }, (_, i) => yMin * 10 ** i)
			: Array.from({ length: 5 }, (_, i) => step * i);
		for (const t of ticks) {
			parts.push(
				`<line x1="${ox + pad.left}" x2="${ox + W - pad.right}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" stroke="#e9ecef"/>`,
				`<text x="${ox + pad.left - 4}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end" fill="#495057">${t >= 1 ? Math.round(t).toLocaleString('en') : t}</text>`,
			);
		}
		for (const n of sizes) {
			parts.push(
				`<line x1="${px(n).toFixed(1)}" x2="${px(n).toFixed(1)}" y1="${pad.top}" y2="${H - pad.bottom}" stroke="#e9ecef"/>`,
				`<text x="${px(n).toFixed(1)}" y="${H - pad.bottom + 14}" text-anchor="middle" fill="#495057">${n.toLocaleString('en')}</text>`,
			);
		}
		parts.push(
			`<text x="${ox + (pad.left + W - pad.right) / 2}" y="${H - pad.bottom + 30}" text-anchor="middle" fill="#495057">products (N, log scale)</text>`,
		);
		for (const series of SERIES) {
			const points = cat
				.filter((c) => c.key === series.key && Number.isFinite(panel.value(c)))
				.sort((a, b) => a.n - b.n)
				.map((c) => [px(c.n), py(panel.value(c)), panel.value(c)]);
			if (!points.length) continue;
			if (points.length > 1)
				parts.push(
					`<polyline fill="none" stroke="${series.color}" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''} points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`,
				);
			for (const [a, b, v] of points)
				parts.push(
					`<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="3.5" fill="${series.color}"><title>${esc(`${series.label}: ${Math.round(v * 100) / 100}${panel.unit}`)}</title></circle>`,
				);
		}
	});
	// legend: the series that have points
	SERIES.filter((series) => cat.some((c) => c.key === series.key)).forEach((series, k) => {
		const lxPos = 20 + k * 300;
		parts.push(
			`<line x1="${lxPos}" x2="${lxPos + 26}" y1="${H + 22}" y2="${H + 22}" stroke="${series.color}" stroke-width="2"${series.dash ? ` stroke-dasharray="${series.dash}"` : ''}/>`,
			`<text x="${lxPos + 32}" y="${H + 26}">${esc(series.label)}</text>`,
		);
	});
	parts.push(
		`<text x="20" y="${H + 48}" fill="#868e96">Generated by npm run bench (bench/report.js) from the run of ${esc(catalog.startedAt || '')}; 80 ms per API answer; one item per page for HTTP Request.</text>`,
		'</svg>',
	);
	return `${parts.join('\n')}\n`;
}

/** Writes bench/export-scaling.svg when the results hold the export at 10,000 products or more. */
function writeExportChart(results, file = path.join(__dirname, 'export-scaling.svg')) {
	const cat = results.catalog;
	if (!cat || !cat.results.some((c) => c.n >= 10_000)) return undefined;
	fs.writeFileSync(file, exportChartSvg({ ...cat, startedAt: results.startedAt }));
	return file;
}

function writeReport(results, file = path.join(__dirname, 'RESULTS.md')) {
	fs.writeFileSync(file, render(results));
	writeExportChart(results);
	return file;
}

if (require.main === module) {
	const source = process.argv[2] || path.join(__dirname, 'results', 'latest.json');
	const file = writeReport(JSON.parse(fs.readFileSync(source, 'utf8')));
	process.stdout.write(`${file}\n`);
}

module.exports = { render, writeReport, spliceReport, settingsKey, writeExportChart };
