/**
 * THE list of what can reach a person (issues 9 and 21), without zod: the server (validation,
 * the outside channels' notice) and the web app (the inbox, the notifications page) both read it.
 * A new kind is one line here; the typecheck then asks for nothing else.
 * - `name`: how the notifications page and the inbox name the kind.
 * - `notice`: the sentence outside channels carry (no coaching content: names and kinds only).
 * - `switchable`: whether a person can turn it off (nudges are paused instead; tests always go).
 * - `yourTurn`: sent at once (next sweep) when something waits for this person, not a reminder later.
 */
export const deliveryKindInfo = {
  nudge: {
    name: 'Nudges from your coach',
    notice: 'Your coach sent you a nudge in Wheelhouse.',
    switchable: false,
    yourTurn: false,
  },
  'nudge-reply': {
    name: 'Answers to your nudges',
    notice: 'There is an answer to a nudge in Wheelhouse.',
    switchable: false,
    yourTurn: false,
  },
  'round-your-turn': {
    name: 'A wheel round waiting for your side',
    notice: 'A wheel round is waiting for your side.',
    switchable: true,
    yourTurn: true,
  },
  'round-revealed': {
    name: 'Both sides in: the wheel revealed',
    notice: 'Both sides are in: the wheel is revealed.',
    switchable: true,
    yourTurn: true,
  },
  'suggestion-made': {
    name: 'A suggestion for your plan',
    notice: 'Your coach suggested a change to your development plan.',
    switchable: true,
    yourTurn: true,
  },
  'suggestion-answered': {
    name: 'Your suggestion accepted or declined',
    notice: 'A suggestion you made was accepted or declined.',
    switchable: true,
    yourTurn: true,
  },
  'plan-comment': {
    name: 'A comment on your plan',
    notice: 'There is a new comment on your development plan.',
    switchable: true,
    yourTurn: true,
  },
  'vision-proposal': {
    name: 'A shared vision proposal to answer',
    notice: 'A proposal for the shared vision is waiting for your answer.',
    switchable: true,
    yourTurn: true,
  },
  'session-next-steps': {
    name: 'Next steps from a coaching session',
    notice: 'A coaching session ended with next steps.',
    switchable: true,
    yourTurn: true,
  },
  'coach-weekly-prompt': {
    name: 'Weekly nudge ideas (when you coach)',
    notice: 'Your weekly nudge ideas are ready in Wheelhouse.',
    switchable: true,
    yourTurn: false,
  },
  'session-tomorrow': {
    name: 'A coaching session soon (the day before)',
    notice: 'A coaching session is coming up soon.',
    switchable: true,
    yourTurn: false,
  },
  'session-overdue': {
    name: 'A coaching session overdue',
    notice: 'A coaching session is overdue.',
    switchable: true,
    yourTurn: false,
  },
  'action-due': {
    name: 'An action due',
    notice: 'An action in a development plan is due.',
    switchable: true,
    yourTurn: false,
  },
  'plan-refresh-due': {
    name: 'The quarterly plan refresh due',
    notice: 'A development plan is due for its quarterly refresh.',
    switchable: true,
    yourTurn: false,
  },
  'vision-revisit-due': {
    name: 'The shared vision’s revisit due',
    notice: 'A shared vision is due for a revisit.',
    switchable: true,
    yourTurn: false,
  },
  'round-waiting': {
    name: 'A wheel round still waiting (after two days)',
    notice: 'A wheel round is waiting for an assessment.',
    switchable: true,
    yourTurn: false,
  },
  'invitation-expiring': {
    name: 'An invitation about to expire',
    notice: 'An invitation is about to expire.',
    switchable: true,
    yourTurn: false,
  },
  'session-scheduled': {
    name: 'A coaching session scheduled (with a calendar invitation by email)',
    notice: 'A coaching session was scheduled.',
    switchable: true,
    yourTurn: true,
  },
  'session-moved': {
    name: 'A coaching session moved',
    notice: 'A coaching session was moved.',
    switchable: true,
    yourTurn: true,
  },
  'session-cancelled': {
    name: 'A coaching session cancelled',
    notice: 'A coaching session was cancelled.',
    switchable: true,
    yourTurn: true,
  },
  test: {
    name: 'Tests',
    notice: 'This is a test from Wheelhouse: this channel works.',
    switchable: false,
    yourTurn: false,
  },
} as const satisfies Record<string, { name: string; notice: string; switchable: boolean; yourTurn: boolean }>;

export type DeliveryKind = keyof typeof deliveryKindInfo;
export const deliveryKindList = Object.keys(deliveryKindInfo) as [DeliveryKind, ...DeliveryKind[]];

/** Kinds a person may turn off, in the order the notifications page lists them. */
export type SwitchableKind = {
  [K in DeliveryKind]: (typeof deliveryKindInfo)[K]['switchable'] extends true ? K : never;
}[DeliveryKind];
export const switchableKinds = deliveryKindList.filter(
  (k) => deliveryKindInfo[k].switchable,
) as SwitchableKind[];
