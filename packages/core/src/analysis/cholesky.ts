/** The least-squares solves of the linearised variance (`linearisation.ts`): X'X factorised once, solved per estimate. */

/**
 * In-place-free Cholesky of a symmetric positive semi-definite matrix; a (near) zero pivot zeroes its column.
 *
 * @example
 * cholesky(Float64Array.of(4, 2, 2, 3), 2); // [2, 0, 1, 1.414…]
 */
export function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j] as number;
    for (let k = 0; k < j; k++) d -= (l[j * p + k] as number) ** 2;
    const scale = Math.max(1, a[j * p + j] as number);
    if (d <= 1e-10 * scale) continue;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Solves L L' x = b, leaving x = 0 on dropped columns.
 *
 * @example
 * solve(cholesky(xtx, p), p, xtz);
 */
export function solve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const lii = l[i * p + i] as number;
    if (lii === 0) continue;
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = s / lii;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    const lii = l[i * p + i] as number;
    if (lii === 0) continue;
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = s / lii;
  }
  return x;
}
