// `npm run ai:train [-- --version 1.0.0] [--labels]`: trains the anti-fraud model from the
// repository's synthetic checkouts — with --labels, also from the platform's checkouts whose fraud is
// known (back-office reviews, disputes), read from payments (PAYMENTS_URL, INTERNAL_CLAIMS_SECRET) —
// and writes subgraphs/ai/models/fraud-<version>.json with its evaluation report. The files are
// committed: services load them and never train at start.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultTrainingOptions, loadAiConfig, PLATFORM_LABEL_WEIGHT, trainFraudModel, type EvaluationReport, type PlatformLabel, type TrainingReport } from '@medpay/ai';
import { fraudLabels } from '@medpay/contracts';
import { InternalClient } from '@medpay/runtime';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { version: { type: 'string', default: '1.0.0' }, seed: { type: 'string' }, labels: { type: 'boolean', default: false } } });
const modelVersion = values.version;
if (!/^[0-9A-Za-z.-]+$/.test(modelVersion)) throw new Error(`Model version must be file-name safe: ${modelVersion}`);

/** Every label payments has, page by page (signed as ai: payments serves them to ai only). */
async function platformLabels(): Promise<PlatformLabel[]> {
  const config = loadAiConfig();
  const payments = new InternalClient(config.PAYMENTS_URL, 'ai', config.INTERNAL_CLAIMS_SECRET, 30_000);
  const labels: PlatformLabel[] = [];
  for (let after: string | null = null; ; ) {
    const page: { paymentId: string; features: Record<string, number>; label: 0 | 1 }[] = (await payments.call(fraudLabels, { afterPaymentId: after, limit: 1000 }))?.labels ?? [];
    labels.push(...page);
    if (page.length < 1000) return labels;
    after = page.at(-1)!.paymentId;
  }
}

const { model, report } = trainFraudModel({
  ...defaultTrainingOptions,
  modelVersion,
  seed: values.seed === undefined ? defaultTrainingOptions.seed : Number(values.seed),
  platformLabels: values.labels ? await platformLabels() : [],
});

const directory = resolve(root, 'subgraphs/ai/models');
mkdirSync(directory, { recursive: true });
const base = resolve(directory, `fraud-${modelVersion}`);
writeFileSync(`${base}.json`, JSON.stringify(model) + '\n');
writeFileSync(`${base}.report.json`, JSON.stringify(report, null, 2) + '\n');
writeFileSync(`${base}.report.md`, markdown(report));
console.log(markdown(report));
console.log(`Wrote ${base}.json, .report.json and .report.md`);

function markdown(report: TrainingReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const row = (name: string, evaluation: EvaluationReport['review']) => {
    const c = evaluation.confusion;
    return `| ${name} | ${evaluation.threshold} | ${percent(evaluation.precision)} | ${percent(evaluation.recall)} | ${percent(evaluation.flaggedShare)} | ${c.truePositives} | ${c.falsePositives} | ${c.falseNegatives} | ${c.trueNegatives} |`;
  };
  const held = report.heldOut;
  return [
    `# Fraud model ${report.modelVersion}`,
    '',
    `Trained ${report.trainedAt} in ${report.trainingSeconds} s with seed ${report.seed}: ${report.dataset.rows} synthetic checkouts (${report.dataset.fraudRows} fraud), splits ${JSON.stringify(report.dataset.splits)}, ${report.dataset.fittedRows} rows fitted, ${report.dataset.platformLabels.used} of them platform labels (${report.dataset.platformLabels.fraud} fraud; ${report.dataset.platformLabels.skipped} skipped, scored on other features) fitted ×${PLATFORM_LABEL_WEIGHT}.`,
    `Thresholds chosen on the validation split; figures below are on the held-out split (${held.rows} checkouts, ${held.fraudRows} fraud).`,
    '',
    `ROC AUC: **${held.rocAuc}** (validation ${report.validation.rocAuc})`,
    '',
    '| at or above | score | precision | recall | flagged | TP | FP | FN | TN |',
    '|---|---|---|---|---|---|---|---|---|',
    row('REVIEW', held.review),
    row('DECLINE', held.decline),
    '',
    'Recall at REVIEW per pattern: ' + Object.entries(held.recallByPattern).map(([pattern, entry]) => `${pattern} ${percent(entry!.recall)} (${entry!.flagged}/${entry!.rows})`).join(', '),
    '',
    `Legitimate checkouts: ${JSON.stringify(held.legitimateDecisions)}`,
    '',
  ].join('\n');
}
