export { makeBinaryRows, makeRows, weightBytes } from './make-rows.js';
