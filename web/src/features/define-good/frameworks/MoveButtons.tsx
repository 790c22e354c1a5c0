import { Button } from '../../../ui/Button';

interface MoveButtonsProps {
  /** What is moved, for the buttons' names ("Move Planning up"). */
  what: string;
  /** Prefix of the buttons' ids, so focus can return to them after the list re-renders. */
  idPrefix: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove?: () => void;
  removeLabel?: string;
}

/** Up / down / remove buttons: reordering works with the keyboard, no dragging needed. */
export function MoveButtons({
  what,
  idPrefix,
  index,
  count,
  onMove,
  onRemove,
  removeLabel = 'Remove',
}: MoveButtonsProps) {
  const moveAndKeepFocus = (delta: -1 | 1) => {
    onMove(delta);
    // The element moved in the DOM and lost focus; give it back on the next frame.
    const atEdge = (delta === -1 && index + delta === 0) || (delta === 1 && index + delta === count - 1);
    const target = atEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-${target}`)?.focus());
  };
  return (
    <div className="move-buttons">
      <Button
        id={`${idPrefix}-up`}
        variant="secondary"
        className="button-small"
        aria-label={`Move ${what} up`}
        disabled={index === 0}
        onClick={() => moveAndKeepFocus(-1)}
      >
        ↑
      </Button>
      <Button
        id={`${idPrefix}-down`}
        variant="secondary"
        className="button-small"
        aria-label={`Move ${what} down`}
        disabled={index === count - 1}
        onClick={() => moveAndKeepFocus(1)}
      >
        ↓
      </Button>
      {onRemove && (
        <Button
          variant="secondary"
          className="button-small"
          aria-label={`${removeLabel} ${what}`}
          onClick={onRemove}
        >
          {removeLabel}
        </Button>
      )}
    </div>
  );
}
