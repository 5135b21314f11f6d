import { resetRateLimitState } from '../../nodes/BigCommerce/transport/rateLimit';
import { startedSandboxes, takeNewViolations } from './sandbox';

beforeEach(() => {
	resetRateLimitState();
});

/**
 * OpenAPI contract: a test fails when a sandbox it talks to recorded a violation during the test
 * (or during the file's beforeAll), naming the spec file and the reason.
 */
afterEach(() => {
	const lines = takeNewViolations();
	if (lines.length) {
		throw new Error(
			`BigCommerce OpenAPI contract violated (${lines.length}):\n  ${lines.join('\n  ')}\n` +
				'(see sandbox/contract/exceptions.js for the documented exceptions)',
		);
	}
});

afterAll(() => {
	// Requests a test left waiting for a store's quota are let through (their window timers end).
	resetRateLimitState();
	// A sandbox the test file forgot to close must not keep the worker alive. (The file's own
	// afterAll hooks run after this one, so do not close here: let go of the servers instead.)
	for (const sandbox of startedSandboxes) sandbox.unref?.();
});
