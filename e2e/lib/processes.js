'use strict';
/**
 * Child processes of the harness: every process is started in its own process group
 * (`detached: true`) so that stopping it also stops what it spawned (n8n's task runner), and
 * every group still alive is killed when the harness exits, fails or is interrupted.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

/** pid -> { name, child } for every live process group we started. */
const live = new Map();
let hooksInstalled = false;
let stopping = false;
const cleanups = [];

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		try {
			process.kill(pid, signal);
			return true;
		} catch {
			return false;
		}
	}
}

function installExitHooks() {
	if (hooksInstalled) return;
	hooksInstalled = true;
	process.on('exit', () => {
		for (const pid of live.keys()) killGroup(pid, 'SIGKILL');
	});
	const onSignal = (signal) => {
		stopping = true;
		process.stderr.write(`\n[e2e] ${signal}: stopping everything the harness started...\n`);
		cleanupAll()
			.catch(() => undefined)
			.finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
}

/** Registers an async cleanup (e.g. close the sandbox) run by cleanupAll(), last registered first. */
function onCleanup(fn) {
	cleanups.push(fn);
	return fn;
}

/**
 * Spawns a process in its own group. Returns the ChildProcess with `done`, a promise of
 * `{ code, signal, stdout, stderr }` (output kept in memory up to `maxOutput` chars; always
 * streamed to `logStream` if given). `uid`/`gid` run it as another user; `stopSignal` (default
 * SIGTERM) is what stop() sends first. `stdoutFile`: stdout goes to that file instead of a pipe
 * and is read back at exit (n8n 1.x exits right after printing a large run: what a pipe had not
 * taken yet is lost; a file takes every write at once).
 */
function start(
	command,
	args,
	{
		name,
		env,
		cwd,
		logStream,
		maxOutput = 5_000_000,
		onOutput,
		uid,
		gid,
		stopSignal,
		stdoutFile,
	} = {},
) {
	installExitHooks();
	const stdoutFd = stdoutFile ? fs.openSync(stdoutFile, 'w') : undefined;
	const child = spawn(command, args, {
		env,
		cwd,
		detached: true,
		stdio: ['ignore', stdoutFd === undefined ? 'pipe' : stdoutFd, 'pipe'],
		// e.g. PostgreSQL, which refuses to run as root
		...(uid !== undefined ? { uid } : {}),
		...(gid !== undefined ? { gid } : {}),
	});
	// the signal that asks this program for a quick clean exit (PostgreSQL: SIGINT = fast shutdown)
	child.stopSignal = stopSignal || 'SIGTERM';
	const entry = { name: name || command, child };
	live.set(child.pid, entry);
	let stdout = '';
	let stderr = '';
	if (stdoutFd !== undefined) fs.closeSync(stdoutFd); // the child holds its own copy
	child.stdout?.on('data', (chunk) => {
		const text = chunk.toString('utf8');
		if (stdout.length < maxOutput) stdout += text;
		if (logStream) logStream.write(text);
		if (onOutput) onOutput(text, 'stdout');
	});
	const readStdoutFile = () => {
		if (!stdoutFile) return;
		stdout = fs.readFileSync(stdoutFile, 'utf8').slice(0, maxOutput);
		if (logStream) logStream.write(stdout);
	};
	child.stderr.on('data', (chunk) => {
		const text = chunk.toString('utf8');
		if (stderr.length < maxOutput) stderr += text;
		if (logStream) logStream.write(text);
		if (onOutput) onOutput(text, 'stderr');
	});
	child.done = new Promise((resolve) => {
		child.on('error', (error) => {
			live.delete(child.pid);
			resolve({ code: -1, signal: null, stdout, stderr: stderr + String(error) });
		});
		child.on('close', (code, signal) => {
			live.delete(child.pid);
			readStdoutFile();
			// The group may still hold grandchildren (n8n's task runner): end them too.
			killGroup(child.pid, 'SIGKILL');
			resolve({ code, signal, stdout, stderr });
		});
	});
	return child;
}

/** Runs a command to completion (with a timeout that kills its group). */
async function run(command, args, options = {}) {
	const { timeoutMs = 180_000 } = options;
	const child = start(command, args, options);
	let timer;
	const timeout = new Promise((resolve) => {
		timer = setTimeout(() => {
			killGroup(child.pid, 'SIGKILL');
			resolve('timeout');
		}, timeoutMs);
	});
	const result = await Promise.race([child.done, timeout]);
	clearTimeout(timer);
	if (result === 'timeout') {
		const after = await child.done;
		return { ...after, timedOut: true };
	}
	return result;
}

/** Stops a process group: its stop signal (SIGTERM unless started with another), then SIGKILL after `graceMs`. */
async function stop(child, { graceMs = 15_000 } = {}) {
	if (!child || child.exitCode !== null || child.signalCode !== null) {
		if (child) killGroup(child.pid, 'SIGKILL');
		return child ? child.done : undefined;
	}
	killGroup(child.pid, child.stopSignal || 'SIGTERM');
	let timer;
	const killed = new Promise((resolve) => {
		timer = setTimeout(() => {
			killGroup(child.pid, 'SIGKILL');
			resolve();
		}, graceMs);
	});
	await Promise.race([child.done, killed]);
	clearTimeout(timer);
	return child.done;
}

/** Kills every live group and runs the registered cleanups. */
async function cleanupAll() {
	const pending = [...live.values()].map(({ child }) => stop(child, { graceMs: 5000 }));
	await Promise.allSettled(pending);
	while (cleanups.length) {
		const fn = cleanups.pop();
		try {
			await fn();
		} catch {
			// best effort
		}
	}
}

/** True once Ctrl-C (or SIGTERM/SIGHUP) asked the harness to stop. */
function isStopping() {
	return stopping;
}

function liveProcesses() {
	return [...live.entries()].map(([pid, { name }]) => ({ pid, name }));
}

/**
 * A free TCP port on 127.0.0.1, chosen BELOW the kernel's ephemeral range (32768+ on Linux).
 * n8n keeps its port across restarts; while it is stopped, any server listening on port 0 (a
 * sandbox, a benchmark) or an outgoing connection could otherwise be handed the same port.
 */
async function freePort() {
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = 20000 + Math.floor(Math.random() * 12000);
		if (await canListen(port)) return port;
	}
	throw new Error('no free port found between 20000 and 32000');
}

function canListen(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** True when something accepts connections on 127.0.0.1:port. */
function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function waitForPortFree(port, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!(await portInUse(port))) return true;
		await delay(100);
	}
	throw new Error(`port ${port} still in use after ${timeoutMs} ms`);
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = {
	start,
	run,
	stop,
	cleanupAll,
	onCleanup,
	liveProcesses,
	isStopping,
	freePort,
	portInUse,
	waitForPortFree,
	delay,
	killGroup,
};
