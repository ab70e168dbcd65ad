// What a procedure in a clinic's catalog must look like. Money is in integer centavos.
import type { ProcedureInput, ProcedureUpdate } from './__generated__/resolvers-types.js';
import { integerBetween, requiredText } from './validation.js';
import { ProvidersError } from './errors.js';

// ProcedureInput and ProcedureUpdate come from the SDL (codegen); in an update, GraphQL hands absent and
// explicitly null optional fields alike: both mean "leave as is".
export type { ProcedureInput, ProcedureUpdate } from './__generated__/resolvers-types.js';

export type ProcedureChanges = Partial<ProcedureInput> & { active?: boolean };

export const PRICE_CENTAVOS = { min: 100, max: 100_000_000 } as const;
export const DURATION_MINUTES = { min: 5, max: 1440 } as const;
export const INTEREST_FREE_INSTALLMENTS = { min: 1, max: 12 } as const;
export const MAX_DESCRIPTION_LENGTH = 2000;

const rules: { [Field in keyof ProcedureInput]: (value: ProcedureInput[Field]) => ProcedureInput[Field] } = {
  name: (value) => requiredText(value, 'name', 'Informe o nome do procedimento (até 120 caracteres).'),
  description: (value) => {
    const description = value.trim();
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      throw new ProvidersError('BAD_USER_INPUT', 'A descrição pode ter até 2.000 caracteres.', { field: 'description' });
    }
    return description;
  },
  category: (value) => requiredText(value, 'category', 'Informe a categoria (até 120 caracteres).'),
  priceCentavos: (value) =>
    integerBetween(value, PRICE_CENTAVOS.min, PRICE_CENTAVOS.max, 'priceCentavos', 'O preço deve ficar entre R$ 1,00 e R$ 1.000.000,00, em centavos inteiros.'),
  durationMinutes: (value) =>
    integerBetween(value, DURATION_MINUTES.min, DURATION_MINUTES.max, 'durationMinutes', 'A duração deve ser de 5 a 1.440 minutos.'),
  interestFreeInstallments: (value) =>
    integerBetween(value, INTEREST_FREE_INSTALLMENTS.min, INTEREST_FREE_INSTALLMENTS.max, 'interestFreeInstallments', 'O parcelamento sem juros deve ser de 1 a 12 vezes.'),
};

export function validateProcedureInput(input: ProcedureInput): ProcedureInput {
  return {
    name: rules.name(input.name),
    description: rules.description(input.description),
    category: rules.category(input.category),
    priceCentavos: rules.priceCentavos(input.priceCentavos),
    durationMinutes: rules.durationMinutes(input.durationMinutes),
    interestFreeInstallments: rules.interestFreeInstallments(input.interestFreeInstallments),
  };
}

/** The fields an update changes, each validated as on creation; an empty result changes nothing. */
export function validateProcedureUpdate(update: ProcedureUpdate): ProcedureChanges {
  const changes: ProcedureChanges = {};
  if (update.name != null) changes.name = rules.name(update.name);
  if (update.description != null) changes.description = rules.description(update.description);
  if (update.category != null) changes.category = rules.category(update.category);
  if (update.priceCentavos != null) changes.priceCentavos = rules.priceCentavos(update.priceCentavos);
  if (update.durationMinutes != null) changes.durationMinutes = rules.durationMinutes(update.durationMinutes);
  if (update.interestFreeInstallments != null) changes.interestFreeInstallments = rules.interestFreeInstallments(update.interestFreeInstallments);
  if (update.active != null) changes.active = update.active;
  return changes;
}
