// Enforces the standard Federation auth directives (@authenticated, @requiresScopes, @policy) on an
// operation before it runs. The router uses it with the supergraph, each subgraph with its own
// schema (defense in depth, including fields reached through _entities). Requirements are read from
// the schema's SDL, compiled once per parsed document, then checked against each caller's claims.
import {
  getNamedType,
  isCompositeType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { isPlatformAdmin, type Claims } from './claims.js';
import { forbidden, unauthenticated, type AnyAppError } from './errors.js';

/** Named predicates over the caller's claims that `@policy(policies: ...)` refers to. */
export type PolicyRegistry = Readonly<Record<string, (claims: Claims) => boolean>>;

export const policies: PolicyRegistry = {
  /** a platform administrator */
  platform_admin: (claims) => isPlatformAdmin(claims),
  /** clinic staff or a partner system acting for a clinic; which clinic is checked by the resolver */
  clinic_member: (claims) => claims.roles.includes('CLINIC_STAFF') || claims.kind === 'partner',
  /** a person (not a partner system) */
  user: (claims) => claims.kind === 'user',
};

/** What one field or type asks of the caller: OR of ANDs, as the directives define. */
interface Requirement {
  coordinate: string;
  authenticated: boolean;
  scopes?: string[][];
  policies?: string[][];
}

function stringMatrix(value: ValueNode | undefined): string[][] {
  if (!value || value.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : []));
}

function requirementOf(coordinate: string, directives: readonly ConstDirectiveNode[] | undefined): Requirement | null {
  if (!directives?.length) return null;
  const requirement: Requirement = { coordinate, authenticated: false };
  for (const directive of directives) {
    const name = directive.name.value;
    if (name === 'authenticated') requirement.authenticated = true;
    if (name === 'requiresScopes') requirement.scopes = stringMatrix(directive.arguments?.find((a) => a.name.value === 'scopes')?.value);
    if (name === 'policy') requirement.policies = stringMatrix(directive.arguments?.find((a) => a.name.value === 'policies')?.value);
  }
  return requirement.authenticated || requirement.scopes || requirement.policies ? requirement : null;
}

/** Per-schema lookup of the requirement a field or type carries (memoized: schemas are immutable). */
class SchemaRequirements {
  private readonly fields = new Map<string, Requirement | null>();
  private readonly types = new Map<string, Requirement | null>();

  forType(type: GraphQLNamedType): Requirement | null {
    let cached = this.types.get(type.name);
    if (cached === undefined) {
      const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
      cached = requirementOf(type.name, nodes.flatMap((node) => node?.directives ?? []));
      this.types.set(type.name, cached);
    }
    return cached;
  }

  forField(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): Requirement | null {
    const key = `${parent.name}.${field.name}`;
    let cached = this.fields.get(key);
    if (cached === undefined) {
      cached = requirementOf(key, field.astNode?.directives);
      this.fields.set(key, cached);
    }
    return cached;
  }
}

export class OperationAuthorizer {
  private readonly requirements = new SchemaRequirements();
  private readonly compiled = new WeakMap<DocumentNode, Requirement[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly registry: PolicyRegistry = policies,
  ) {}

  /** Every policy name the schema uses; a name missing from the registry is a configuration error. */
  unknownPolicies(): string[] {
    const unknown = new Set<string>();
    const check = (requirement: Requirement | null) =>
      requirement?.policies?.flat().forEach((name) => {
        if (!this.registry[name]) unknown.add(name);
      });
    for (const type of Object.values(this.schema.getTypeMap())) {
      check(this.requirements.forType(type));
      if ('getFields' in type) for (const field of Object.values(type.getFields())) if ('args' in field) check(this.requirements.forField(type, field));
    }
    return [...unknown];
  }

  /** A query on a root field that requires authentication and takes no required arguments (self-tests). */
  protectedRootQuery(): string | null {
    const query = this.schema.getQueryType();
    for (const field of Object.values(query?.getFields() ?? {})) {
      if (!query || field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      if (!this.requirements.forField(query, field)?.authenticated) continue;
      return isCompositeType(getNamedType(field.type)) ? `{ ${field.name} { __typename } }` : `{ ${field.name} }`;
    }
    return null;
  }

  /** The requirements an operation document touches (fields and the types they return). */
  requirementsOf(document: DocumentNode): Requirement[] {
    let list = this.compiled.get(document);
    if (list) return list;
    const found = new Map<string, Requirement>();
    const add = (requirement: Requirement | null) => requirement && found.set(requirement.coordinate, requirement);
    const typeInfo = new TypeInfo(this.schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: () => {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field) return;
          add(this.requirements.forType(parent));
          add(this.requirements.forField(parent, field));
          // Rules on a returned object type apply to every field that returns it; members of an
          // abstract type are checked where a fragment or the parent type names them.
          add(this.requirements.forType(getNamedType(field.type)));
        },
        InlineFragment: () => {
          const type = typeInfo.getType();
          if (type) add(this.requirements.forType(getNamedType(type)));
        },
      }),
    );
    list = [...found.values()];
    this.compiled.set(document, list);
    return list;
  }

  /** null when the caller may run the operation; otherwise the error to answer with. */
  authorize(document: DocumentNode, claims: Claims | null): AnyAppError | null {
    let denied = false;
    for (const requirement of this.requirementsOf(document)) {
      if (!claims) return unauthenticated();
      const scopesOk = !requirement.scopes || requirement.scopes.some((all) => all.every((scope) => claims.scopes.includes(scope)));
      const policiesOk = !requirement.policies || requirement.policies.some((all) => all.every((name) => this.registry[name]?.(claims) === true));
      if (!scopesOk || !policiesOk) denied = true;
    }
    return denied ? forbidden() : null;
  }
}
