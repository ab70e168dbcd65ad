// `npm run ai:train-credit [-- --version 1.0.0] [--seed N]`: trains the crediário credit model
// from the repository's synthetic applicants and writes subgraphs/ai/models/credit-<version>.json with
// its evaluation report. The files are committed: services load them and never train at start.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultCreditTrainingOptions, trainCreditModel, type CreditEvaluationReport, type CreditTrainingReport } from '../subgraphs/ai/src/credit/train.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { version: { type: 'string', default: '1.0.0' }, seed: { type: 'string' } } });
const modelVersion = values.version;
if (!/^[0-9A-Za-z.-]+$/.test(modelVersion)) throw new Error(`Model version must be file-name safe: ${modelVersion}`);
const seed = values.seed === undefined ? defaultCreditTrainingOptions.seed : Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error(`Seed must be an integer: ${values.seed}`);

const { model, report } = trainCreditModel({ ...defaultCreditTrainingOptions, modelVersion, seed });

const directory = resolve(root, 'subgraphs/ai/models');
mkdirSync(directory, { recursive: true });
const base = resolve(directory, `credit-${modelVersion}`);
writeFileSync(`${base}.json`, JSON.stringify(model) + '\n');
writeFileSync(`${base}.report.json`, JSON.stringify(report, null, 2) + '\n');
writeFileSync(`${base}.report.md`, markdown(report));
console.log(markdown(report));
console.log(`Wrote ${base}.json, .report.json and .report.md`);

function markdown(report: CreditTrainingReport): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const held = report.heldOut;
  const c = held.refusals.confusion;
  const groups = (attribute: keyof CreditEvaluationReport['fairness']['byGroup']) =>
    Object.entries(held.fairness.byGroup[attribute])
      .map(([group, entry]) => `${group} ${percent(entry!.approvalRate)} (${entry!.rows})`)
      .join(', ');
  return [
    `# Credit model ${report.modelVersion}`,
    '',
    `Trained ${report.trainedAt} in ${report.trainingSeconds} s by trainer ${report.trainerVersion} with seed ${report.seed}: ${report.dataset.rows} synthetic applicants (${report.dataset.defaultRows} defaulted), splits ${JSON.stringify(report.dataset.splits)}, fitted from a pool of ${report.dataset.fittedRows} rows.`,
    `Approval threshold ${report.approvalThreshold} (approve below it), chosen on the validation split: ${report.thresholdRule}`,
    `Figures below are on the held-out split (${held.rows} applicants, ${held.defaultRows} defaulted, ${percent(held.defaultRate)}).`,
    '',
    `ROC AUC: **${held.rocAuc}** (validation ${report.validation.rocAuc})`,
    '',
    '| decision | approval rate | default rate among approved |',
    '|---|---|---|',
    `| model | ${percent(held.approvalRate)} | ${percent(held.defaultRateApproved)} |`,
    `| model + hard rules | ${percent(held.withHardRules.approvalRate)} | ${percent(held.withHardRules.defaultRateApproved)} |`,
    `| rules only (before) | ${percent(held.rulesOnly.approvalRate)} | ${percent(held.rulesOnly.defaultRateApproved)} |`,
    '',
    `Default rate among refused: ${percent(held.defaultRateRefused)}. Refusal as the positive class: precision ${percent(held.refusals.precision)}, recall ${percent(held.refusals.recall)}; TP ${c.truePositives}, FP ${c.falsePositives}, FN ${c.falseNegatives}, TN ${c.trueNegatives}.`,
    '',
    'Approval rate by protected attribute (never a model input; drawn independently of everything):',
    '',
    `- sex: ${groups('sex')}; largest gap ${percent(held.fairness.maxApprovalRateGap.sex)}`,
    `- age band: ${groups('ageBand')}; largest gap ${percent(held.fairness.maxApprovalRateGap.ageBand)}`,
    `- region: ${groups('region')}; largest gap ${percent(held.fairness.maxApprovalRateGap.region)}`,
    '',
  ].join('\n');
}
