// An OpenAI-compatible chat-completions endpoint for the assistant's optional rephrasing (LLM_URL), as
// a real HTTP server: it answers "Claro! " and the answer it was given, so a test can tell a rephrased
// reply from a grounded one. The test that starts it makes it misbehave the ways a real model or
// provider does (invents figures, drops placeholders, is slow, fails, answers garbage) and reads what
// it received.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LlmMode = 'normal' | 'invent' | 'slow' | 'error' | 'garbage';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

export interface LlmSimulator {
  url: string;
  /** every chat request received, oldest first */
  requests: ChatRequest[];
  setMode(mode: LlmMode): void;
  close(): Promise<void>;
}

const ANSWER_MARK = 'Resposta:\n';
const SLOW_MS = 5_000;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** What the model "says": the answer it was given, rephrased by a greeting — or broken, per the mode. */
function completion(mode: LlmMode, chat: ChatRequest): string {
  const prompt = chat.messages.at(-1)?.content ?? '';
  const answer = prompt.includes(ANSWER_MARK) ? prompt.slice(prompt.indexOf(ANSWER_MARK) + ANSWER_MARK.length).trim() : prompt;
  if (mode === 'invent') return `Claro! ${answer.replace(/\{\w+\}/g, 'algum dia').replace(/\d/g, '7')}`;
  return `Claro! ${answer}`;
}

export async function startLlmSimulator(options: { port?: number; apiKey?: string } = {}): Promise<LlmSimulator> {
  const requests: ChatRequest[] = [];
  let mode: LlmMode = 'normal';
  const server: Server = createServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const body = await readBody(request);
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') return send(404, { error: { message: 'not found' } });
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) return send(401, { error: { message: 'invalid api key', type: 'invalid_request_error' } });
    const chat = JSON.parse(body) as ChatRequest;
    requests.push(chat);
    if (mode === 'error') return send(500, { error: { message: 'the model is overloaded', type: 'server_error' } });
    if (mode === 'garbage') return send(200, { choices: [] });
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_MS).unref());
    send(200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: chat.model,
      choices: [{ index: 0, message: { role: 'assistant', content: completion(mode, chat) }, finish_reason: 'stop' }],
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    setMode: (next) => void (mode = next),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
