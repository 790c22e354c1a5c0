import { matrixPart } from './matrix/all-rows.js';
import { runMatrix } from './matrix/run-matrix.js';

// Part 1 of the authorization matrix (see authorization.test.ts).
runMatrix(matrixPart(1));
