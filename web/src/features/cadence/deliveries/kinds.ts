import { deliveryKindInfo, switchableKinds, type DeliveryKind } from '../../../../../common/delivery-kinds';

/** How each kind of delivery is named to people (the one list is common/delivery-kinds.ts). */
export const kindNames = Object.fromEntries(
  Object.entries(deliveryKindInfo).map(([kind, info]) => [kind, info.name]),
) as Record<DeliveryKind, string>;

/** Kinds a person may turn off; nudges are paused with the nudge frequency instead. */
export const switchable = switchableKinds;

/** Lets the header's unread count know the inbox changed (marked read on this page). */
export const inboxChanged = () => window.dispatchEvent(new Event('wheelhouse:inbox-changed'));
