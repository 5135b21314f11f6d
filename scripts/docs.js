'use strict';
/**
 * Regenerates the README's operations table from the built node description
 * (`npm run build` first), so the table always matches what the node offers.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { BigCommerce } = require(path.join(root, 'dist/nodes/BigCommerce/BigCommerce.node.js'));
const description = new BigCommerce().description;
const resourceProp = description.properties.find((p) => p.name === 'resource');
const rows = [];
for (const resource of resourceProp.options) {
	const selector = description.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
	);
	if (!selector) continue;
	const ops = selector.options.map((o) => o.name).join(', ');
	rows.push(`| **${resource.name}** | ${ops} |`);
}
const table = ['| Resource | Operations |', '| --- | --- |', ...rows].join('\n');
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const start = '<!-- operations-table:start -->';
const end = '<!-- operations-table:end -->';
const updated = readme.replace(
	new RegExp(`${start}[\\s\\S]*?${end}`),
	`${start}\n${table}\n${end}`,
);
fs.writeFileSync(readmePath, updated);
console.log(`operations table: ${rows.length} resources`);

// the compatibility table, from the recorded e2e runs (docs/compatibility/*.json)
const compatibility = require(path.join(root, 'e2e', 'lib', 'compatibility'));
compatibility.updateReadme();
console.log(`compatibility table: ${compatibility.readRecords().length} n8n versions`);
