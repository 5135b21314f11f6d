'use strict';
/**
 * A real browser on n8n's editor for the UI suite (`npm run test:ui`, test/ui/*.ui.js): Debian's
 * Chromium driven by playwright-core (no browser download). One browser and one page for the
 * whole run; scenarios share the signed-in session.
 *
 * Facts this relies on (docs: /work/shared/notes/real-n8n.md, "Driving n8n's editor"): use
 * /usr/lib/chromium/chromium (the /usr/bin wrapper prints a shell error), `--no-sandbox` as root;
 * sign in through the form (a bare fetch to /rest drops the session); `N` opens the nodes panel.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM_PATHS = [
	'/usr/lib/chromium/chromium',
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
];
const IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

/** The Chromium binary, or null (the UI suite is then skipped with a clear line). */
function findChromium() {
	const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : CHROMIUM_PATHS;
	return candidates.find((p) => fs.existsSync(p)) || null;
}

/**
 * Launches Chromium on a 1440×900 page. `screenshots`: write pictures into docs/images
 * (`npm run screenshots`); otherwise `shot()` does nothing.
 */
async function openBrowser({ baseUrl, screenshots = false }) {
	const executablePath = findChromium();
	if (!executablePath)
		throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-dev-shm-usage'],
	});
	const context = await browser.newContext({
		viewport: { width: 1440, height: 900 },
		baseURL: baseUrl,
	});
	const page = await context.newPage();
	// generous: the machine is shared (2 cores) and n8n's editor is a large bundle
	page.setDefaultTimeout(30_000);
	page.setDefaultNavigationTimeout(90_000);
	return {
		browser,
		page,
		baseUrl,
		/** Whether shot() writes pictures (`npm run screenshots`). */
		screenshots,
		/** Signs in through n8n's sign-in form. */
		async signIn({ email, password }) {
			// 'load' can wait long on assets n8n fetches from the internet (none here)
			await page.goto('/signin', { waitUntil: 'domcontentloaded' });
			await page
				.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
				.first()
				.fill(email);
			await page.locator('input[type="password"]').first().fill(password);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
		},
		/** A PNG of the page (or of `clip`/a locator) into docs/images/<name>.png when screenshots are on. */
		async shot(name, target) {
			if (!screenshots) return null;
			fs.mkdirSync(IMAGES, { recursive: true });
			const file = path.join(IMAGES, `${name}.png`);
			if (target && typeof target.screenshot === 'function')
				await target.screenshot({ path: file });
			else await page.screenshot({ path: file, ...(target ? { clip: target } : {}) });
			return file;
		},
		/** A full-page PNG in the temp folder, for a failed test's report. */
		async failureShot(label) {
			const file = path.join(
				os.tmpdir(),
				`bc-ui-failure-${label.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`,
			);
			await page.screenshot({ path: file }).catch(() => undefined);
			return file;
		},
		async close() {
			await browser.close().catch(() => undefined);
		},
	};
}

module.exports = { findChromium, openBrowser, IMAGES };
