import { useState } from 'react';
import type { Member } from '../../../../../common/schemas';
import { api } from '../../../api';
import { Button } from '../../../ui/Button';
import { CopyField } from '../../../ui/CopyField';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';

/** An admin makes a password reset link for a member to hand over (any earlier link stops working). */
export function ResetLinkButton({ member }: { member: Member }) {
  const [link, setLink] = useState<{ link: string; expiresAt: string } | null>(null);
  const issue = useAction(() =>
    api<{ link: string; expiresAt: string }>('POST', `/api/members/${member.id}/password-reset`),
  );
  const onClick = async () => {
    const issued = await issue.run();
    if (issued) setLink(issued);
  };
  return (
    <>
      <Button
        variant="secondary"
        pending={issue.pending}
        onClick={() => void onClick()}
        aria-label={`Make a password reset link for ${member.name}`}
      >
        Reset link
      </Button>
      <FormError message={issue.error} />
      {link && (
        <CopyField
          label={`Password reset link for ${member.name}`}
          value={link.link}
          hint="Give it to them yourself. It works once, for one hour."
        />
      )}
    </>
  );
}
