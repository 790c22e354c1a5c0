import { AppError } from '../../http/errors.js';

/**
 * The shared vision, beyond the privacy table (which lets the PM and current coaches read and
 * propose): agreement takes both sides, so a proposal is accepted by the other side only — a
 * coach's by the PM, the PM's by a current coach. Only its proposer withdraws a proposal.
 * Both sides can see the proposal, so these refusals are 403s that say why.
 */
export interface ProposalAccess {
  proposed_by: string;
  proposed_side: 'pm' | 'coach';
  status: string;
}

export const canAcceptProposal = (p: ProposalAccess, side: 'pm' | 'coach') =>
  p.status === 'open' && p.proposed_side !== side;
export const canWithdrawProposal = (p: ProposalAccess, actorId: string) =>
  p.status === 'open' && p.proposed_by === actorId;

function assertOpen(p: ProposalAccess) {
  if (p.status !== 'open')
    throw new AppError('conflict', `This proposal is no longer open (it was ${p.status}).`);
}

export function assertCanAccept(p: ProposalAccess, side: 'pm' | 'coach') {
  assertOpen(p);
  if (!canAcceptProposal(p, side)) {
    throw new AppError(
      'forbidden',
      side === 'pm'
        ? 'You proposed this; your coach accepts it or proposes a change.'
        : 'A coach’s proposal is agreed by the PM; you can propose a change.',
    );
  }
}

export function assertCanWithdraw(p: ProposalAccess, actorId: string) {
  assertOpen(p);
  if (!canWithdrawProposal(p, actorId))
    throw new AppError(
      'forbidden',
      'Only its proposer withdraws a proposal; you can accept it or propose a change.',
    );
}
