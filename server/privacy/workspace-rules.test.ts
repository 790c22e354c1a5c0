import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import {
  authorizeWorkspace as authorize,
  invitationsShownTo,
  mayInWorkspace,
  workspaceRules,
  type WorkspaceAction,
} from './workspace-rules.js';

const person = (id: string, isAdmin = false, workspaceId = 'ws'): Actor => ({
  id,
  workspaceId,
  name: id,
  email: `${id}@example.com`,
  isAdmin,
});
const admin = person('admin', true);
const pm = person('pm');
const coach = person('coach');
const other = person('other');
const outsideAdmin = person('outsider', true, 'elsewhere');

const tried = new Set<WorkspaceAction>();
const authorizeWorkspace: typeof authorize = (input) => {
  tried.add(input.action);
  authorize(input);
};

/** What authorizeWorkspace answers: 'ok', or the refusal's status and message. */
function answer(run: () => void) {
  try {
    run();
    return 'ok';
  } catch (error) {
    const e = error as { status: number; message: string };
    return `${e.status} ${e.message}`;
  }
}

describe('workspace rules without a thing', () => {
  const cases: [WorkspaceAction, Actor, string][] = [
    ['member:list', admin, 'ok'],
    ['member:list', pm, '403 Only a workspace admin can manage members.'],
    ['member:set-admin', admin, 'ok'],
    ['member:set-admin', coach, '403 Only a workspace admin can manage members.'],
    ['people:list', pm, 'ok'],
    ['account:erase', pm, 'ok'],
    ['account:erase', admin, 'ok'],
    ['invitation:invite-pm', coach, 'ok'],
    ['invitation:invite-member', admin, 'ok'],
    [
      'invitation:invite-member',
      coach,
      '403 Only a workspace admin can invite members who are not your PMs.',
    ],
    ['invitation:list', pm, 'ok'],
    ['pair:list-workspace', admin, 'ok'],
    ['pair:list-workspace', outsideAdmin, 'ok'],
    ['pair:list-workspace', coach, '403 Only a workspace admin can see this.'],
    ['framework:create', coach, 'ok'],
    ['framework:create-template', admin, 'ok'],
    ['framework:create-template', coach, '403 Only a workspace admin can create workspace templates.'],
  ];
  for (const [action, actor, expected] of cases) {
    it(`${action} for ${actor.id}: ${expected}`, () => {
      expect(answer(() => authorizeWorkspace({ actor, action } as never))).toBe(expected);
    });
  }
});

describe('member removal', () => {
  const member = { workspace_id: 'ws' };
  const remove = (actor: Actor, thing = member) =>
    answer(() => authorizeWorkspace({ actor, action: 'member:remove', thing }));

  it('is for an admin of the member’s workspace', () => {
    expect(remove(admin)).toBe('ok');
    expect(remove(coach)).toBe('403 Only a workspace admin can remove members.');
  });
  it('is hidden from other workspaces, their admins included', () => {
    expect(remove(outsideAdmin)).toBe('404 That was not found.');
    expect(remove(admin, { workspace_id: 'elsewhere' })).toBe('404 That was not found.');
  });
});

describe('invitations', () => {
  const invitation = { workspace_id: 'ws', invited_by: 'coach' };
  const revoke = (actor: Actor, thing = invitation) =>
    answer(() => authorizeWorkspace({ actor, action: 'invitation:revoke', thing }));

  it('are revoked by their inviter or an admin of the workspace', () => {
    expect(revoke(coach)).toBe('ok');
    expect(revoke(admin)).toBe('ok');
  });
  it('are hidden from other members and from other workspaces', () => {
    expect(revoke(other)).toBe('404 That was not found.');
    expect(revoke(outsideAdmin)).toBe('404 That was not found.');
    expect(revoke(person('coach', false, 'elsewhere'))).toBe('404 That was not found.');
  });
  it('are listed whole for an admin, one’s own for everyone else', () => {
    expect(invitationsShownTo(admin)).toEqual({ workspaceId: 'ws', invitedBy: null });
    expect(invitationsShownTo(coach)).toEqual({ workspaceId: 'ws', invitedBy: 'coach' });
  });
});

describe('pairs', () => {
  const pair = { workspace_id: 'ws', pm_id: 'pm', coach_id: 'coach' };
  const act = (action: 'pair:accept' | 'pair:decline' | 'pair:end', actor: Actor) =>
    answer(() => authorizeWorkspace({ actor, action, thing: pair }));
  const hidden = '404 That was not found.';

  it('are offered by the coach themself, or by an admin for two others', () => {
    const offer = (actor: Actor, coachId: string) =>
      answer(() => authorizeWorkspace({ actor, action: 'pair:offer', thing: { coach_id: coachId } }));
    expect(offer(coach, 'coach')).toBe('ok');
    expect(offer(admin, 'coach')).toBe('ok');
    expect(offer(other, 'coach')).toBe('403 Only a workspace admin can pair two other people.');
  });
  it('are accepted by their PM alone', () => {
    expect(act('pair:accept', pm)).toBe('ok');
    for (const actor of [coach, admin, other, outsideAdmin]) expect(act('pair:accept', actor)).toBe(hidden);
  });
  it('are declined or ended by either person or an admin of the workspace', () => {
    for (const action of ['pair:decline', 'pair:end'] as const) {
      for (const actor of [pm, coach, admin]) expect(act(action, actor)).toBe('ok');
      for (const actor of [other, outsideAdmin]) expect(act(action, actor)).toBe(hidden);
    }
  });
});

describe('frameworks', () => {
  const own = { workspace_id: 'ws', owner_id: 'coach' };
  const template = { workspace_id: 'ws', owner_id: null };
  const act = (action: WorkspaceAction, actor: Actor, thing: typeof own | typeof template) =>
    answer(() => authorizeWorkspace({ actor, action, thing } as never));
  const hidden = '404 That was not found.';

  it('are read, copied and exported by every member of their workspace only', () => {
    for (const action of ['framework:read', 'framework:copy', 'framework:export'] as const) {
      expect(act(action, pm, own)).toBe('ok');
      expect(act(action, outsideAdmin, template)).toBe(hidden);
    }
  });
  it('are edited and removed by their owner, templates by an admin', () => {
    for (const action of ['framework:edit', 'framework:archive'] as const) {
      expect(act(action, coach, own)).toBe('ok');
      expect(act(action, admin, template)).toBe('ok');
      expect(act(action, outsideAdmin, template)).toBe(hidden);
    }
    expect(act('framework:edit', admin, own)).toBe(
      '403 Only its owner can change this framework. Copy it to adapt it.',
    );
    expect(act('framework:edit', coach, template)).toBe(
      '403 Only its owner can change this framework. Copy it to adapt it.',
    );
    expect(act('framework:archive', pm, own)).toBe('403 Only its owner can remove this framework.');
  });
  it('tell the list which ones the person may edit', () => {
    expect(mayInWorkspace({ actor: coach, action: 'framework:edit', thing: own })).toBe(true);
    expect(mayInWorkspace({ actor: pm, action: 'framework:edit', thing: own })).toBe(false);
  });
});

describe('the demo', () => {
  const facts = (setupNeeded: boolean, actorInDemo = false) => ({ setupNeeded, actorInDemo });
  const start = (actor: Actor | null, thing: ReturnType<typeof facts>) =>
    answer(() => authorizeWorkspace({ actor, action: 'demo:start', thing }));
  const refused = '403 The demo can be started on a new installation, or by a workspace admin.';

  it('starts for anyone on a new installation, then only for an admin or from inside it', () => {
    expect(start(null, facts(true))).toBe('ok');
    expect(start(null, facts(false))).toBe(refused);
    expect(start(pm, facts(false))).toBe(refused);
    expect(start(admin, facts(false))).toBe('ok');
    expect(start(pm, facts(false, true))).toBe('ok');
  });
  it('is removed by an admin or from inside it', () => {
    const remove = (actor: Actor, inDemo: boolean) =>
      answer(() => authorizeWorkspace({ actor, action: 'demo:remove', thing: facts(false, inDemo) }));
    expect(remove(admin, false)).toBe('ok');
    expect(remove(pm, true)).toBe('ok');
    expect(remove(pm, false)).toBe('403 Only a workspace admin can remove the demo.');
  });
});

describe('questions people add', () => {
  const question = (visibility: string, workspace_id = 'ws') => ({
    workspace_id,
    author_id: 'coach',
    visibility,
  });
  const run = (action: 'question:read' | 'question:edit', actor: Actor, thing: ReturnType<typeof question>) =>
    answer(() => authorizeWorkspace({ actor, action, thing }));

  it('are listed and added by any member', () => {
    expect(answer(() => authorizeWorkspace({ actor: pm, action: 'question:list' } as never))).toBe('ok');
    expect(answer(() => authorizeWorkspace({ actor: pm, action: 'question:add' } as never))).toBe('ok');
  });
  it('stay with their author unless shared with the workspace, and nobody outside sees them', () => {
    expect(run('question:read', coach, question('private'))).toBe('ok');
    expect(run('question:read', pm, question('private'))).toBe('404 That was not found.');
    expect(run('question:read', pm, question('workspace'))).toBe('ok');
    expect(run('question:read', outsideAdmin, question('workspace'))).toBe('404 That was not found.');
  });
  it('are changed by their author only', () => {
    expect(run('question:edit', coach, question('workspace'))).toBe('ok');
    expect(run('question:edit', pm, question('workspace'))).toBe(
      '403 Only its author can change this question. Add your own version instead.',
    );
    // Changing checks reading first (questions.ts), so someone else's private question stays unseen.
    expect(
      answer(() => {
        authorizeWorkspace({ actor: pm, action: 'question:read', thing: question('private') });
        authorizeWorkspace({ actor: pm, action: 'question:edit', thing: question('private') });
      }),
    ).toBe('404 That was not found.');
  });
});

describe('invitation links and the public address (issue 12, decision 009)', () => {
  it('show a mailed link to an admin only: for anyone else it goes to the mailbox alone', () => {
    expect(answer(() => authorizeWorkspace({ actor: admin, action: 'invitation:see-mailed-link' }))).toBe(
      'ok',
    );
    expect(answer(() => authorizeWorkspace({ actor: coach, action: 'invitation:see-mailed-link' }))).toBe(
      '404 That was not found.',
    );
    expect(mayInWorkspace({ actor: pm, action: 'invitation:see-mailed-link' })).toBe(false);
  });
  it('let an admin read and change the public address, and nobody else', () => {
    for (const action of ['workspace:read-public-address', 'workspace:set-public-address'] as const) {
      expect(answer(() => authorizeWorkspace({ actor: admin, action }))).toBe('ok');
      expect(answer(() => authorizeWorkspace({ actor: outsideAdmin, action }))).toBe('ok');
      expect(answer(() => authorizeWorkspace({ actor: coach, action }))).toMatch(
        /^403 Only a workspace admin can (see|change) the public address\.$/,
      );
    }
  });
  it("let any admin read the installation's single sign-on settings, and nobody else (issue 23)", () => {
    const action = 'workspace:read-single-sign-on';
    expect(answer(() => authorizeWorkspace({ actor: admin, action }))).toBe('ok');
    expect(answer(() => authorizeWorkspace({ actor: outsideAdmin, action }))).toBe('ok');
    expect(answer(() => authorizeWorkspace({ actor: coach, action }))).toBe(
      '403 Only a workspace admin can see the single sign-on settings.',
    );
  });
});

describe('workspace insights (issue 11, decision 041)', () => {
  it('open to an admin and to a coach, never to a PM who coaches no one', () => {
    const read = (actor: Actor, coachesSomeone: boolean) =>
      answer(() => authorizeWorkspace({ actor, action: 'insights:read', thing: { coachesSomeone } }));
    expect(read(admin, false)).toBe('ok');
    expect(read(coach, true)).toBe('ok');
    expect(read(pm, false)).toBe('403 Workspace insights are for workspace admins and coaches.');
  });
  it('let every member choose whether their own scores count', () => {
    expect(answer(() => authorizeWorkspace({ actor: pm, action: 'insights:choose' }))).toBe('ok');
  });
});

describe('password reset links and SCIM tokens (issue 23)', () => {
  const member = { workspace_id: 'ws' };
  const issue = (actor: Actor, thing = member) =>
    answer(() => authorizeWorkspace({ actor, action: 'member:issue-password-reset', thing }));
  it('an admin issues a reset link for a member of their workspace; to anyone else the member is not found', () => {
    expect(issue(admin)).toBe('ok');
    expect(issue(coach)).toBe('404 That was not found.');
    expect(issue(pm)).toBe('404 That was not found.');
    expect(issue(outsideAdmin)).toBe('404 That was not found.');
  });
  it('only an admin manages SCIM tokens', () => {
    expect(answer(() => authorizeWorkspace({ actor: admin, action: 'scim-token:manage' }))).toBe('ok');
    expect(answer(() => authorizeWorkspace({ actor: coach, action: 'scim-token:manage' }))).toBe(
      '403 Only a workspace admin can manage provisioning tokens.',
    );
  });
});

it('are each tried above (a new row needs its cases here)', () => {
  expect([...tried].sort()).toEqual(Object.keys(workspaceRules).sort());
});
