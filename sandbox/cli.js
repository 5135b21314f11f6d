#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox -- --port <port> [options]`: serves the local BigCommerce on 127.0.0.1:<port>
 * and prints ONE JSON line once ready ({ baseUrl, storeHash, accessToken, apiPath, controlUrl, ... }).
 * Contract violations are logged to stderr. SIGINT/SIGTERM close the server and exit 0.
 */
const { startSandbox } = require('./index');
const { formatViolation } = require('./contract');

const USAGE = `Usage: npm run sandbox -- --port <port> [options]
  --port <n>            port on 127.0.0.1 (0 = any free port; default 4545)
  --products <n>        seed size: products
  --orders <n>          seed size: orders
  --customers <n>       seed size: customers
  --seed <n>            random seed (default 42)
  --latency-ms <n>      added to every API answer
  --quota <n>           rate-limit quota per window (default 150)
  --window-ms <n>       rate-limit window (default 30000)
  --no-rate-limit       no rate limit
  --no-contract         no OpenAPI contract validation
  --store-hash <hash>   store hash (default abc1d2ef)
  --token <token>       access token holding every scope
  --help`;

function parseArgs(argv) {
	const out = { port: 4545, seed: {}, rateLimit: {} };
	const numeric = (name, value) => {
		const n = Number(value);
		if (value === undefined || !Number.isFinite(n) || n < 0)
			throw new Error(`${name} needs a non-negative number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
		const value = () => (inline !== undefined ? inline : argv[++i]);
		switch (flag) {
			case '--port':
				out.port = numeric(flag, value());
				break;
			case '--products':
			case '--orders':
			case '--customers':
				out.seed[flag.slice(2)] = numeric(flag, value());
				break;
			case '--seed':
				out.seed.seed = numeric(flag, value());
				break;
			case '--latency-ms':
				out.latencyMs = numeric(flag, value());
				break;
			case '--quota':
				out.rateLimit.quota = numeric(flag, value());
				break;
			case '--window-ms':
				out.rateLimit.windowMs = numeric(flag, value());
				break;
			case '--no-rate-limit':
				out.rateLimit = false;
				break;
			case '--no-contract':
				out.contract = false;
				break;
			case '--store-hash':
				out.storeHash = value();
				break;
			case '--token':
				out.accessToken = value();
				break;
			case '--help':
			case '-h':
				out.help = true;
				break;
			default:
				throw new Error(`unknown option ${arg}`);
		}
	}
	return out;
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${error.message}\n${USAGE}\n`);
		process.exit(2);
	}
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const sandbox = await startSandbox(args);
	sandbox.violationListeners.push((violation) =>
		process.stderr.write(`contract violation: ${formatViolation(violation)}\n`),
	);
	process.stdout.write(
		`${JSON.stringify({
			baseUrl: sandbox.baseUrl,
			storeHash: sandbox.storeHash,
			accessToken: sandbox.accessToken,
			storeId: sandbox.storeId,
			apiPath: sandbox.apiPath('v3'),
			apiPathV2: sandbox.apiPath('v2'),
			controlUrl: sandbox.controlUrl,
			oauth: {
				authorizeUrl: `${sandbox.baseUrl}/oauth2/authorize`,
				tokenUrl: `${sandbox.baseUrl}/oauth2/token`,
			},
			pid: process.pid,
		})}\n`,
	);
	let closing = false;
	const stop = async () => {
		if (closing) return;
		closing = true;
		try {
			await sandbox.close();
		} finally {
			process.exit(0);
		}
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(
			`sandbox failed to start: ${error && error.stack ? error.stack : error}\n`,
		);
		process.exit(1);
	});
}

module.exports = { parseArgs };
