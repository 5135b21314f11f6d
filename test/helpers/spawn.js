'use strict';
/**
 * Spawns the sandbox CLI for tests (TypeScript tests may not touch `process`): resolves once the
 * CLI printed its JSON line. `stop(signal)` sends the signal to the sandbox process (by the pid it
 * printed) and resolves with the launcher's exit code.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/**
 * @param {string[]} args CLI arguments (after `--`)
 * @param {{ viaNpm?: boolean, timeoutMs?: number }} [options] viaNpm: run `npm run sandbox` (default true)
 */
function spawnSandboxCli(args = [], { viaNpm = true, timeoutMs = 20000 } = {}) {
	const command = viaNpm ? (process.platform === 'win32' ? 'npm.cmd' : 'npm') : process.execPath;
	const argv = viaNpm
		? ['run', '--silent', 'sandbox', '--', ...args]
		: [path.join(ROOT, 'sandbox/cli.js'), ...args];
	const child = spawn(command, argv, {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env },
	});
	let stdout = '';
	let stderr = '';
	const exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve(code === null ? signal : code)),
	);
	child.stderr.on('data', (chunk) => (stderr += chunk));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(`sandbox CLI printed no JSON line within ${timeoutMs} ms; stderr: ${stderr}`),
			);
		}, timeoutMs);
		child.on('exit', (code) => {
			if (!ready) {
				clearTimeout(timer);
				reject(new Error(`sandbox CLI exited (${code}) before it was ready; stderr: ${stderr}`));
			}
		});
		let ready = false;
		// npm without --silent prints its own banner first: the sandbox's line is the first JSON one
		const jsonLine = () =>
			stdout
				.split('\n')
				.slice(0, -1)
				.find((l) => l.trim().startsWith('{'));
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (ready || jsonLine() === undefined) return;
			ready = true;
			clearTimeout(timer);
			const line = jsonLine().trim();
			let info;
			try {
				info = JSON.parse(line);
			} catch (error) {
				child.kill('SIGKILL');
				reject(new Error(`sandbox CLI printed a line that is not JSON: ${line}`));
				return;
			}
			resolve({
				info,
				line,
				stdout: () => stdout,
				stderr: () => stderr,
				async stop(signal = 'SIGTERM') {
					const pid = Number(info.pid) || child.pid;
					try {
						process.kill(pid, signal);
					} catch {
						// already gone
					}
					return exited;
				},
			});
		});
	});
}

module.exports = { spawnSandboxCli };
