import { buildWorker } from './scripts/build/worker.ts';

const { inputs } = await buildWorker('/tmp/sizes-out/index.js');
const f = process.argv[2]!;
console.log(
  Object.entries(inputs)
    .filter(([id]) => id.includes(f))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([k, v]) => `${k.split('node_modules/')[1] ?? k.replace(process.cwd(), '')} ${(v / 1024).toFixed(1)}`)
    .join('\n'),
);
