'use strict';
/**
 * The benchmark workflows: for each job, this package's node and what a user without it builds
 * with n8n's own nodes (HTTP Request with its built-in pagination / batching, plain Webhook).
 * Every job workflow starts with a production Webhook (responseMode lastNode, no data), so the
 * bench runs them in ONE long-running n8n and reads each node's own execution time afterwards.
 */
const path = require('node:path');
const wf = require('../e2e/lib/workflows');

const HEADER_CRED = {
	id: 'benchHeaderAuth1',
	name: 'BigCommerce token (header auth)',
	type: 'httpHeaderAuth',
};

/** A second store without rate-limit headers (Enterprise-like), its own sandbox. */
const ENTERPRISE_CRED = {
	id: 'benchEnterprise1',
	name: 'BigCommerce store without quota headers',
	type: 'bigCommerceApi',
};

/**
 * The quota-bound job runs at BigCommerce's real quotas (Standard/Plus and Pro plans), real 30 s
 * windows: scaled-down windows make the fixed cost at each reset (one round trip) 10× larger
 * relative to the window than any store sees.
 */
const QUOTA_JOB = {
	standard: { quota: 150, windowMs: 30_000 },
	pro: { quota: 450, windowMs: 30_000 },
};

const IDS = {
	exportOurs: 'benchExportOurs1',
	exportHttp: 'benchExportHttp1',
	exportFileOnly: 'benchExportFile1',
	exportIncremental: 'benchExportIncr1',
	ordersOurs: 'benchOrdersOurs1',
	ordersHttp: 'benchOrdersHttp1',
	quotaOurs: 'benchQuotaOurs01',
	quotaHttp: 'benchQuotaHttp01',
	quotaHttpBatched: 'benchQuotaHttpB1',
	quotaOursSeq: 'benchQuotaOursS1',
	quotaHttpBatched45: 'benchQuotaHttpB4',
	enterpriseOurs: 'benchEntOurs0001',
	enterpriseSeq: 'benchEntSeq00001',
	trigger: 'benchTrigger0001',
	ackTrigger: 'benchAckTrigger1',
	plainHook: 'benchPlainHook01',
	controlTrigger: 'benchControlTrg1',
};

const PATHS = {
	exportOurs: 'bench-export-ours',
	exportHttp: 'bench-export-http',
	exportFileOnly: 'bench-export-file-only',
	exportIncremental: 'bench-export-incremental',
	ordersOurs: 'bench-orders-ours',
	ordersHttp: 'bench-orders-http',
	quotaOurs: 'bench-quota-ours',
	quotaHttp: 'bench-quota-http',
	quotaHttpBatched: 'bench-quota-http-batched',
	quotaOursSeq: 'bench-quota-ours-sequential',
	quotaHttpBatched45: 'bench-quota-http-batched-45',
	enterpriseOurs: 'bench-enterprise-ours',
	enterpriseSeq: 'bench-enterprise-ours-sequential',
	plainHook: 'bench-plain-webhook',
};

/** Node names whose execution time / output the bench reads. */
const NODES = {
	export: 'Export Catalog',
	http: 'HTTP Request',
	ordersList: 'Get Many Orders',
	httpOrderList: 'List Orders',
	httpOrderProducts: 'Order Products',
	quotaGet: 'Get Product',
	trigger: 'BigCommerce Trigger',
};

/**
 * The do-nothing control trigger (dev-only, never in the package): n8n loads the folder through
 * N8N_CUSTOM_EXTENSIONS and names its type `CUSTOM.<name>`.
 */
const CONTROL_TRIGGER = {
	folder: path.join(__dirname, 'control-trigger'),
	type: 'CUSTOM.benchControlTrigger',
};

let x = 0;
function place(node) {
	node.position = [x, 0];
	x += 240;
	return node;
}

function webhookNode(id, path, responseMode = 'lastNode') {
	return place({
		id: wf.stableUuid(`${id}:webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: wf.stableUuid(`${id}:webhookId`),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode,
			...(responseMode === 'lastNode' ? { responseData: 'noData' } : {}),
			options: {},
		},
	});
}

function httpNode(id, name, { url, query = [], headers = [], options = {} }) {
	return place({
		id: wf.stableUuid(`${id}:${name}`),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'GET',
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendQuery: query.length > 0,
			queryParameters: { parameters: query },
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }, ...headers] },
			options,
		},
		credentials: { httpHeaderAuth: { id: HEADER_CRED.id, name: HEADER_CRED.name } },
	});
}

function ourNode(id, name, parameters, credential = 'api') {
	return place(wf.bigCommerceNode(id, { name, parameters, credential }));
}

/** Code node turning the webhook body's `ids` into one item per id. */
function idsNode(id) {
	return place({
		id: wf.stableUuid(`${id}:ids`),
		name: 'Ids',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { jsCode: 'return $input.first().json.body.ids.map((id) => ({ json: { id } }));' },
	});
}

/**
 * The job workflows for `sandbox`; with `enterprise` (a second sandbox without rate-limit
 * headers) also the single-product job against that store.
 */
function build(sandbox, enterprise) {
	const api = `${sandbox.baseUrl}/stores/${sandbox.storeHash}`;
	const chain = (id, name, nodes) => {
		x = 0;
		return wf.workflow({ id, name, nodes: nodes() });
	};
	const rl = (expr) => ({ __rl: true, mode: 'id', value: `={{ ${expr} }}` });
	/** Webhook → Product › Export Catalog with these options. */
	const exportChain = (key, name, options) =>
		chain(IDS[key], name, () => [
			webhookNode(IDS[key], PATHS[key]),
			ourNode(IDS[key], NODES.export, {
				resource: 'product',
				operation: 'exportCatalog',
				...(Object.keys(options).length ? { options } : {}),
			}),
		]);
	const productGet = { resource: 'product', operation: 'get', productId: rl('$json.id') };
	/** The quota-bound job through HTTP Request with n8n's Batching: one window's quota per window. */
	const batchedGets = (key, { quota, windowMs }) =>
		chain(
			IDS[key],
			`bench: quota-bound single-product GETs (HTTP Request, batching ${quota} / ${windowMs / 1000} s)`,
			() => [
				webhookNode(IDS[key], PATHS[key]),
				idsNode(IDS[key]),
				httpNode(IDS[key], NODES.http, {
					url: `=${api}/v3/catalog/products/{{ $json.id }}`,
					options: { batching: { batch: { batchSize: quota, batchInterval: windowMs } } },
				}),
			],
		);
	return [
		exportChain('exportOurs', 'bench: catalog export (this node)', {}),
		exportChain('exportFileOnly', 'bench: catalog export as one CSV file (this node, File Only)', {
			fileFormat: 'csv',
			fileOnly: true,
		}),
		exportChain('exportIncremental', 'bench: incremental catalog export (this node)', {
			incremental: true,
		}),
		chain(IDS.exportHttp, 'bench: catalog export (HTTP Request + pagination)', () => [
			webhookNode(IDS.exportHttp, PATHS.exportHttp),
			httpNode(IDS.exportHttp, NODES.http, {
				url: `${api}/v3/catalog/products`,
				query: [
					{ name: 'include', value: 'variants,images,custom_fields' },
					{ name: 'limit', value: '250' },
				],
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: {
								parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
							},
							paginationCompleteWhen: 'other',
							completeExpression:
								'={{ $response.body.meta.pagination.current_page >= $response.body.meta.pagination.total_pages }}',
						},
					},
				},
			}),
		]),
		chain(IDS.ordersOurs, 'bench: orders with line items (this node)', () => [
			webhookNode(IDS.ordersOurs, PATHS.ordersOurs),
			// line items with the list (V2 include=consignments.line_items): one call per 250 orders
			ourNode(IDS.ordersOurs, NODES.ordersList, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				includeLineItems: true,
			}),
		]),
		chain(
			IDS.ordersHttp,
			'bench: orders with line items (HTTP Request, one call per order)',
			() => [
				webhookNode(IDS.ordersHttp, PATHS.ordersHttp),
				httpNode(IDS.ordersHttp, NODES.httpOrderList, {
					url: `${api}/v2/orders`,
					query: [{ name: 'limit', value: '250' }],
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: {
									parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }],
								},
								paginationCompleteWhen: 'other',
								completeExpression:
									'={{ !Array.isArray($response.body) || $response.body.length < 250 }}',
							},
						},
					},
				}),
				httpNode(IDS.ordersHttp, NODES.httpOrderProducts, {
					url: `=${api}/v2/orders/{{ $json.id }}/products`,
					// what a careful user sets to stay under the quota (scaled window: 15 per 3 s, one left
					// for the list call)
					options: { batching: { batch: { batchSize: 14, batchInterval: 3000 } } },
				}),
			],
		),
		chain(IDS.quotaOurs, 'bench: quota-bound single-product GETs (this node)', () => [
			webhookNode(IDS.quotaOurs, PATHS.quotaOurs),
			idsNode(IDS.quotaOurs),
			ourNode(IDS.quotaOurs, NODES.quotaGet, productGet),
		]),
		chain(
			IDS.quotaOursSeq,
			'bench: quota-bound single-product GETs (this node, Items in Parallel 1)',
			() => [
				webhookNode(IDS.quotaOursSeq, PATHS.quotaOursSeq),
				idsNode(IDS.quotaOursSeq),
				ourNode(IDS.quotaOursSeq, NODES.quotaGet, { ...productGet, itemsInParallel: 1 }),
			],
		),
		batchedGets('quotaHttpBatched45', QUOTA_JOB.pro),
		...(enterprise
			? [
					chain(IDS.enterpriseOurs, 'bench: single-product GETs, store without quota', () => [
						webhookNode(IDS.enterpriseOurs, PATHS.enterpriseOurs),
						idsNode(IDS.enterpriseOurs),
						ourNode(IDS.enterpriseOurs, NODES.quotaGet, productGet, ENTERPRISE_CRED),
					]),
					chain(
						IDS.enterpriseSeq,
						'bench: single-product GETs, store without quota (Items in Parallel 1)',
						() => [
							webhookNode(IDS.enterpriseSeq, PATHS.enterpriseSeq),
							idsNode(IDS.enterpriseSeq),
							ourNode(
								IDS.enterpriseSeq,
								NODES.quotaGet,
								{ ...productGet, itemsInParallel: 1 },
								ENTERPRISE_CRED,
							),
						],
					),
				]
			: []),
		chain(IDS.quotaHttp, 'bench: quota-bound single-product GETs (HTTP Request, defaults)', () => [
			webhookNode(IDS.quotaHttp, PATHS.quotaHttp),
			idsNode(IDS.quotaHttp),
			httpNode(IDS.quotaHttp, NODES.http, { url: `=${api}/v3/catalog/products/{{ $json.id }}` }),
		]),
		batchedGets('quotaHttpBatched', QUOTA_JOB.standard),
		chain(IDS.trigger, 'bench: BigCommerce Trigger', () => [
			place({
				id: wf.stableUuid(`${IDS.trigger}:trigger`),
				name: NODES.trigger,
				type: wf.NODE_TYPES.trigger,
				typeVersion: 2, // what a new node gets (see the node's description)
				webhookId: wf.stableUuid(`${IDS.trigger}:webhook`),
				parameters: {
					authentication: 'accessToken',
					events: ['store/product/updated'],
					includeFullRecord: false,
					options: { allowInsecureUrl: true },
				},
				credentials: {
					bigCommerceApi: { id: wf.CREDENTIALS.api.id, name: wf.CREDENTIALS.api.name },
				},
			}),
		]),
		// the acknowledgement path as users get it: "Order Created" with the node's defaults
		// (Skip Incomplete Orders on, Include Full Record on); only the http:// sandbox URL needs the option
		chain(IDS.ackTrigger, 'bench: BigCommerce Trigger, Order Created, defaults', () => [
			place({
				id: wf.stableUuid(`${IDS.ackTrigger}:trigger`),
				name: NODES.trigger,
				type: wf.NODE_TYPES.trigger,
				typeVersion: 2, // what a new node gets (see the node's description)
				webhookId: wf.stableUuid(`${IDS.ackTrigger}:webhook`),
				parameters: {
					authentication: 'accessToken',
					events: ['store/order/created'],
					options: { allowInsecureUrl: true },
				},
				credentials: {
					bigCommerceApi: { id: wf.CREDENTIALS.api.id, name: wf.CREDENTIALS.api.name },
				},
			}),
		]),
		chain(IDS.plainHook, 'bench: plain Webhook node', () => [
			webhookNode(IDS.plainHook, PATHS.plainHook, 'onReceived'),
		]),
		// the control: a community trigger that does nothing (bench/control-trigger, dev-only)
		chain(IDS.controlTrigger, 'bench: do-nothing control trigger', () => [
			place({
				id: wf.stableUuid(`${IDS.controlTrigger}:trigger`),
				name: 'Bench Control Trigger',
				type: CONTROL_TRIGGER.type,
				typeVersion: 2,
				webhookId: wf.stableUuid(`${IDS.controlTrigger}:webhook`),
				parameters: {},
			}),
		]),
	];
}

function credentials(sandbox, enterprise) {
	const list = [{ ...HEADER_CRED, data: { name: 'X-Auth-Token', value: sandbox.accessToken } }];
	if (enterprise) {
		list.push({
			...ENTERPRISE_CRED,
			data: {
				storeHash: enterprise.storeHash,
				accessToken: enterprise.accessToken,
				apiBaseUrl: enterprise.baseUrl,
			},
		});
	}
	return list;
}

/** A trigger workflow's production URL (`key`: 'trigger', 'ackTrigger' or 'controlTrigger'). */
const triggerUrl = (n8n, key = 'trigger') =>
	`${n8n.baseUrl}/webhook/${wf.stableUuid(`${IDS[key]}:webhook`)}/webhook`;
const hookUrl = (n8n, path) => `${n8n.baseUrl}/webhook/${path}`;

module.exports = {
	IDS,
	PATHS,
	NODES,
	CONTROL_TRIGGER,
	QUOTA_JOB,
	build,
	credentials,
	triggerUrl,
	hookUrl,
};
