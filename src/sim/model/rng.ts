/** A seeded pseudo-random generator (mulberry32): the same seed gives the same cluster history. */
export interface Rng {
	next(): number;
	int(maxExclusive: number): number;
	hex(length: number): string;
}

export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: maxExclusive => Math.floor(next() * maxExclusive),
		hex: length => {
			let out = '';
			while (out.length < length) out += Math.floor(next() * 16).toString(16);
			return out;
		},
	};
}

export function uuidFrom(rng: Rng): string {
	const h = rng.hex(32);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
