'use strict';
/**
 * Runs n8n's official community-package scanner (@n8n/scan-community-package) the way it runs
 * on a published package, but locally: the source checkout with the full rule set, then the
 * packed tarball (compiled .js + package.json). Also checks the tarball holds only the built
 * package, README, LICENSE and package.json. Requires `npm run build` first.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

async function main() {
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	let ok = true;

	const source = await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS);
	console.log(`scanner (source checkout): ${source.passed ? 'passed' : 'FAILED'}`);
	if (!source.passed) {
		ok = false;
		console.log(source.message || '', source.details || '');
	}

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bc-scan-'));
	try {
		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: root,
				encoding: 'utf8',
			}),
		)[0];
		const files = packed.files.map((f) => f.path);
		// the built nodes, credentials and icons only: n8n-node build also copies every .png/.svg of
		// the repository into dist/ (docs/images, bench charts), which package.json's "files" leaves out
		const unexpected = files.filter(
			(f) =>
				!(
					/^dist\/(nodes|credentials|icons)\//.test(f) ||
					/^(dist\/package\.json|README\.md|LICENSE(\.md)?|package\.json)$/.test(f)
				),
		);
		const hasTests = files.filter(
			(f) => /(^|\/)(test|sandbox|e2e|bench)\//.test(f) || /\.test\./.test(f),
		);
		console.log(`tarball: ${files.length} files, ${packed.size} bytes`);
		if (unexpected.length || hasTests.length) {
			ok = false;
			console.log('tarball contains files outside the built package:', [
				...unexpected,
				...hasTests,
			]);
		}
		if (!files.includes('dist/nodes/BigCommerce/BigCommerce.node.js')) {
			ok = false;
			console.log('tarball lacks the built node: run `npm run build` first');
		}
		const unpacked = path.join(work, 'package');
		execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
		const dist = await scanner.analyzePackage(unpacked, ['**/*.js', 'package.json']);
		console.log(`scanner (packed tarball): ${dist.passed ? 'passed' : 'FAILED'}`);
		if (!dist.passed) {
			ok = false;
			console.log(dist.message || '', dist.details || '');
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	if (!ok) process.exit(1);
	console.log('scan: all checks passed');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
