import type { Me } from '../../../common/schemas';

export type Roles = Me['roles'];

/**
 * Which menu items a person gets (a PM's wheel and plan, a coach's insights). The session brings
 * them with the person, so the menu is drawn whole at once (no layout shift when /api/pairs
 * answers); the pairs, once loaded, take over (an offer accepted here changes them).
 */
export function navRoles(me: Me | null, known: Roles | null): Roles {
  if (!me) return { isPm: false, coaches: false };
  return known ?? me.roles;
}
