/**
 * Where nudges meet the deliveries feature (the outbox and each person's settings): everything
 * nudges need from there goes through this one file. nudges/ imports deliveries/, never the
 * other way.
 */
export { enqueueDelivery, markDeliveryRead } from '../deliveries/outbox.js';
export { nudgePreferenceOf } from '../deliveries/settings.js';

export type NudgePreference = Awaited<
  ReturnType<typeof import('../deliveries/settings.js').nudgePreferenceOf>
>;
