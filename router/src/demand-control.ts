// What an operation may cost before it runs, by the model of the GraphQL cost directive
// specification as Apollo Router implements demand control: every object a field returns costs 1
// (scalars and enums 0) unless `@cost(weight:)` on the field or its type says otherwise; a list
// multiplies what is below it by its size — the slicing argument the client sent (`first`), else
// that argument's default, else `@listSize(assumedSize:)`, else DEFAULT_LIST_SIZE; on a connection
// (`sizedFields: ["edges"]`) the size applies to its edges. Fragments on abstract types count as if
// every branch applied (an upper bound).
import {
  getNamedType, getNullableType, isCompositeType, isListType, Kind, valueFromAST, type DocumentNode, type FieldNode,
  type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode, type ConstDirectiveNode,
} from 'graphql';

/** The size assumed for a list with no slicing argument and no `@listSize(assumedSize:)`. */
export const DEFAULT_LIST_SIZE = 10;

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

const directive = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => directives?.find((d) => d.name.value === name);

function intArgument(node: ConstDirectiveNode | undefined, name: string): number | undefined {
  const value = node?.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringsArgument(node: ConstDirectiveNode | undefined, name: string): string[] | undefined {
  const value = node?.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.LIST ? value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : undefined;
}

export class DemandControl {
  private readonly weights = new Map<GraphQLField<unknown, unknown> | GraphQLNamedType, number | undefined>();
  private readonly listSizes = new Map<GraphQLField<unknown, unknown>, ListSize | undefined>();

  /** `schema`: built from the supergraph SDL, so the `@cost` and `@listSize` applications are on its AST nodes. */
  constructor(private readonly schema: GraphQLSchema) {}

  estimate(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const root = this.schema.getRootType(operation.operation);
    if (!root) return 0;

    const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, sized: { fields: string[]; size: number } | null, visiting: Set<string>): number => {
      let cost = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
          if (type) cost += walk(selection.selectionSet, type, sized, visiting);
        } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments.get(selection.name.value);
          const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
          if (!fragment || !type || visiting.has(fragment.name.value)) continue;
          visiting.add(fragment.name.value);
          cost += walk(fragment.selectionSet, type, sized, visiting);
          visiting.delete(fragment.name.value);
        } else {
          cost += this.fieldCost(selection, parent, sized, (set, type, inner) => walk(set, type, inner, visiting), variables);
        }
      }
      return cost;
    };
    return walk(operation.selectionSet, root, null, new Set());
  }

  private fieldCost(
    node: FieldNode,
    parent: GraphQLNamedType,
    sized: { fields: string[]; size: number } | null,
    walk: (set: SelectionSetNode, type: GraphQLNamedType, sized: { fields: string[]; size: number } | null) => number,
    variables: Record<string, unknown> | undefined,
  ): number {
    if (node.name.value.startsWith('__') || !('getFields' in parent)) return 0;
    const field = parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!field) return 0;
    const type = getNamedType(field.type);
    const weight = this.weightOf(field) ?? this.weightOf(type) ?? (isCompositeType(type) ? 1 : 0);
    const listSize = this.listSizeOf(field);
    const size = this.sizeOf(node, field, listSize, variables);
    const below = node.selectionSet ? walk(node.selectionSet, type, listSize?.sizedFields ? { fields: listSize.sizedFields, size } : null) : 0;
    if (sized?.fields.includes(node.name.value)) return sized.size * (weight + below);
    return isListType(getNullableType(field.type)) && !listSize?.sizedFields ? size * (weight + below) : weight + below;
  }

  private sizeOf(node: FieldNode, field: GraphQLField<unknown, unknown>, listSize: ListSize | undefined, variables: Record<string, unknown> | undefined): number {
    let size: number | undefined;
    for (const name of listSize?.slicingArguments ?? []) {
      const definition = field.args.find((a) => a.name === name);
      const given = node.arguments?.find((a) => a.name.value === name);
      // A variable the request left out counts as the argument's default, as it will run.
      const value = (given && definition ? valueFromAST(given.value, definition.type, variables) : undefined) ?? definition?.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    return Math.max(0, size ?? listSize?.assumedSize ?? DEFAULT_LIST_SIZE);
  }

  private weightOf(owner: GraphQLField<unknown, unknown> | GraphQLNamedType): number | undefined {
    if (!this.weights.has(owner)) this.weights.set(owner, intArgument(directive(owner.astNode?.directives, 'cost'), 'weight'));
    return this.weights.get(owner);
  }

  private listSizeOf(field: GraphQLField<unknown, unknown>): ListSize | undefined {
    if (!this.listSizes.has(field)) {
      const node = directive(field.astNode?.directives, 'listSize');
      this.listSizes.set(field, node && { assumedSize: intArgument(node, 'assumedSize'), slicingArguments: stringsArgument(node, 'slicingArguments'), sizedFields: stringsArgument(node, 'sizedFields') });
    }
    return this.listSizes.get(field);
  }
}
