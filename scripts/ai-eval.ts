// `npm run ai:eval`: the patient assistant's intent accuracy on the held-out utterances (target ≥ 90 %),
// overall, per intent and its confusions; written to subgraphs/ai/models/assistant-eval.json.
import { writeFile } from 'node:fs/promises';
import { AssistantNlu, CONFIDENCE_THRESHOLD, EVALUATION, evaluate } from '@medpay/ai';

const TARGET = 0.9;
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

const report = await evaluate(await AssistantNlu.load(), EVALUATION);
console.log(`intent accuracy on ${report.total} held-out utterances: ${percent(report.accuracy)} (target ${percent(TARGET)}, threshold ${CONFIDENCE_THRESHOLD})`);
for (const [intent, { correct, total, accuracy }] of Object.entries(report.perIntent)) {
  console.log(`  ${intent.padEnd(18)} ${percent(accuracy).padStart(7)}  ${correct}/${total}`);
}
for (const { utterance, expected, predicted, confidence } of report.misclassified) {
  console.log(`  ✗ "${utterance}": expected ${expected}, got ${predicted} (${confidence})`);
}
await writeFile(new URL('../subgraphs/ai/models/assistant-eval.json', import.meta.url), `${JSON.stringify({ threshold: CONFIDENCE_THRESHOLD, target: TARGET, ...report }, null, 2)}\n`);
if (report.accuracy < TARGET) process.exitCode = 1;
