/**
 * Resolves an n8n expression the way n8n resolves credential fields: with n8n-workflow's own
 * expression engine, `$credentials` (credential test requests) and `$self` (hidden credential
 * fields) both bound to the credential's values.
 */
import type { IDataObject, INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

const nodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

const node: INode = {
	id: 'n',
	name: 'Credential',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

export function resolveCredentialExpression(value: unknown, credentials: IDataObject): string {
	return workflow.expression.getParameterValue(
		value as string,
		null,
		0,
		0,
		node.name,
		[],
		'internal',
		{ $credentials: credentials },
		undefined,
		false,
		credentials,
	) as string;
}
