// Text that clients send: refused when it carries characters no honest input has (a NUL byte, which
// PostgreSQL cannot store; bidirectional controls, which make a name display as another), and made
// literal before it goes into a LIKE pattern.
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { AppError } from './errors.js';

// U+0000, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
const FORBIDDEN = /[\u0000\u202A-\u202E\u2066-\u2069]/;

const refused = () => new AppError('BAD_USER_INPUT', 'O texto enviado tem caracteres não permitidos (controle ou direção de escrita).', { http: { status: 400 } });

function hasForbiddenText(value: unknown): boolean {
  if (typeof value === 'string') return FORBIDDEN.test(value);
  if (Array.isArray(value)) return value.some(hasForbiddenText);
  if (value && typeof value === 'object') return Object.values(value).some(hasForbiddenText);
  return false;
}

/** Whether a document's own string literals carry a forbidden character, once per parsed document (servers cache them). */
const dirtyDocuments = new WeakMap<DocumentNode, boolean>();
function hasForbiddenLiteral(document: DocumentNode): boolean {
  let found = dirtyDocuments.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.STRING]: (node: ValueNode) => {
        if (node.kind === Kind.STRING && FORBIDDEN.test(node.value)) found = true;
      },
    });
    dirtyDocuments.set(document, found);
  }
  return found;
}

/** BAD_USER_INPUT when any string argument of the operation, literal or variable, carries a forbidden character. */
export function checkInputText(document: DocumentNode, variables: Record<string, unknown> | undefined): AppError | null {
  return hasForbiddenText(variables) || hasForbiddenLiteral(document) ? refused() : null;
}

/** A search fragment for Prisma's `contains` (a LIKE '%…%'): its own %, _ and \ match only themselves. */
export const literalFragment = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
