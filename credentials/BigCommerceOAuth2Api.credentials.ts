import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { storeHashExpression } from '../nodes/BigCommerce/transport/storeHash';

const SELF_STORE_HASH = storeHashExpression('$self["storeHash"]');

/** Scopes covering every operation of the BigCommerce node (read and write). */
export const DEFAULT_OAUTH_SCOPES = [
	'store_v2_products',
	'store_v2_orders',
	'store_v2_transactions_read_only',
	'store_v2_customers',
	'store_cart',
	'store_checkout_read_only',
	'store_v2_information',
	'store_v2_marketing',
	'store_inventory',
	'store_locations',
	'store_channel_settings',
	'store_channel_listings',
	'store_sites_read_only',
	'store_payments_methods_read',
].join(' ');

export class BigCommerceOAuth2Api implements ICredentialType {
	name = 'bigCommerceOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'BigCommerce OAuth2 API';

	icon: Icon = {
		light: 'file:../icons/bigcommerce.svg',
		dark: 'file:../icons/bigcommerce.dark.svg',
	};

	documentationUrl = 'https://developer.bigcommerce.com/docs/integrations/apps/guide/auth';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Store Hash',
			name: 'storeHash',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'abc1d2ef',
			description:
				'The store to connect. Paste the bare hash, the API path or your control-panel URL. After connecting, the store named in the token answer (context "stores/{hash}") is used.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_OAUTH_SCOPES,
			description:
				'Space-separated OAuth scopes to request. The default covers every operation of the node; remove write scopes for a read-only connection.',
		},
		{
			displayName: 'Login Service URL',
			name: 'loginUrl',
			type: 'string',
			default: 'https://login.bigcommerce.com',
			description:
				"BigCommerce's login service. Change only for a local BigCommerce sandbox during development.",
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://api.bigcommerce.com',
			description:
				'Leave as is for BigCommerce. Change it only to go through a proxy or to use a local BigCommerce sandbox.',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{ String($self["loginUrl"] || "https://login.bigcommerce.com").replace(/\\/+$/, "") }}/oauth2/authorize',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{ String($self["loginUrl"] || "https://login.bigcommerce.com").replace(/\\/+$/, "") }}/oauth2/token',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: `={{ "context=stores/" + ${SELF_STORE_HASH} }}`,
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: true,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: `={{ JSON.stringify({ context: "stores/" + ${SELF_STORE_HASH}, scope: $self["scope"] }) }}`,
		},
	];
}
