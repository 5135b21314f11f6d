'use strict';
/**
 * The ONLY places where the contract validator departs from BigCommerce's OpenAPI files: cases
 * where the files contradict themselves or BigCommerce's documented behaviour
 * (../shared/notes/bigcommerce-api.md §2, §10, §11). Keep this list short and explicit.
 *
 * Each entry: `spec` (file, or '*'), `method`, `path` (the spec's path template, or '*'),
 * `reason`, and exactly one way of applying it:
 *   ignore(issue, context)      drop a validation issue
 *                               (issue: { direction, location, param?, error?: Ajv error, value? };
 *                               context: { op, operation, version, request, response, validator })
 *   csvQuery: [names]           validate these query params as comma-separated lists of the
 *                               declared item type
 *   rewriteQuery: { name: fn }  normalise a query value before validating it
 *   allowStatus(status, body, context)  accept a response status the operation does not document
 */
module.exports = [
	{
		spec: '*',
		method: '*',
		path: '*',
		reason:
			'Many operations without a request body declare a required `Content-Type` header parameter; OpenAPI 3.0 says a Content-Type header parameter is ignored (bigcommerce-api.md §11).',
		ignore: (issue, { operation }) =>
			issue.location === 'header' &&
			issue.param.toLowerCase() === 'content-type' &&
			!operation.requestBody,
	},
	{
		spec: '*',
		method: 'GET',
		path: '*',
		reason:
			'V2 list endpoints answer 204 with no body when the page is empty; the files document it only for shipments (bigcommerce-api.md §2, §10.5).',
		allowStatus: (status, body, { version }) =>
			version === 'v2' && status === 204 && body === undefined,
	},
	{
		spec: 'orders.v2.oas2.yml',
		method: 'GET',
		path: '/orders',
		reason:
			'`sort` enumerates bare field names but its own description says to append `:asc`/`:desc` (§11).',
		rewriteQuery: { sort: (value) => value.replace(/:(asc|desc)$/i, '') },
	},
	...['/orders', '/orders/{order_id}'].map((path) => ({
		spec: 'orders.v2.oas2.yml',
		method: 'GET',
		path,
		reason:
			'`consignments` (include=consignments&consignment_structure=object) is oneOf [orderConsignments_Resource, orderConsignment_Get] and each `line_items` oneOf [products_Resource[], orderProducts[]]; the link schemas have no required property, so every valid object matches both branches and fails "exactly one"; accepted when at least one branch matches (test/actions/order/getAllLineItems.test.ts checks the object branch itself).',
		ignore: (issue) =>
			issue.location === 'response' &&
			issue.error.keyword === 'oneOf' &&
			Array.isArray(issue.error.params.passingSchemas) &&
			/^(\/\d+)?\/consignments(\/|$)/.test(issue.error.instancePath),
	})),
	{
		spec: 'carts.v3.yml',
		method: 'POST',
		path: '/carts/{cartId}/items',
		reason:
			'`line_items` is a oneOf of two schemas that both match any {quantity, product_id} item, so every real item fails "exactly one"; accepted when at least one branch matches (§11).',
		ignore: (issue) =>
			issue.location === 'body' &&
			issue.error.keyword === 'oneOf' &&
			Array.isArray(issue.error.params.passingSchemas),
	},
	{
		spec: 'carts.v3.yml',
		method: 'PUT',
		path: '/carts/{cartId}/items/{itemId}',
		reason:
			'`line_item` is a oneOf of the same two schemas (cart_PostVariant has no top-level `required`), so every real {product_id, quantity} item matches both; accepted when at least one branch matches (as POST items, §11).',
		ignore: (issue) =>
			issue.location === 'body' &&
			issue.error.keyword === 'oneOf' &&
			Array.isArray(issue.error.params.passingSchemas),
	},
	{
		spec: 'inventory.v3.yml',
		method: 'GET',
		path: '/inventory/items',
		reason:
			'`variant_id:in`, `product_id:in`, `location_id:in` are typed as one integer but described as comma-separated lists (§11).',
		csvQuery: ['variant_id:in', 'product_id:in', 'location_id:in'],
	},
	{
		spec: 'catalog/products_catalog.v3.yml',
		method: 'POST',
		path: '/catalog/products',
		reason:
			'Inline `variants` reuse the full variant schema, which requires `id` and `product_id` that cannot exist before the product does (§11).',
		ignore: (issue) =>
			issue.location === 'body' &&
			issue.error.keyword === 'required' &&
			/^\/variants\/\d+$/.test(issue.error.instancePath) &&
			['id', 'product_id'].includes(issue.error.params.missingProperty),
	},
	{
		spec: 'abandoned_carts.v3.yml',
		method: 'GET',
		path: '/abandoned-carts/{token}',
		reason:
			'The token is typed `format: uuid` (dashed) but the store/cart/abandoned webhook payload carries a 32-hex token without dashes (§11).',
		ignore: (issue) =>
			issue.location === 'path' &&
			issue.error &&
			issue.error.keyword === 'format' &&
			/^[0-9a-f]{32}$/i.test(String(issue.value)),
	},
	{
		spec: 'marketing.v2.yml',
		method: 'PUT',
		path: '/gift_certificates/{id}',
		reason:
			'The update body requires every create field; a partial update is how the API is used (§11).',
		ignore: (issue) =>
			issue.location === 'body' &&
			issue.error.keyword === 'required' &&
			issue.error.instancePath === '',
	},
	{
		spec: 'catalog/categories_catalog.v3.yml',
		method: 'PUT',
		path: '/catalog/categories/{category_id}',
		reason:
			'The update body requires `parent_id` and `name`; a partial update is how the API is used (§11).',
		ignore: (issue) =>
			issue.location === 'body' &&
			issue.error.keyword === 'required' &&
			issue.error.instancePath === '',
	},
	{
		spec: 'promotions.v3.yml',
		method: 'PUT',
		path: '/promotions/{id}',
		reason:
			'The update body is oneOf [PatchCouponPromotion, PatchAutomaticPromotion]; the automatic branch is PromotionBase alone, so every partial body that matches one branch matches both and fails "exactly one"; accepted when at least one branch matches (§11).',
		ignore: (issue) =>
			issue.location === 'body' &&
			issue.error.keyword === 'oneOf' &&
			issue.error.instancePath === '' &&
			Array.isArray(issue.error.params.passingSchemas),
	},
	{
		spec: 'promotions.v3.yml',
		method: 'POST',
		path: '/promotions/{promotion_id}/codegen',
		reason:
			"BulkCouponCode pins `code` to exactly 16 capital letters/digits, contradicting the same request's `prefix`, `suffix`, `delimiter` and `code_length` options; accepted when the request set one of them and the code is made of capitals, digits and the delimiter (§11).",
		ignore: (issue, { request, response }) => {
			const sent = (request && request.body) || {};
			const shaped = ['prefix', 'suffix', 'delimiter', 'code_length'].some(
				(key) => sent[key] !== undefined,
			);
			const at =
				issue.location === 'response' &&
				issue.error &&
				/^\/data\/codes\/(\d+)\/code$/.exec(issue.error.instancePath);
			if (!shaped || !at || !['pattern', 'minLength', 'maxLength'].includes(issue.error.keyword))
				return false;
			const codes = response && response.body && response.body.data && response.body.data.codes;
			const code =
				Array.isArray(codes) && codes[Number(at[1])] ? codes[Number(at[1])].code : undefined;
			return typeof code === 'string' && /^[A-Z0-9_-]+$/.test(code);
		},
	},
	{
		spec: 'webhooks.v3.yml',
		method: 'GET',
		path: '/hooks',
		reason:
			'The list response declares `data` with `minItems: 1`; a store without hooks answers `data: []` (an empty collection, as every other V3 list).',
		ignore: (issue, { response }) =>
			issue.location === 'response' &&
			issue.error.keyword === 'minItems' &&
			issue.error.instancePath === '/data' &&
			Array.isArray(response.body && response.body.data) &&
			response.body.data.length === 0,
	},
	{
		spec: 'catalog/products_catalog.v3.yml',
		method: 'GET',
		path: '/catalog/products/{product_id}/bulk-pricing-rules',
		reason:
			'"Get all Bulk Pricing Rules" declares `data` as ONE rule object next to collection pagination `meta`; the list answers an array of those objects.',
		ignore: (issue, context) =>
			issue.location === 'response' &&
			issue.error.instancePath === '/data' &&
			issue.error.keyword === 'type' &&
			Array.isArray(context.response.body && context.response.body.data) &&
			bulkRulesValid(context, context.response.body.data),
	},
];

/** Each element of a bulk-pricing-rules list validated against the documented rule schema. */
function bulkRulesValid({ op, validator }, items) {
	const validate = validator.compiled(`bulk-pricing-item|${op.file}`, () =>
		validator.compileSchema(
			op,
			op.operation.responses['200'].content['application/json'].schema.properties.data,
			'response',
			false,
		),
	);
	return items.every((item) => validate(item));
}
