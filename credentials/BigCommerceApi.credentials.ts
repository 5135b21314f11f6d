import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { STORE_HASH_EXPRESSION } from '../nodes/BigCommerce/transport/storeHash';

export class BigCommerceApi implements ICredentialType {
	name = 'bigCommerceApi';

	displayName = 'BigCommerce API';

	icon: Icon = {
		light: 'file:../icons/bigcommerce.svg',
		dark: 'file:../icons/bigcommerce.dark.svg',
	};

	documentationUrl =
		'https://developer.bigcommerce.com/docs/start/authentication/api-accounts#store-level-api-accounts';

	properties: INodeProperties[] = [
		{
			displayName: 'Store Hash',
			name: 'storeHash',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'abc1d2ef',
			description:
				'Your store hash. You can paste the bare hash, the API path shown when the API account was created (https://api.bigcommerce.com/stores/abc1d2ef/v3/) or your control-panel URL (https://store-abc1d2ef.mybigcommerce.com/manage/...).',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Access Token of a store-level API account (Settings › API › Store-level API accounts)',
		},
		{
			displayName: 'Client Secret (for Webhook Signatures)',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Optional. The API account's Client Secret, shown when the API account was created. Only the BigCommerce Trigger's Verify Signature option uses it.",
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.bigcommerce.com',
			description:
				'Leave as is for BigCommerce. Change it only to go through a proxy or to use a local BigCommerce sandbox for development.',
		},
	];

	/**
	 * Puts the token in X-Auth-Token. A function, not a `={{$credentials.accessToken}}` template:
	 * n8n 2.40 resolves templates in its expression engine (an `isolated-vm` isolate), and with
	 * N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE an execution that evaluates nothing else would build one
	 * (about 100 ms of CPU, blocking n8n) just for this header.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'X-Auth-Token': String(credentials.accessToken ?? '') },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.apiBaseUrl || 'https://api.bigcommerce.com').replace(/\\/+$/, '') }}/stores/{{ ${STORE_HASH_EXPRESSION} }}/v2`,
			url: '/store',
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The access token is invalid or has been revoked. Use the Access Token of a store-level API account (Settings › API › API Accounts).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token works but lacks the "Information & Settings" read scope (store_v2_information_read_only) needed to read store information. Edit the API account\'s scopes.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No store found for this Store Hash. Enter a bare hash (abc1d2ef), the API path (https://api.bigcommerce.com/stores/abc1d2ef/v3/) or the control-panel URL (https://store-abc1d2ef.mybigcommerce.com/manage/dashboard).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'id',
					value: undefined,
					message: 'The answer did not come from a BigCommerce store (no store ID in it).',
				},
			},
		] as unknown as ICredentialTestRequest['rules'],
	};
}
