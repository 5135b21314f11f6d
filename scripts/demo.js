#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the BigCommerce nodes in a real n8n, against a local BigCommerce sandbox.
 *
 * Builds this package, starts the sandbox (a seeded store), installs n8n 2.40.7 with Node 24 on the
 * first run (cached; several minutes, once), installs the packed package into n8n's community
 * nodes folder, imports a ready "BigCommerce sandbox" credential and the example workflows, starts
 * n8n, and prints the editor URL and the login. Ctrl-C stops everything.
 *
 * Mail the examples send goes to a local SMTP server that keeps each message as an .eml file, and
 * files they write go to one export folder (both under the n8n user folder, printed at start).
 *
 * Env: N8N_PORT (default 5678), DEMO_SANDBOX_PORT (default 4545), DEMO_SMTP_PORT (default 2525),
 * DEMO_PRODUCTS (default 200),
 * DEMO_EMAIL / DEMO_PASSWORD (owner login), DEMO_FOLDER (n8n user folder, kept between runs;
 * default ~/.cache/n8n-nodes-bigcommerce-e2e/demo), DEMO_RESET=1 (re-import the examples,
 * overwriting changes made to them), N8N_E2E_CACHE (where n8n is installed).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const harness = require('../e2e/lib');

const { installer, processes, pkg, workflows: wf } = harness;

function say(line = '') {
	process.stdout.write(`${line}\n`);
}

function intEnv(name, fallback) {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0 || n > 65535)
		throw new Error(`${name} must be a port number / count, got "${value}"`);
	return n;
}

async function main() {
	const started = Date.now();
	const n8nPort = intEnv('N8N_PORT', 5678);
	const sandboxPort = intEnv('DEMO_SANDBOX_PORT', 4545);
	const smtpPort = intEnv('DEMO_SMTP_PORT', 2525);
	const products = intEnv('DEMO_PRODUCTS', 200);
	const owner = {
		email: process.env.DEMO_EMAIL || 'demo@example.com',
		password: process.env.DEMO_PASSWORD || 'BigCommerce-demo-1',
		firstName: 'Demo',
		lastName: 'User',
	};
	if (owner.password.length < 8 || !/\d/.test(owner.password) || !/[A-Z]/.test(owner.password)) {
		throw new Error(
			"DEMO_PASSWORD needs at least 8 characters, a number and an uppercase letter (n8n's rule)",
		);
	}
	const userFolder = path.resolve(
		process.env.DEMO_FOLDER ||
			path.join(os.homedir(), '.cache', 'n8n-nodes-bigcommerce-e2e', 'demo'),
	);

	say('BigCommerce nodes for n8n: demo');
	say('================================');
	if (await processes.portInUse(n8nPort)) {
		throw new Error(
			`port ${n8nPort} is already in use: stop what runs there or set N8N_PORT=<another port>`,
		);
	}
	if (!installer.isInstalled()) {
		say(
			`[1/5] First run: installing n8n ${installer.N8N_VERSION} and Node ${installer.NODE_VERSION} (about 2.8 GB, 5-10 minutes, once).`,
		);
		say(`      Cache: ${installer.cacheDir()}`);
	} else {
		say(`[1/5] n8n ${installer.N8N_VERSION} found in ${installer.cacheDir()}`);
	}
	installer.install({ quiet: true });

	say('[2/5] Building and packing the package (npm run build, npm pack)');
	const tarball = await pkg.buildAndPack();

	say(`[3/5] Starting the BigCommerce sandbox (${products} products)`);
	const port = (await processes.portInUse(sandboxPort)) ? 0 : sandboxPort;
	const sandbox = await harness.sandbox.startSandbox({ port, seed: { products } });
	processes.onCleanup(() => sandbox.close());
	sandbox.violationListeners?.push((v) =>
		process.stderr.write(
			`[sandbox] OpenAPI contract violation: ${harness.sandbox.formatViolation(v)}\n`,
		),
	);

	// where the examples deliver: a local SMTP server keeping every mail as an .eml file, and the
	// one folder n8n may write files to (the scheduled catalog export's CSVs)
	fs.mkdirSync(userFolder, { recursive: true });
	const delivery = await harness.delivery.startDelivery({
		folder: path.join(userFolder, 'delivery'),
		smtpPort: (await processes.portInUse(smtpPort)) ? 0 : smtpPort,
		onMessage: (mail) =>
			say(`[mail] to ${mail.to.join(', ')}: "${mail.subject}" saved as ${mail.file}`),
	});
	processes.onCleanup(() => delivery.close());

	say('[4/5] Installing the package into n8n and importing the credentials and examples');
	const n8n = new harness.N8n({ userFolder, port: n8nPort, owner, env: delivery.n8nEnv });
	await n8n.installPackage(tarball);
	await n8n.importCredentials([
		{ ...wf.CREDENTIALS.api, data: harness.sandbox.apiCredentialData(sandbox) },
		delivery.credential,
	]);
	const marker = path.join(userFolder, '.demo-examples-imported');
	const examples = harness.examples
		.loadExamples({ exportFolder: delivery.exportFolder, allowInsecureTrigger: true })
		.map(({ workflow }) => ({ ...workflow, active: false }));
	if (examples.length && (!fs.existsSync(marker) || process.env.DEMO_RESET === '1')) {
		await n8n.importWorkflows(examples);
		fs.writeFileSync(marker, new Date().toISOString());
	}

	say('[5/5] Starting n8n');
	await n8n.start({ timeoutMs: 180_000 });

	const secs = Math.round((Date.now() - started) / 1000);
	say('');
	say(`Ready in ${secs} s.`);
	say('');
	say(`  n8n editor   ${n8n.baseUrl}`);
	say(`  log in with  ${owner.email} / ${owner.password}`);
	say('');
	say(
		`  Credential   "${wf.CREDENTIALS.api.name}" (BigCommerce API) → the sandbox store ${sandbox.storeHash}`,
	);
	say(`  Sandbox API  ${sandbox.apiPath('v3')}  (X-Auth-Token: ${sandbox.accessToken})`);
	say(
		`  Mail         "${delivery.credential.name}" (SMTP) → ${delivery.smtp.host}:${delivery.smtp.port}; nothing leaves`,
	);
	say(`               this machine: every mail is saved as an .eml file in ${delivery.mailFolder}`);
	say(`  Files        ${delivery.exportFolder}`);
	say('               (the only folder n8n may write to here: N8N_RESTRICT_FILE_ACCESS_TO)');
	if (examples.length) {
		say('  Workflows    ' + examples.map((w) => w.name).join('\n               '));
	}
	say('');
	say('  Open "BigCommerce: quick start" and click "Execute workflow", or add a BigCommerce node');
	say("  to any workflow and pick the credential above. Trigger workflows receive the sandbox's");
	say(
		`  webhooks once published. n8n's data lives in ${userFolder} (DEMO_RESET=1 re-imports the examples).`,
	);
	const carts = [
		...(sandbox.state.carts instanceof Map
			? sandbox.state.carts.values()
			: sandbox.state.carts || []),
	];
	const abandoned = new Set(
		sandbox.state.abandonedCartTokens instanceof Map
			? sandbox.state.abandonedCartTokens.values()
			: [],
	);
	const cart = carts.find((c) => c.email && !abandoned.has(c.id)) || carts[0];
	if (cart) {
		say(
			'  Try the trigger: publish "BigCommerce: abandoned-cart recovery" in the editor, then make the',
		);
		say('  sandbox abandon a cart (it sends the store/cart/abandoned webhook to n8n):');
		say(`    curl -X POST ${sandbox.baseUrl}/__sandbox/carts/${cart.id}/abandon`);
		say(`  An hour later (the example's wait) the reminder lands in ${delivery.mailFolder}.`);
	}
	say(
		'  Run "BigCommerce: scheduled catalog export to CSV" (Execute workflow): the CSV lands in the',
	);
	say('  Files folder above.');
	say('');
	say('Press Ctrl-C to stop n8n and the sandbox.');

	// Stay in the foreground until Ctrl-C (the harness stops n8n and the sandbox on SIGINT/SIGTERM).
	const exited = await n8n.child.done;
	if (processes.isStopping()) return;
	say(`n8n exited (code ${exited.code ?? exited.signal}); its log: ${n8n.startLogFile}`);
	await processes.cleanupAll();
	process.exit(1);
}

main().catch(async (error) => {
	process.stderr.write(`\ndemo failed: ${error.message}\n`);
	await processes.cleanupAll();
	process.exit(1);
});
