/** Saves the wheel as a file: the SVG markup as drawn, or a PNG painted from it on a canvas. */

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function svgBlob(svg: SVGSVGElement) {
  const markup = new XMLSerializer().serializeToString(svg);
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${markup}`], { type: 'image/svg+xml' });
}

/** Downloads the chart as an SVG file. */
export function downloadSvg(svg: SVGSVGElement, filename: string) {
  save(svgBlob(svg), filename);
}

/** Downloads the chart as a PNG at twice its drawn size (sharp on high-density screens and slides). */
export async function downloadPng(svg: SVGSVGElement, filename: string) {
  const { width, height } = svg.viewBox.baseVal;
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('The chart could not be saved as PNG.');
    save(png, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a round title: "wheel-q4-2026.svg". */
export const fileName = (title: string, extension: string) =>
  `wheel-${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'round'
  }.${extension}`;
