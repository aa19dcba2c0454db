/**
 * Training speed-up for the wasm backend: its transposed BatchMatMul (which the stock gradient
 * uses) is ~11x slower than the plain one, so this gradient transposes explicitly and then
 * multiplies plainly. Mathematically identical to the stock gradient.
 */
import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes. */
function transposeLast2(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const n = perm.length;
  [perm[n - 2], perm[n - 1]] = [perm[n - 1], perm[n - 2]];
  return tf.transpose(x, perm);
}

function mm(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  return tf.matMul(transposeA ? transposeLast2(a) : a, transposeB ? transposeLast2(b) : b);
}

export const plainTransposeBatchMatMulGradient: tf.GradConfig = {
  kernelName: 'BatchMatMul',
  inputsToSave: ['a', 'b'],
  gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[], attrs: tf.NamedAttrMap) => {
    const g = Array.isArray(dy) ? dy[0] : dy;
    const [a, b] = saved;
    const transposeA = attrs.transposeA === true;
    const transposeB = attrs.transposeB === true;
    if (!transposeA && !transposeB) return { a: () => mm(g, b, false, true), b: () => mm(a, g, true, false) };
    if (!transposeA && transposeB) return { a: () => mm(g, b, false, false), b: () => mm(g, a, true, false) };
    if (transposeA && !transposeB) return { a: () => mm(b, g, false, true), b: () => mm(a, g, false, false) };
    return { a: () => mm(b, g, true, true), b: () => mm(g, a, true, true) };
  },
};

let registered = false;

/** Replaces tfjs's BatchMatMul gradient (process-wide; idempotent). */
export function registerPlainTransposeMatMulGradient(): void {
  if (registered) return;
  registered = true;
  const warn = console.warn;
  console.warn = () => {}; // tfjs warns "Overriding the gradient for 'BatchMatMul'": expected here
  try {
    tf.registerGradient(plainTransposeBatchMatMulGradient);
  } finally {
    console.warn = warn;
  }
}
