// A subgraph's own limits on an operation's shape, a second line behind the router's: how deep it
// nests and how many objects its list arguments can ask for at most. Checked after validation, with
// the variables in hand, before anything is executed.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { AppError } from './errors.js';

export interface OperationLimits {
  maxDepth: number;
  /** the most objects an operation may ask for: every field counted once per parent object it can appear under */
  maxListCost: number;
}

/** Subgraphs answer the router's plans, which are never deeper or wider than what the router lets through. */
export const SUBGRAPH_OPERATION_LIMITS: OperationLimits = { maxDepth: 16, maxListCost: 50_000 };

/** Arguments that bound the length of a list field (cursor connections and plain lists alike). */
const SLICING_ARGUMENTS = new Set(['first', 'last', 'limit']);

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

export function checkOperationLimits(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): AppError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const listSize = (value: ValueNode): number => {
    const raw = value.kind === Kind.VARIABLE ? variables?.[value.name.value] : value.kind === Kind.INT ? Number(value.value) : undefined;
    return typeof raw === 'number' && Number.isFinite(raw) && raw > 1 ? raw : 1;
  };

  let deepest = 0;
  // Returns the estimated number of objects below this selection set for one parent object.
  const walk = (selectionSet: SelectionSetNode, depth: number, visiting: Set<string>): number => {
    if (depth > deepest) deepest = depth;
    if (deepest > limits.maxDepth) return 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection nests as deep as the schema's type wrappers (GraphiQL's own query goes 13
        // levels down), and what could nest without end (fields → type → fields …) is bounded by
        // validation's MaxIntrospectionDepthRule (graphql-js' specified rules) before this runs.
        if (!selection.selectionSet || INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        let multiplier = 1;
        for (const argument of selection.arguments ?? []) {
          if (SLICING_ARGUMENTS.has(argument.name.value)) multiplier = Math.max(multiplier, listSize(argument.value));
        }
        cost += multiplier * (1 + walk(selection.selectionSet, depth + 1, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(selection.selectionSet, depth, visiting);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment spread inside itself is refused by validation; guard anyway.
        if (!fragment || visiting.has(fragment.name.value)) continue;
        visiting.add(fragment.name.value);
        cost += walk(fragment.selectionSet, depth, visiting);
        visiting.delete(fragment.name.value);
      }
      if (cost > limits.maxListCost) return cost;
    }
    return cost;
  };
  const cost = walk(operation.selectionSet, 0, new Set());
  if (deepest > limits.maxDepth) {
    // The walk stops one level past the limit: the operation is at least that deep.
    return new AppError('DEPTH_LIMIT_EXCEEDED', `A operação tem profundidade ${deepest} ou mais; o limite é ${limits.maxDepth}.`, { limit: limits.maxDepth, found: deepest, http: { status: 400 } });
  }
  if (cost > limits.maxListCost) {
    return new AppError('COST_LIMIT_EXCEEDED', `A operação pede ${cost} objetos ou mais pelas listas; o limite é ${limits.maxListCost}.`, { limit: limits.maxListCost, found: cost, http: { status: 400 } });
  }
  return null;
}
