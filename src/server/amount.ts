/** Amounts compared in tiyn (two decimals), so 100.1, "100.10" and 100.10000000001 are the same price. */
export const sameAmount = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);
