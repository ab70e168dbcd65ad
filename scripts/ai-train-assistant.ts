// `npm run ai:train-assistant`: trains the patient assistant's intent classifier from the committed
// utterances and writes subgraphs/ai/models/assistant-nlu.json, which the service loads at start.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MODEL_URL, trainModel } from '@medpay/ai';

const started = performance.now();
const model = await trainModel();
await writeFile(MODEL_URL, `${JSON.stringify(model)}\n`);
console.log(`trained on ${model.vocabulary.length} words in ${Math.round(performance.now() - started)} ms → ${fileURLToPath(MODEL_URL)}`);
