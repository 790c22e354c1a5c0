import { describe, expect, test } from 'vitest';
import { labelAnchor, pointAt, polygon, ringValues, wrapLabel, axisAngle } from './radar-geometry';

const frame = { cx: 100, cy: 100, radius: 50, min: 1, max: 10, count: 4 };

describe('radar geometry', () => {
  test('the minimum sits at the centre, the maximum on the rim, the first axis straight up', () => {
    expect(pointAt(frame, 0, 1)).toEqual({ x: 100, y: 100 });
    const top = pointAt(frame, 0, 10);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(50);
    const right = pointAt(frame, 1, 10);
    expect(right.x).toBeCloseTo(150);
    expect(right.y).toBeCloseTo(100);
  });
  test('values outside the scale stay on the chart', () => {
    expect(pointAt(frame, 0, 99).y).toBeCloseTo(50);
    expect(pointAt(frame, 0, -5)).toEqual({ x: 100, y: 100 });
  });
  test('a polygon has one point per value', () => {
    expect(polygon(frame, [10, 10, 10, 10]).split(' ')).toHaveLength(4);
  });
  test('rings step over whole numbers up to the maximum', () => {
    expect(ringValues(1, 10)).toEqual([2, 4, 6, 8, 10]);
    expect(ringValues(1, 5)).toEqual([2, 3, 4, 5]);
    expect(ringValues(0, 100)).toEqual([20, 40, 60, 80, 100]);
  });
  test('labels sit away from the centre and wrap at spaces', () => {
    expect(labelAnchor(axisAngle(0, 4))).toBe('middle');
    expect(labelAnchor(axisAngle(1, 4))).toBe('start');
    expect(labelAnchor(axisAngle(3, 4))).toBe('end');
    expect(wrapLabel('Understand the problem')).toEqual(['Understand the', 'problem']);
    expect(wrapLabel('Agile')).toEqual(['Agile']);
  });
});
