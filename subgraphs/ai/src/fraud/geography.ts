// Where a patient and a clinic are, as far as ai may know: a patient by the DDD (area code) of the phone
// given at sign-up — the region's main city — and a clinic by its address's city (when it is one of
// those cities) or its state's capital. Coordinates are the cities' centres, to a few kilometres: the
// distance feature separates "the same city" from "another state", which is what it is for.

type Point = readonly [latitude: number, longitude: number];

/** Each DDD's main city. */
const AREA_CODES: Readonly<Record<string, { city: string; state: string; at: Point }>> = {
  '11': { city: 'São Paulo', state: 'SP', at: [-23.55, -46.63] },
  '12': { city: 'São José dos Campos', state: 'SP', at: [-23.18, -45.88] },
  '13': { city: 'Santos', state: 'SP', at: [-23.96, -46.33] },
  '14': { city: 'Bauru', state: 'SP', at: [-22.31, -49.06] },
  '15': { city: 'Sorocaba', state: 'SP', at: [-23.5, -47.46] },
  '16': { city: 'Ribeirão Preto', state: 'SP', at: [-21.18, -47.81] },
  '17': { city: 'São José do Rio Preto', state: 'SP', at: [-20.82, -49.38] },
  '18': { city: 'Presidente Prudente', state: 'SP', at: [-22.12, -51.39] },
  '19': { city: 'Campinas', state: 'SP', at: [-22.91, -47.06] },
  '21': { city: 'Rio de Janeiro', state: 'RJ', at: [-22.91, -43.17] },
  '22': { city: 'Campos dos Goytacazes', state: 'RJ', at: [-21.75, -41.32] },
  '24': { city: 'Volta Redonda', state: 'RJ', at: [-22.52, -44.1] },
  '27': { city: 'Vitória', state: 'ES', at: [-20.32, -40.34] },
  '28': { city: 'Cachoeiro de Itapemirim', state: 'ES', at: [-20.85, -41.11] },
  '31': { city: 'Belo Horizonte', state: 'MG', at: [-19.92, -43.94] },
  '32': { city: 'Juiz de Fora', state: 'MG', at: [-21.76, -43.35] },
  '33': { city: 'Governador Valadares', state: 'MG', at: [-18.85, -41.95] },
  '34': { city: 'Uberlândia', state: 'MG', at: [-18.92, -48.28] },
  '35': { city: 'Poços de Caldas', state: 'MG', at: [-21.79, -46.56] },
  '37': { city: 'Divinópolis', state: 'MG', at: [-20.14, -44.88] },
  '38': { city: 'Montes Claros', state: 'MG', at: [-16.73, -43.86] },
  '41': { city: 'Curitiba', state: 'PR', at: [-25.43, -49.27] },
  '42': { city: 'Ponta Grossa', state: 'PR', at: [-25.09, -50.16] },
  '43': { city: 'Londrina', state: 'PR', at: [-23.31, -51.16] },
  '44': { city: 'Maringá', state: 'PR', at: [-23.42, -51.94] },
  '45': { city: 'Foz do Iguaçu', state: 'PR', at: [-25.55, -54.59] },
  '46': { city: 'Francisco Beltrão', state: 'PR', at: [-26.08, -53.05] },
  '47': { city: 'Joinville', state: 'SC', at: [-26.3, -48.85] },
  '48': { city: 'Florianópolis', state: 'SC', at: [-27.6, -48.55] },
  '49': { city: 'Chapecó', state: 'SC', at: [-27.1, -52.62] },
  '51': { city: 'Porto Alegre', state: 'RS', at: [-30.03, -51.23] },
  '53': { city: 'Pelotas', state: 'RS', at: [-31.77, -52.34] },
  '54': { city: 'Caxias do Sul', state: 'RS', at: [-29.17, -51.18] },
  '55': { city: 'Santa Maria', state: 'RS', at: [-29.69, -53.81] },
  '61': { city: 'Brasília', state: 'DF', at: [-15.79, -47.88] },
  '62': { city: 'Goiânia', state: 'GO', at: [-16.69, -49.26] },
  '63': { city: 'Palmas', state: 'TO', at: [-10.18, -48.33] },
  '64': { city: 'Rio Verde', state: 'GO', at: [-17.8, -50.93] },
  '65': { city: 'Cuiabá', state: 'MT', at: [-15.6, -56.1] },
  '66': { city: 'Rondonópolis', state: 'MT', at: [-16.47, -54.64] },
  '67': { city: 'Campo Grande', state: 'MS', at: [-20.47, -54.62] },
  '68': { city: 'Rio Branco', state: 'AC', at: [-9.97, -67.81] },
  '69': { city: 'Porto Velho', state: 'RO', at: [-8.76, -63.9] },
  '71': { city: 'Salvador', state: 'BA', at: [-12.97, -38.5] },
  '73': { city: 'Ilhéus', state: 'BA', at: [-14.79, -39.05] },
  '74': { city: 'Juazeiro', state: 'BA', at: [-9.43, -40.5] },
  '75': { city: 'Feira de Santana', state: 'BA', at: [-12.27, -38.97] },
  '77': { city: 'Vitória da Conquista', state: 'BA', at: [-14.86, -40.84] },
  '79': { city: 'Aracaju', state: 'SE', at: [-10.91, -37.07] },
  '81': { city: 'Recife', state: 'PE', at: [-8.05, -34.88] },
  '82': { city: 'Maceió', state: 'AL', at: [-9.67, -35.74] },
  '83': { city: 'João Pessoa', state: 'PB', at: [-7.12, -34.86] },
  '84': { city: 'Natal', state: 'RN', at: [-5.79, -35.21] },
  '85': { city: 'Fortaleza', state: 'CE', at: [-3.73, -38.53] },
  '86': { city: 'Teresina', state: 'PI', at: [-5.09, -42.8] },
  '87': { city: 'Petrolina', state: 'PE', at: [-9.39, -40.5] },
  '88': { city: 'Juazeiro do Norte', state: 'CE', at: [-7.21, -39.32] },
  '89': { city: 'Picos', state: 'PI', at: [-7.08, -41.47] },
  '91': { city: 'Belém', state: 'PA', at: [-1.46, -48.5] },
  '92': { city: 'Manaus', state: 'AM', at: [-3.12, -60.02] },
  '93': { city: 'Santarém', state: 'PA', at: [-2.44, -54.71] },
  '94': { city: 'Marabá', state: 'PA', at: [-5.37, -49.12] },
  '95': { city: 'Boa Vista', state: 'RR', at: [2.82, -60.67] },
  '96': { city: 'Macapá', state: 'AP', at: [0.03, -51.07] },
  '97': { city: 'Coari', state: 'AM', at: [-4.08, -63.14] },
  '98': { city: 'São Luís', state: 'MA', at: [-2.53, -44.3] },
  '99': { city: 'Imperatriz', state: 'MA', at: [-5.52, -47.48] },
};

/** Each state's capital: the DDD of its capital (Brasília for the DF). */
const CAPITAL_AREA_CODE: Readonly<Record<string, string>> = {
  AC: '68', AL: '82', AM: '92', AP: '96', BA: '71', CE: '85', DF: '61', ES: '27', GO: '62', MA: '98', MG: '31', MS: '67', MT: '65', PA: '91',
  PB: '83', PE: '81', PI: '86', PR: '41', RJ: '21', RN: '84', RO: '69', RR: '95', RS: '51', SC: '48', SE: '79', SP: '11', TO: '63',
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
const CITIES = new Map(Object.values(AREA_CODES).map(({ city, state, at }) => [`${fold(city)}|${state}`, at]));

/** The patient's region by the phone's DDD; null for an unknown one. */
export const areaCodePoint = (areaCode: string): Point | null => AREA_CODES[areaCode]?.at ?? null;

/** A clinic's city, when it is a DDD's main city, else its state's capital; null for an unknown state. */
export function cityPoint(city: string, state: string): Point | null {
  const capital = CAPITAL_AREA_CODE[state];
  return CITIES.get(`${fold(city)}|${state}`) ?? (capital ? AREA_CODES[capital]!.at : null);
}

const EARTH_RADIUS_KM = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance, in whole kilometres (haversine). */
export function distanceKm([lat1, lon1]: Point, [lat2, lon2]: Point): number {
  const a = Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a)));
}

export type { Point };
