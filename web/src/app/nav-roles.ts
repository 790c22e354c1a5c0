import { useEffect } from 'react';

export interface Roles {
  isPm: boolean;
  coaches: boolean;
}

const keyOf = (meId: string) => `wheelhouse:nav-roles:${meId}`;

function remembered(meId: string): Roles {
  try {
    const value = JSON.parse(localStorage.getItem(keyOf(meId)) ?? 'null') as Partial<Roles> | null;
    return { isPm: value?.isPm === true, coaches: value?.coaches === true };
  } catch {
    return { isPm: false, coaches: false };
  }
}

/**
 * Which menu items a person gets (a PM's wheel and plan, a coach's insights). Until /api/pairs
 * answers, the roles this browser saw last time stand in, so the menu does not grow under the
 * reader's eyes (layout shift) on every page load.
 */
export function useNavRoles(meId: string | null, known: Roles | null): Roles {
  const isPm = known?.isPm;
  const coaches = known?.coaches;
  useEffect(() => {
    if (!meId || isPm === undefined || coaches === undefined) return;
    try {
      localStorage.setItem(keyOf(meId), JSON.stringify({ isPm, coaches }));
    } catch {
      // Storage blocked: the menu simply waits for the answer next time.
    }
  }, [meId, isPm, coaches]);
  if (!meId) return { isPm: false, coaches: false };
  return known ?? remembered(meId);
}
