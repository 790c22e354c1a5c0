import { useRef } from 'react';
import type { Comparison } from '../../../../../common/wheel-rounds';
import { Button } from '../../../ui/Button';
import { FormError } from '../../../ui/FormError';
import { useAction } from '../../../ui/use-action';
import { downloadPng, downloadSvg, fileName } from './chart-export';
import { Legend } from './Legend';
import { RadarChart } from './RadarChart';
import { seriesLabel, type Series } from './series';

/** The radar chart of a compared round with its legend and SVG/PNG export. */
export function WheelChart({ comparison, title }: { comparison: Comparison; title: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const areas = comparison.areas;
  const series: Series[] = [
    { key: 'self', label: seriesLabel('self'), values: areas.map((a) => a.self) },
    { key: 'coach', label: seriesLabel('coach'), values: areas.map((a) => a.coach) },
  ];
  if (comparison.peerCount && areas.every((a) => a.peers !== null)) {
    series.push({
      key: 'peers',
      label: seriesLabel('peers', comparison.peerCount),
      values: areas.map((a) => a.peers!),
    });
  }
  const png = useAction(async () => {
    if (svg.current) await downloadPng(svg.current, fileName(comparison.round.title, 'png'));
  });
  return (
    <figure className="wheel-figure">
      <RadarChart
        ref={svg}
        title={title}
        areas={areas.map((a) => a.name)}
        scale={comparison.scale}
        series={series}
      />
      <figcaption>
        <Legend series={series} />
      </figcaption>
      <div className="toolbar">
        <Button
          variant="secondary"
          onClick={() => svg.current && downloadSvg(svg.current, fileName(comparison.round.title, 'svg'))}
        >
          Download SVG
        </Button>
        <Button
          variant="secondary"
          onClick={() => void png.run()}
          pending={png.pending}
          pendingLabel="Preparing PNG…"
        >
          Download PNG
        </Button>
      </div>
      <FormError message={png.error} />
    </figure>
  );
}
