import type { FeatureManifest } from '../../manifest-types.js';

/** Coaching sessions: the session, its agenda, colours, private notes and next steps. */
export const manifest = {
  coaching_sessions: {
    key: ['id'],
    sealed: ['shared_notes', 'cancel_reason'],
    clear: {
      kind: 'an enum',
      occurrence_start: 'a local time (the RECURRENCE-ID of an occurrence)',
      status: 'an enum, filtered on',
      local_start: 'a local time',
      time_zone: 'a time zone name',
      action_statuses: 'action ids and statuses (JSON)',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'coaching-sessions',
  },
  session_series: {
    key: ['id'],
    sealed: [],
    clear: {
      kind: 'an enum',
      rrule: 'a recurrence rule built by Wheelhouse (FREQ=MONTHLY;BYDAY=2TU)',
      local_start: 'a local time',
      time_zone: 'a time zone name',
      status: 'an enum',
      last_local_start: 'a local time',
    },
    erasure: { goes: 'with-pm', column: 'pm_id' },
    export: 'coaching-sessions',
  },
  session_agenda_items: {
    key: ['id'],
    sealed: ['text', 'detail'],
    clear: {
      kind: 'an enum',
      added_side: 'an enum',
      carried_from: 'an agenda item id',
      carried_since: 'a local date',
    },
    erasure: { goes: 'cascade', from: 'coaching_sessions' },
    export: 'coaching-sessions',
  },
  session_theme_colours: {
    key: ['id'],
    sealed: ['why', 'theme_title'],
    clear: {
      side: 'an enum',
      colour: 'an enum',
    },
    erasure: { goes: 'cascade', from: 'coaching_sessions' },
    export: 'coaching-sessions',
  },
  session_private_notes: {
    key: ['session_id', 'author_id'],
    sealed: ['body'],
    clear: {},
    erasure: { goes: 'cascade', from: 'coaching_sessions' },
    export: 'coaching-sessions',
  },
  session_next_steps: {
    key: ['id'],
    sealed: ['text', 'theme_title'],
    clear: {
      side: 'an enum',
    },
    erasure: { goes: 'cascade', from: 'coaching_sessions' },
    export: 'coaching-sessions',
  },
  session_notes_updates: {
    key: ['id'],
    // The shared notes as a Yjs document: the same words as shared_notes, so sealed the same way.
    sealed: ['update_data'],
    clear: {},
    erasure: { goes: 'cascade', from: 'coaching_sessions' },
    export: 'coaching-sessions',
  },
} as const satisfies FeatureManifest;
