import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RadarChart } from '../../../../web/src/features/assess/wheel/RadarChart';
import { wheelSvg, type WheelSeries } from './wheel-svg.js';

// React writes <polygon …></polygon> where the string writes <polygon …/>; ids come from useId.
const normalise = (svg: string) =>
  svg
    .replace(/<(\w+)([^<>]*?)\/>/g, '<$1$2></$1>')
    .replace(/ (id|aria-labelledby)="[^"]*"/g, '')
    .replace(/&#x27;|&#39;/g, "'");

describe('the wheel in the export’s README', () => {
  it('is the very drawing the page makes, element for element and number for number', () => {
    const input = {
      title: 'Q4 2026: the wheel',
      areas: ['Understand the problem', 'Find solutions', 'Planning', 'Get it done', 'Team'],
      scale: { min: 1, max: 10 },
      series: [
        { key: 'self', label: 'Self-assessment', values: [7, 5.5, 8, 3, 9.25] },
        { key: 'coach', label: 'Coach assessment', values: [6, 6, 7, 4, 8] },
        { key: 'peers', label: 'Peers', values: [5, 7, 6, 5, 7] },
      ] satisfies WheelSeries[],
    };
    const page = renderToStaticMarkup(createElement(RadarChart, input));
    expect(normalise(wheelSvg(input))).toBe(normalise(page));
  });
});
