export { forwardReference } from './forward-reference.js';
export { makeBinaryRows, makeRows, weightBytes } from './make-rows.js';
