import { signedIn, type MatrixRow } from './types.js';

/** The home summary: every member gets their own; the PM's summary reaches the PM and their current coach only. */
export const homeRows: MatrixRow[] = [
  {
    method: 'GET',
    path: '/api/home',
    allowed: signedIn,
    request: () => ({ path: '/api/home' }),
    sees: {
      relations: ['self', 'coach'],
      find: (body, world) =>
        body.me.pm.id === world.pm.id ||
        body.coached.some((s: { pm: { id: string } }) => s.pm.id === world.pm.id),
    },
  },
];
