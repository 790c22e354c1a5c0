/**
 * Kysely table types. Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both
 * engines, so one code path reads the same values from SQLite and PostgreSQL (decision 001).
 */
export interface WorkspaceTable {
  id: string;
  name: string;
  is_demo: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  password_changed_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface InvitationTable {
  id: string;
  workspace_id: string;
  email: string;
  kind: 'pm' | 'member';
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  mailed_at: string | null;
}

export interface PairTable {
  id: string;
  workspace_id: string;
  coach_id: string;
  pm_id: string;
  status: 'pending' | 'active' | 'ended';
  created_by: string;
  created_at: string;
  accepted_at: string | null;
  ended_at: string | null;
}

export interface AccessLogTable {
  id: string;
  pm_id: string;
  actor_id: string;
  action: string;
  resource: string;
  at: string;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  pairs: PairTable;
  access_log: AccessLogTable;
  sign_in_throttle: SignInThrottleTable;
}
