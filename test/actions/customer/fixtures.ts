/** Sandbox fixtures for the customer, cart, abandoned cart and checkout tests (the node runner is test/helpers/node.ts). */
import type { Json, SandboxHandle } from '../../helpers/sandbox';

/** Products a cart can take without a variant choice, with the price the sandbox charges. */
export function buyableProducts(
	sandbox: SandboxHandle,
	count: number,
): Array<{ id: number; variantId: number; price: number; name: string }> {
	const catalog = sandbox.state.catalog;
	const out: Array<{ id: number; variantId: number; price: number; name: string }> = [];
	if (catalog && catalog.products) {
		for (const p of catalog.products.values()) {
			if (out.length >= count) break;
			const variants = p.variants ?? [];
			if (
				variants.length !== 1 ||
				p.inventory_tracking === 'variant' ||
				p.availability === 'disabled'
			)
				continue;
			if (p.inventory_tracking === 'product' && p.inventory_level < 10) continue;
			const v = variants[0];
			const price =
				typeof v.sale_price === 'number' && v.sale_price > 0
					? v.sale_price
					: p.sale_price > 0
						? p.sale_price
						: typeof v.price === 'number'
							? v.price
							: p.price;
			out.push({ id: p.id, variantId: v.id, price, name: p.name });
		}
		return out;
	}
	for (let id = 1; out.length < count; id++) {
		if (id % 20 === 13) continue;
		out.push({
			id,
			variantId: 10000 + id,
			price: 5 + ((id * 37) % 95) + 0.99,
			name: `Sandbox Product ${id}`,
		});
	}
	return out;
}

/** Records the store events the sandbox emits from now on. */
export function recordEvents(sandbox: SandboxHandle): Array<{ scope: string; data: Json }> {
	const events: Array<{ scope: string; data: Json }> = [];
	sandbox.eventListeners.push((scope: string, data: Json) => events.push({ scope, data }));
	return events;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
