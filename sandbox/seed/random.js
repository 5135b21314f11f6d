'use strict';
/** Deterministic pseudo-random numbers for seed data (mulberry32). */
function createRandom(seed = 42) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (list) => list[Math.floor(next() * list.length)],
		bool: (p = 0.5) => next() < p,
		uuid: () => {
			const hex = () => Math.floor(next() * 16).toString(16);
			const s = Array.from({ length: 32 }, hex).join('');
			return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
		},
	};
}

/** A fixed reference time for seed data: 2026-01-15T12:00:00Z. */
const SEED_EPOCH = Date.UTC(2026, 0, 15, 12, 0, 0);

module.exports = { createRandom, SEED_EPOCH };
