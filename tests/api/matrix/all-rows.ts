import { calendarFeedRows } from './calendar-feed.js';
import { checkInRows } from './check-ins.js';
import { coachingSessionRows } from './coaching-sessions.js';
import { deliveryRows } from './deliveries.js';
import { erasureRows } from './erasure.js';
import { exportRows } from './export.js';
import { foundationRows } from './foundation.js';
import { historyGrantRows } from './history-grants.js';
import { homeRows } from './home.js';
import { insightsRows } from './insights.js';
import { nudgeRows } from './nudges.js';
import { passwordResetRows } from './password-reset.js';
import { planRows } from './plans.js';
import { publicAddressRows } from './public-address.js';
import { questionRows } from './questions.js';
import { reflectionRows } from './reflections.js';
import { scimTokenRows } from './scim-tokens.js';
import { selfCheckRows } from './self-checks.js';
import { singleSignOnRows } from './single-sign-on.js';
import type { MatrixRow } from './types.js';
import { wheelRows } from './wheel.js';

/** Every route × every relation: allowed ones get in, refused ones get refused and change nothing. */
export const matrix: MatrixRow[] = [
  ...foundationRows,
  ...homeRows,
  ...planRows,
  ...wheelRows,
  ...coachingSessionRows,
  ...checkInRows,
  ...selfCheckRows,
  ...reflectionRows,
  ...questionRows,
  ...publicAddressRows,
  ...insightsRows,
  ...nudgeRows,
  ...calendarFeedRows,
  ...deliveryRows,
  ...historyGrantRows,
  ...exportRows,
  ...erasureRows,
  ...singleSignOnRows,
  ...passwordResetRows,
  ...scimTokenRows,
];

/** How many test files the matrix is dealt into, so vitest's workers share it evenly. */
export const MATRIX_PARTS = 4;

/** Part `part` (1-based) of the matrix: every MATRIX_PARTS-th row, so each part mixes cheap and costly routes. */
export const matrixPart = (part: number) => matrix.filter((_, i) => i % MATRIX_PARTS === part - 1);
