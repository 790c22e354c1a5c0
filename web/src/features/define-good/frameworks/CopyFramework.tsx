import type { Framework } from '../../../../../common/wheel';
import { api } from '../../../api';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useGo } from '../../../app/use-go';
import { useAction } from '../../../ui/use-action';

/** "Copy and adapt": makes the coach's own copy and opens it in the editor. */
export function CopyFramework({ framework, primary }: { framework: Framework; primary: boolean }) {
  const go = useGo();
  const copy = useAction(() => api<Framework>('POST', `/api/frameworks/${framework.id}/copy`, {}));
  const run = async () => {
    const created = await copy.run();
    if (!created) return;
    go(`/frameworks/${created.id}/edit`, `Copied as "${created.name}". Adapt it, then save.`);
  };
  return (
    <>
      <Button
        variant={primary ? 'primary' : 'secondary'}
        onClick={() => void run()}
        pending={copy.pending}
        pendingLabel="Copying…"
      >
        Copy and adapt
      </Button>
      {copy.error && <FormError message={copy.error} />}
    </>
  );
}
