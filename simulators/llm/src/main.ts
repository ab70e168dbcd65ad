// npm start -w @medpay/llm-simulator: the chat-completions simulator on LLM_SIMULATOR_PORT (4012), for
// trying LLM_URL=http://127.0.0.1:4012/v1 by hand (it always rephrases: modes are for tests).
import { startLlmSimulator } from './simulator.js';

const simulator = await startLlmSimulator({ port: Number(process.env.LLM_SIMULATOR_PORT ?? 4012), apiKey: process.env.LLM_API_KEY });
console.info(`LLM simulator at ${simulator.url}`);
