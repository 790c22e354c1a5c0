/**
 * Kysely table types. Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both
 * engines, so one code path reads the same values from SQLite and PostgreSQL (decision 001).
 */
export interface WorkspaceTable {
  id: string;
  name: string;
  is_demo: number;
  created_at: string;
  /** Where people reach this workspace (origin), recorded at setup; PUBLIC_URL overrides it. */
  public_address: string | null;
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
  /** Erasure (migration 017, decision 043): a tombstone with no name, address or password. */
  erased_at?: string | null;
  /** Removed from the workspace by an admin (migration 017): signs in only to export or erase. */
  removed_at?: string | null;
  /** The identity provider's id for the person (SCIM externalId, migration 021). */
  external_id?: string | null;
  /** Turned off by the identity provider (SCIM active=false, migration 021): no sign-in. */
  deactivated_at?: string | null;
}

/** A password reset link (migration 021): only its hash; single use, about an hour. */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  token_hash: string;
  issued_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A bearer token an identity provider uses for SCIM (migration 021): only its hash. */
export interface ScimTokenTable {
  id: string;
  workspace_id: string;
  label: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
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
  status: 'pending' | 'active' | 'ended' | 'declined' | 'withdrawn';
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

/** SQLite only (migration 016): the erasure lift's guard, a row only inside an erasure transaction. */
export interface AccessLogErasureTable {
  only_row: number;
}

/** Issue 11 (migration 016): a PM who keeps their scores out of the workspace insights. */
export interface InsightsOptOutTable {
  user_id: string;
  created_at: string;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}

export interface SignInKnownAddressTable {
  email: string;
  address: string;
  last_at: string;
}

export interface FrameworkTable {
  id: string;
  workspace_id: string;
  owner_id: string | null;
  default_for: string | null;
  current_version_id: string | null;
  current_version_number: number;
  name: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface FrameworkVersionTable {
  id: string;
  framework_id: string;
  number: number;
  content: string;
  created_by: string | null;
  created_at: string;
}

export interface AssessmentRoundTable {
  id: string;
  workspace_id: string;
  pm_id: string;
  coach_id: string;
  framework_version_id: string;
  title: string;
  opened_by: string;
  created_at: string;
  revealed_at: string | null;
  peers_shared: number;
  /** Closed unrevealed by the PM after its coach left (issue 10, migration 015); never revealed. */
  closed_at?: string | null;
}

export interface AssessmentTable {
  id: string;
  round_id: string;
  side: 'self' | 'coach' | 'peer';
  author_id: string | null;
  peer_id: string | null;
  next_bigger_challenge: string | null;
  area_scores: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface AssessmentScoreTable {
  assessment_id: string;
  statement_key: string;
  score: number;
}

export interface AssessmentNoteTable {
  assessment_id: string;
  area_key: string;
  note: string;
}

export interface PeerInvitationTable {
  id: string;
  round_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  submitted_at: string | null;
  revoked_at: string | null;
}

// Issue 4: the shared vision and the development plan (migration 003).
export interface VisionProposalTable {
  id: string;
  pm_id: string;
  next_bigger_challenge: string;
  career_direction: string;
  note: string;
  proposed_by: string;
  proposed_side: 'pm' | 'coach';
  proposed_at: string;
  status: 'open' | 'agreed' | 'replaced' | 'withdrawn';
  decided_by: string | null;
  decided_at: string | null;
}

export interface PlanTable {
  id: string;
  pm_id: string;
  number: number;
  headline: string;
  focus: string;
  period_start: string;
  period_end: string;
  created_at: string;
  updated_at: string;
  replaced_at: string | null;
}

export interface PlanThemeTable {
  id: string;
  plan_id: string;
  lineage_id: string;
  position: number;
  title: string;
  why: string;
  origin: 'pm' | 'coach';
  suggested_by: string | null;
  suggestion_id: string | null;
  adopted_at: string | null;
  created_at: string;
  updated_at: string;
  /** How the theme serves the agreed next bigger challenge and career direction (issue 10). */
  serves?: string | null;
}

export interface PlanThemeTargetTable {
  theme_id: string;
  kind: 'area' | 'trait';
  key: string;
  name: string;
  position: number;
}

export interface PlanActionTable {
  id: string;
  plan_id: string;
  theme_id: string;
  lineage_id: string;
  position: number;
  text: string;
  due_on: string | null;
  status: 'not_started' | 'in_progress' | 'done' | 'dropped';
  evidence: string;
  done_at: string | null;
  origin: 'pm' | 'coach';
  suggested_by: string | null;
  suggestion_id: string | null;
  adopted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanCommentTable {
  id: string;
  plan_id: string;
  theme_id: string | null;
  action_id: string | null;
  author_id: string;
  body: string;
  is_private: number;
  created_at: string;
}

export interface PlanSuggestionTable {
  id: string;
  plan_id: string;
  author_id: string;
  kind: 'new_theme' | 'reword_theme' | 'new_action' | 'reword_action';
  theme_id: string | null;
  action_id: string | null;
  title: string | null;
  why: string | null;
  text: string | null;
  due_on: string | null;
  /** JSON: [{kind: 'area' | 'trait', key, name}] */
  targets: string;
  message: string;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn' | 'outdated';
  created_at: string;
  decided_at: string | null;
  decline_reason: string | null;
  result_theme_id: string | null;
  result_action_id: string | null;
}

// Issue 8: the question bank (migration 005).
export interface QuestionTable {
  id: string;
  workspace_id: string;
  author_id: string;
  text: string;
  /** JSON: area/trait keys */
  areas: string;
  /** JSON: situation keys */
  situations: string;
  visibility: 'private' | 'workspace';
  created_at: string;
  updated_at: string;
}

export interface QuestionAskedTable {
  id: string;
  pm_id: string;
  question_id: string;
  session_id: string | null;
  asked_at: string;
}

// Coaching sessions (issue 8)
export interface CoachingSessionTable {
  id: string;
  pm_id: string;
  coach_id: string;
  kind: 'monthly' | 'weekly';
  status: 'scheduled' | 'in_progress' | 'held' | 'cancelled';
  starts_at: string;
  local_start: string;
  time_zone: string;
  minutes: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  agenda_prepared_at: string | null;
  action_statuses: string | null;
  started_at: string | null;
  ended_at: string | null;
  cancelled_at: string | null;
  shared_notes: string;
  colours_set: number | null;
  actions_moved: number | null;
  next_steps: number | null;
  /** iTIP SEQUENCE: bumped only when the time, length or status changes (migration 024). */
  sequence: number;
  series_id: string | null;
  /** The local start the series' rule gave this occurrence (its RECURRENCE-ID). */
  occurrence_start: string | null;
  cancel_reason: string | null;
}

export interface SessionSeriesTable {
  id: string;
  pm_id: string;
  coach_id: string;
  kind: 'monthly' | 'weekly';
  rrule: string;
  local_start: string;
  time_zone: string;
  minutes: number;
  status: 'active' | 'cancelled';
  last_local_start: string | null;
  sequence: number;
  created_by: string | null;
  created_at: string;
}

export interface SessionAgendaItemTable {
  id: string;
  session_id: string;
  position: number;
  kind: string;
  text: string;
  detail: string | null;
  ref_id: string | null;
  added_by: string | null;
  added_side: 'pm' | 'coach' | null;
  done: number;
  created_at: string;
  /** The item of the pair's earlier session this one carries forward (migration 026). */
  carried_from?: string | null;
  /** The local day (YYYY-MM-DD) the carried item was first on an agenda. */
  carried_since?: string | null;
}

export interface SessionThemeColourTable {
  id: string;
  session_id: string;
  lineage_id: string;
  theme_id: string | null;
  theme_title: string;
  side: 'pm' | 'coach';
  colour: 'red' | 'amber' | 'green';
  why: string;
  set_by: string | null;
  set_at: string;
}

export interface SessionPrivateNoteTable {
  session_id: string;
  author_id: string;
  body: string;
  updated_at: string;
}

/** One Yjs update of a coaching session's shared notes (base64, sealed), or a compacted snapshot. */
export interface SessionNotesUpdateTable {
  id: string;
  session_id: string;
  update_data: string;
  created_at: string;
}

export interface SessionNextStepTable {
  id: string;
  session_id: string;
  author_id: string | null;
  side: 'pm' | 'coach';
  position: number;
  text: string;
  theme_title: string;
  action_id: string | null;
  suggestion_id: string | null;
  created_at: string;
}

export interface CheckInTable {
  id: string;
  pm_id: string;
  emotions: string;
  about_kind: string;
  about_lineage_id: string | null;
  about_title: string;
  why: string;
  is_private: number;
  created_at: string;
}

export interface PulseTable {
  id: string;
  pm_id: string;
  framework_version_id: string;
  target_kind: string;
  target_key: string;
  area_key: string;
  target_name: string;
  score: number;
  higher: string;
  created_at: string;
}

// Issue 9: the calendar feed (migration 011).
/** A provider's account linked to a person (issue 23): found by (issuer, subject), never by e-mail. */
export interface SsoLinkTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

/** A single sign-on in progress (issue 23): waiting for the provider, or for a password proof. */
export interface SsoAttemptTable {
  state_hash: string;
  code_verifier: string | null;
  nonce: string | null;
  user_id: string | null;
  issuer: string | null;
  subject: string | null;
  created_at: string;
  expires_at: string;
}

export interface CalendarFeedTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

export interface NotificationSettingsTable {
  user_id: string;
  email_on: number;
  slack_url: string | null;
  teams_url: string | null;
  include_text: number;
  nudge_frequency: 'daily' | 'weekly' | 'paused';
  quiet_from: string | null;
  quiet_to: string | null;
  time_zone: string;
  /** Delivery kinds turned off, comma-separated. */
  kinds_off: string;
  coach_prompt_day: number;
  updated_at: string;
}

/** One browser a person turned push on in (issue 22, decision 061). */
export interface PushSubscriptionTable {
  id: string;
  user_id: string;
  /** The push service's address for this browser: unique. */
  endpoint: string;
  /** The browser's P-256 public key and auth secret (base64url), for RFC 8291 encryption. */
  p256dh: string;
  auth: string;
  /** 1: notifications on this browser show the text, not only a title and a link. */
  show_text: number;
  created_at: string;
}

/** The installation's VAPID key pair (one row, id 'installation'), unless given in the environment. */
export interface PushVapidKeyTable {
  id: string;
  public_key: string;
  private_key: string;
  created_at: string;
}

export interface DeliveryTable {
  id: string;
  key: string;
  channel: 'in-app' | 'email' | 'slack' | 'teams' | 'push';
  recipient_id: string;
  kind: string;
  title: string;
  text: string;
  link: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  claimed_by: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  read_at: string | null;
  /** iTIP text for an email row (migration 024). */
  calendar?: string | null;
}

export interface ReflectionTable {
  id: string;
  pm_id: string;
  author_id: string;
  kind: 'reflection' | 'coach-note';
  body: string;
  attached_kind: 'area' | 'theme' | 'round' | 'coaching-session' | null;
  attached_id: string | null;
  attached_label: string | null;
  shared_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoundTraitTable {
  round_id: string;
  side: 'self' | 'coach';
  trait_key: string;
  words: string;
  updated_at: string;
}

// Nudges (issue 9, migration 012).
export interface NudgeTable {
  id: string;
  pm_id: string;
  coach_id: string;
  text: string;
  about_kind: 'free' | 'theme' | 'action';
  about_lineage_id: string | null;
  about_title: string | null;
  period: string;
  created_at: string;
}

export interface NudgeResponseTable {
  id: string;
  nudge_id: string;
  n: number;
  reaction: 'done' | 'thanks' | 'not-now' | null;
  text: string | null;
  created_at: string;
}

// Issue 10: history grants (migration 015).
export interface HistoryGrantTable {
  id: string;
  pm_id: string;
  coach_id: string;
  pair_id: string;
  part: string;
  granted_at: string;
}

export interface SelfCheckTable {
  id: string;
  pm_id: string;
  framework_version_id: string;
  areas: string;
  area_scores: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  shared_at: string | null;
}

export interface SelfCheckScoreTable {
  self_check_id: string;
  statement_key: string;
  score: number;
}

export interface SelfCheckTraitTable {
  self_check_id: string;
  trait_key: string;
  words: string;
}

export interface Database {
  workspaces: WorkspaceTable;
  users: UserTable;
  sessions: SessionTable;
  password_resets: PasswordResetTable;
  scim_tokens: ScimTokenTable;
  invitations: InvitationTable;
  pairs: PairTable;
  access_log: AccessLogTable;
  access_log_erasure: AccessLogErasureTable;
  insights_opt_outs: InsightsOptOutTable;
  sign_in_throttle: SignInThrottleTable;
  sign_in_known_addresses: SignInKnownAddressTable;
  frameworks: FrameworkTable;
  framework_versions: FrameworkVersionTable;
  assessment_rounds: AssessmentRoundTable;
  history_grants: HistoryGrantTable;
  assessments: AssessmentTable;
  assessment_scores: AssessmentScoreTable;
  assessment_notes: AssessmentNoteTable;
  peer_invitations: PeerInvitationTable;
  vision_proposals: VisionProposalTable;
  plans: PlanTable;
  plan_themes: PlanThemeTable;
  plan_theme_targets: PlanThemeTargetTable;
  plan_actions: PlanActionTable;
  plan_comments: PlanCommentTable;
  plan_suggestions: PlanSuggestionTable;
  coaching_sessions: CoachingSessionTable;
  session_series: SessionSeriesTable;
  session_agenda_items: SessionAgendaItemTable;
  session_theme_colours: SessionThemeColourTable;
  session_private_notes: SessionPrivateNoteTable;
  session_next_steps: SessionNextStepTable;
  session_notes_updates: SessionNotesUpdateTable;
  questions: QuestionTable;
  question_asked: QuestionAskedTable;
  check_ins: CheckInTable;
  pulses: PulseTable;
  self_checks: SelfCheckTable;
  self_check_scores: SelfCheckScoreTable;
  self_check_traits: SelfCheckTraitTable;
  reflections: ReflectionTable;
  round_traits: RoundTraitTable;
  notification_settings: NotificationSettingsTable;
  deliveries: DeliveryTable;
  push_subscriptions: PushSubscriptionTable;
  push_vapid_keys: PushVapidKeyTable;
  calendar_feeds: CalendarFeedTable;
  sso_links: SsoLinkTable;
  sso_attempts: SsoAttemptTable;
  nudges: NudgeTable;
  nudge_responses: NudgeResponseTable;
}
