import { loadavg } from 'node:os';
import { newKey, openValue, sealValue, type Keyring } from '../server/crypto/field-crypto.js';

/**
 * `npx tsx bench/field-crypto.ts`: how many values per second field encryption seals and opens
 * (decision 044), for a short note and a long reflection, on one core.
 */
const keys: Keyring = { current: 'k1', keys: new Map([['k1', newKey()]]) };
const texts = {
  'a short note (60 chars)': 'Avoiding the hard update to sales since the launch slipped.',
  'a long reflection (2,000 chars)': 'I noticed that I keep postponing the conversation. '.repeat(40),
};

function perSecond(work: () => void): number {
  for (let i = 0; i < 2_000; i++) work(); // warm up
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 1_000) {
    for (let i = 0; i < 500; i++) work();
    n += 500;
  }
  return Math.round(n / ((performance.now() - started) / 1000));
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
for (const [name, text] of Object.entries(texts)) {
  const sealed = sealValue(keys, 'reflections.body', text);
  const seal = perSecond(() => sealValue(keys, 'reflections.body', text));
  const open = perSecond(() => openValue(keys, 'reflections.body', sealed));
  console.log(
    `${name}: sealed ${seal.toLocaleString('en')}/s, opened ${open.toLocaleString('en')}/s (${(1e6 / open) | 0 || '<1'} µs each); stored as ${sealed.length} chars`,
  );
}
