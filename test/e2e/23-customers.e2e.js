'use strict';
/** Customers in one workflow run headlessly by n8n: get many (with a filter), create, get, update, delete. */
const { values, idOf } = require('./helpers');

const WF = 'e2eCustomers0001';
const EMAIL = 'e2e.new.customer@example.com';

module.exports = {
	name: 'Resource: Customers',

	workflows: (ctx) => [
		ctx.wf.actionWorkflow({
			id: WF,
			name: 'e2e: customers',
			steps: [
				{
					name: 'List customers',
					parameters: { resource: 'customer', operation: 'getAll', limit: 5 },
				},
				{
					name: 'Find by email',
					parameters: {
						resource: 'customer',
						operation: 'getAll',
						returnAll: true,
						filters: { email: 'shopper1@example.com' },
					},
				},
				{
					name: 'Create customer',
					parameters: {
						resource: 'customer',
						operation: 'create',
						email: EMAIL,
						firstName: 'Eve',
						lastName: 'Tester',
					},
				},
				{
					name: 'Get customer',
					parameters: {
						resource: 'customer',
						operation: 'get',
						customerId: idOf('Create customer'),
					},
				},
				{
					name: 'Update customer',
					parameters: {
						resource: 'customer',
						operation: 'update',
						customerId: idOf('Create customer'),
						updateFields: { company: 'E2E Ltd' },
					},
				},
				{
					name: 'Delete customer',
					parameters: {
						resource: 'customer',
						operation: 'delete',
						customerId: idOf('Create customer'),
					},
				},
			],
		}),
	],

	tests: [
		{
			name: 'the customers workflow runs to the end',
			async run(ctx) {
				ctx.expectSuccess(await ctx.runOnce(WF), WF);
			},
		},
		{
			name: 'Get Many with Limit and an email filter',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				ctx.assert.equal(run.output('List customers').length, 5);
				const found = run.output('Find by email');
				ctx.assert.equal(found.length, 1);
				ctx.assert.equal(found[0].email, 'shopper1@example.com');
			},
		},
		{
			name: 'Create → Get → Update → Delete changes the store',
			core: true,
			async run(ctx) {
				const run = ctx.expectSuccess(await ctx.runOnce(WF));
				const [created] = run.output('Create customer');
				ctx.assert.equal(created.email, EMAIL);
				const [got] = run.output('Get customer');
				ctx.assert.equal(got.id, created.id);
				ctx.assert.equal(run.output('Update customer')[0].company, 'E2E Ltd');
				ctx.assert.equal(run.output('Delete customer')[0].deleted, true);
				ctx.assert.ok(!values(ctx.sandbox.state.customers).some((c) => c.id === created.id));
			},
		},
	],
};
