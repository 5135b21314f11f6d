'use strict';
/**
 * The importable example workflows in examples/: every node type and version they use is loaded
 * by the real n8n, every BigCommerce parameter they set exists for its resource and operation
 * (with a valid option value), and the ones with a manual trigger run against the sandbox.
 */
const fs = require('node:fs');
const path = require('node:path');

const OUR_PREFIX = 'n8n-nodes-bigcommerce.';

function isExpression(value) {
	return typeof value === 'string' && value.startsWith('=');
}

/** Does a property's displayOptions.show match the node's parameters (resource/operation/...)? */
function shown(property, parameters) {
	const show = property.displayOptions?.show;
	if (!show) return true;
	return Object.entries(show).every(([key, allowed]) => {
		if (key.startsWith('@')) return true;
		const value = parameters[key];
		return value === undefined || allowed.includes(value);
	});
}

/** Problems with the parameters of one of our nodes, checked against n8n's loaded description. */
function checkParameters(type, node) {
	const problems = [];
	const props = type.properties.filter((p) => shown(p, node.parameters));
	for (const [name, value] of Object.entries(node.parameters || {})) {
		const prop = props.find((p) => p.name === name);
		if (!prop) {
			problems.push(
				`${node.name}: parameter "${name}" does not exist for ${node.parameters.resource}/${node.parameters.operation}`,
			);
			continue;
		}
		if (
			prop.type === 'options' &&
			!isExpression(value) &&
			!prop.options.some((o) => o.value === value)
		) {
			problems.push(
				`${node.name}: "${name}" = ${JSON.stringify(value)} is not one of ${prop.options.map((o) => o.value).join(', ')}`,
			);
		}
		if (prop.type === 'multiOptions' && Array.isArray(value)) {
			for (const v of value) {
				if (!prop.options.some((o) => o.value === v))
					problems.push(`${node.name}: "${name}" has unknown value ${v}`);
			}
		}
		if (prop.type === 'collection' && value && typeof value === 'object') {
			for (const [sub, subValue] of Object.entries(value)) {
				const option = (prop.options || []).find((o) => o.name === sub);
				if (!option) problems.push(`${node.name}: "${name}.${sub}" does not exist`);
				else if (
					option.type === 'options' &&
					!isExpression(subValue) &&
					!option.options.some((o) => o.value === subValue)
				) {
					problems.push(
						`${node.name}: "${name}.${sub}" = ${JSON.stringify(subValue)} is not one of ${option.options.map((o) => o.value).join(', ')}`,
					);
				}
			}
		}
	}
	return problems;
}

async function nodeTypes(ctx) {
	if (ctx.shared.nodeTypes) return ctx.shared.nodeTypes;
	await ctx.started();
	await ctx.n8n.login();
	const res = await ctx.request(`${ctx.n8n.baseUrl}/types/nodes.json`, {
		headers: { cookie: ctx.n8n.jar.header(), 'browser-id': ctx.n8n.browserId },
	});
	ctx.assert.equal(res.status, 200);
	ctx.shared.nodeTypes = res.json;
	return res.json;
}

const RUNNABLE = {
	'quick-start.json': (ctx, run) => {
		const [store] = run.output('Store information');
		ctx.assert.equal(store.name, 'Sandbox Outfitters');
		ctx.assert.equal(run.output('First 10 products').length, 10);
		ctx.assert.equal(run.output('Latest 10 orders').length, 10);
	},
	'scheduled-catalog-export.json': (ctx, run) => {
		const items = run.json.data.resultData.runData['Export catalog'][0].data.main[0];
		const summary = items[items.length - 1];
		const products = items.slice(0, -1).map((item) => item.json);
		ctx.assert.equal(summary.json.summary, true);
		ctx.assert.ok(summary.json.exported > 0);
		ctx.assert.equal(products.length, summary.json.exported);
		ctx.assert.ok(summary.binary && summary.binary.data, 'the last item carries the CSV file');
		ctx.assert.equal(summary.binary.data.mimeType, 'text/csv');
		ctx.assert.equal(
			run.output('Write the CSV to disk').length,
			1,
			'only the file item reaches the write step',
		);
		// the Read/Write Files from Disk node wrote it into the configured folder (the harness's
		// export folder, the only one n8n may write to): read it back
		const folder = ctx.delivery.exportFolder;
		const files = fs.readdirSync(folder).filter((f) => /^catalog-\d{4}-\d{2}-\d{2}\.csv$/.test(f));
		ctx.assert.equal(files.length, 1, `one dated CSV in ${folder}: ${fs.readdirSync(folder)}`);
		const bytes = fs.readFileSync(path.join(folder, files[0]));
		ctx.assert.ok(
			bytes.equals(ctx.n8n.readBinary(summary.binary.data)),
			'the file on disk is the CSV the export produced, byte for byte',
		);
		const lines = bytes
			.toString('utf8')
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\n');
		ctx.assert.match(lines[0], /^id,name,sku,/, 'header row');
		const rowIds = lines.slice(1).map((line) => Number(line.split(',')[0]));
		ctx.assert.deepEqual(
			rowIds,
			products.map((p) => p.id),
			'one row per exported product, in order',
		);
		const first = products[0];
		ctx.assert.ok(
			lines[1].includes(first.name) && lines[1].includes(first.sku),
			`the first row holds product ${first.id}'s name and SKU: ${lines[1].slice(0, 120)}`,
		);
	},
	'order-fulfilment-sync.json': (ctx, run) => {
		const shipments = run.output('Create shipment with tracking');
		ctx.assert.ok(shipments.length >= 1);
		for (const s of shipments) {
			ctx.assert.match(s.tracking_number, /^1Z999AA1/);
			const order = require('./helpers')
				.values(ctx.sandbox.state.orders)
				.find((o) => o.id === s.order_id);
			ctx.assert.equal(Number(order.status_id), 2, `order ${s.order_id} is Shipped in the store`);
		}
	},
};

module.exports = {
	name: 'Examples (examples/*.json)',

	workflows: (ctx) => ctx.examples().map(({ workflow }) => workflow),

	tests: [
		{
			name: 'every node type and version used by the examples is loaded by n8n',
			async run(ctx) {
				const types = await nodeTypes(ctx);
				const problems = [];
				for (const { file, workflow } of ctx.examples()) {
					for (const node of workflow.nodes) {
						const candidates = types.filter((t) => t.name === node.type);
						const versions = candidates.flatMap((t) =>
							Array.isArray(t.version) ? t.version : [t.version],
						);
						if (!candidates.length) problems.push(`${file}: unknown node type ${node.type}`);
						else if (!versions.includes(node.typeVersion)) {
							problems.push(
								`${file}: ${node.type} has no version ${node.typeVersion} (has ${versions.join(', ')})`,
							);
						}
					}
				}
				ctx.assert.deepEqual(problems, []);
			},
		},
		{
			name: 'every BigCommerce parameter in the examples exists for its resource and operation',
			async run(ctx) {
				const types = await nodeTypes(ctx);
				const problems = [];
				let checked = 0;
				for (const { file, workflow } of ctx.examples()) {
					for (const node of workflow.nodes) {
						if (!node.type.startsWith(OUR_PREFIX)) continue;
						const type = types.find((t) => t.name === node.type);
						if (!type) continue;
						checked++;
						for (const p of checkParameters(type, node)) problems.push(`${file}: ${p}`);
					}
				}
				ctx.assert.ok(checked >= 10, `checked ${checked} BigCommerce nodes`);
				ctx.assert.deepEqual(problems, []);
			},
		},
		...Object.entries(RUNNABLE).map(([file, verify]) => ({
			name: `${file} runs against the sandbox`,
			async run(ctx) {
				const example = ctx.examples().find((e) => e.file === file);
				ctx.assert.ok(example, `${file} is missing`);
				const run = ctx.expectSuccess(await ctx.execute(example.workflow.id), file);
				verify(ctx, run);
			},
		})),
	],
};
