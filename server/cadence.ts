import type { DueProducer } from './features/cadence/deliveries/due.js';
import { startSweeps } from './features/cadence/deliveries/outbox.js';
import type { Deps } from './http/env.js';
import { dueCoachPrompts } from './features/cadence/nudges/coach-prompts.js';
import { dueReminders } from './features/cadence/reminders/due-reminders.js';
import { dueYourTurn } from './features/cadence/your-turn/your-turn.js';
import { extendSeries } from './features/cadence/coaching-sessions/series.js';

/**
 * What happens between sessions (issue 9, decision 033): the producers every instance's sweep
 * asks for due deliveries. Composed here, at the top, so deliveries/ never imports the features
 * that feed it. Nudges a coach sends go straight to the outbox (enqueueDelivery), not through here.
 */
export const producers: readonly DueProducer[] = [dueYourTurn, extendSeries, dueReminders, dueCoachPrompts];

/** Starts this instance's sweep clock; answers a function that stops it. */
export const startCadence = (deps: Deps) => startSweeps({ deps, producers });
