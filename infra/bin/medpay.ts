// The CDK app. `cdk synth|deploy` runs it through cdk.json; `npm run infra:synth` runs it directly,
// writing the cloud assembly to infra/cdk.out without the CLI and without the network.
import { fileURLToPath } from 'node:url';
import { defineMedPay, medpayApp } from '../lib/medpay-app.js';
import { settingsFrom } from '../lib/settings.js';

const app = medpayApp({ outdir: process.env.CDK_OUTDIR ?? fileURLToPath(new URL('../cdk.out', import.meta.url)) });
defineMedPay(app, settingsFrom(app.node));
app.synth();
