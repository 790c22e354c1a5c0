import type { VisionVersion } from '../../../../../common/visions';

/** The two parts of a vision, as a definition list. */
export function VisionText({
  version,
}: {
  version: Pick<VisionVersion, 'nextBiggerChallenge' | 'careerDirection' | 'note'>;
}) {
  return (
    <dl className="vision-text">
      <dt>Next Bigger Challenge</dt>
      <dd>{version.nextBiggerChallenge || <span className="muted">Not named</span>}</dd>
      <dt>Career direction</dt>
      <dd>{version.careerDirection || <span className="muted">Not named</span>}</dd>
      {version.note && (
        <>
          <dt>Note</dt>
          <dd>{version.note}</dd>
        </>
      )}
    </dl>
  );
}
