// PIX BR Code ("copia e cola"): the EMV MPM payload BACEN specifies for PIX, static (a key) or dynamic
// (a location URL the payer's bank fetches the charge from).
import { crc16 } from './crc16.js';
import { BrCodeError, encodeDataObject, parseDataObjects, type DataObject } from './emv-tlv.js';
import { centavosToDecimal, decimalToCentavos } from './money.js';

export interface PixBrCode {
  /** static code: the receiver's PIX key */
  key?: string;
  /** dynamic code: where the charge lives, without scheme (e.g. pix.example.com/qr/v2/9d36b84f) */
  locationUrl?: string;
  amountCentavos?: number;
  merchantName: string;
  merchantCity: string;
  /** reference label (field 62-05); absent means '***' */
  txid?: string;
  /** free text shown to the payer (field 26-02), static codes */
  description?: string;
}

const PIX_GUI = 'br.gov.bcb.pix';
const NAME_LIMIT = 25;
const CITY_LIMIT = 15;
const NO_TXID = '***';

/** Accents dropped, anything outside printable ASCII removed, trimmed, cut to `limit`. */
export function foldToAscii(text: string, limit: number): string {
  const ascii = text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return ascii.trim().slice(0, limit).trimEnd();
}

function required(value: string, field: string): string {
  if (!value) throw new BrCodeError(`${field} is empty once reduced to ASCII`);
  return value;
}

function merchantAccount(input: PixBrCode): string {
  if ((input.key === undefined) === (input.locationUrl === undefined)) throw new BrCodeError('A BR Code needs either a PIX key (static) or a location URL (dynamic), not both');
  const parts = [encodeDataObject('00', PIX_GUI)];
  if (input.key !== undefined) {
    if (!/^[\x21-\x7e]{1,77}$/.test(input.key)) throw new BrCodeError('The PIX key must be 1 to 77 printable ASCII characters');
    parts.push(encodeDataObject('01', input.key));
  } else {
    const url = (input.locationUrl ?? '').replace(/^https?:\/\//i, '');
    if (!/^[\x21-\x7e]{1,77}$/.test(url)) throw new BrCodeError('The location URL must be 1 to 77 printable ASCII characters');
    parts.push(encodeDataObject('25', url));
  }
  if (input.description !== undefined) {
    const description = foldToAscii(input.description, 99);
    if (description) parts.push(encodeDataObject('02', description));
  }
  return parts.join('');
}

export function encodePixBrCode(input: PixBrCode): string {
  const txid = input.txid ?? NO_TXID;
  if (txid !== NO_TXID && !/^[A-Za-z0-9]{1,25}$/.test(txid)) throw new BrCodeError('txid must be 1 to 25 letters or digits');
  const dynamic = input.locationUrl !== undefined;
  const body = [
    encodeDataObject('00', '01'),
    dynamic ? encodeDataObject('01', '12') : '',
    encodeDataObject('26', merchantAccount(input)),
    encodeDataObject('52', '0000'),
    encodeDataObject('53', '986'),
    input.amountCentavos !== undefined ? encodeDataObject('54', amountField(input.amountCentavos)) : '',
    encodeDataObject('58', 'BR'),
    encodeDataObject('59', required(foldToAscii(input.merchantName, NAME_LIMIT), 'merchantName')),
    encodeDataObject('60', required(foldToAscii(input.merchantCity, CITY_LIMIT), 'merchantCity')),
    encodeDataObject('62', encodeDataObject('05', txid)),
  ].join('');
  const unsigned = `${body}6304`;
  return unsigned + crc16(unsigned);
}

function amountField(centavos: number): string {
  if (!Number.isSafeInteger(centavos) || centavos <= 0) throw new BrCodeError(`amountCentavos must be a positive integer, got ${centavos}`);
  const text = centavosToDecimal(centavos);
  if (text.length > 13) throw new BrCodeError('The amount does not fit the 13 characters of field 54');
  return text;
}

function single(objects: DataObject[], id: string, where: string): string | undefined {
  const found = objects.filter((object) => object.id === id);
  if (found.length > 1) throw new BrCodeError(`Field ${id} appears more than once in ${where}`);
  return found[0]?.value;
}

function mandatory(objects: DataObject[], id: string, name: string): string {
  const value = single(objects, id, 'the payload');
  if (value === undefined || value === '') throw new BrCodeError(`The BR Code has no ${name} (field ${id})`);
  return value;
}

/** Reads a BR Code back into its fields; throws BrCodeError naming what is wrong (CRC, TLV, a field). */
export function parsePixBrCode(text: string): PixBrCode {
  const payload = text.trim();
  const crcMatch = /6304([0-9A-Fa-f]{4})$/.exec(payload);
  if (!crcMatch) throw new BrCodeError('The BR Code does not end with its CRC (field 63, four hex digits)');
  const expected = crc16(payload.slice(0, -4));
  if (crcMatch[1]!.toUpperCase() !== expected) throw new BrCodeError(`BR Code CRC mismatch: the code says ${crcMatch[1]}, its content gives ${expected}`);

  const objects = parseDataObjects(payload);
  if (objects[0]?.id !== '00' || objects[0].value !== '01') throw new BrCodeError('The BR Code must start with payload format indicator 01 (field 00)');
  if (objects.at(-1)?.id !== '63') throw new BrCodeError('The CRC (field 63) must be the last field');
  for (const id of new Set(objects.map((object) => object.id))) single(objects, id, 'the payload');

  const initiation = single(objects, '01', 'the payload');
  if (initiation !== undefined && initiation !== '11' && initiation !== '12') throw new BrCodeError(`Unknown point of initiation method (field 01): ${initiation}`);
  if (mandatory(objects, '53', 'currency') !== '986') throw new BrCodeError('The currency (field 53) must be 986 (BRL)');
  if (mandatory(objects, '58', 'country code') !== 'BR') throw new BrCodeError('The country code (field 58) must be BR');
  mandatory(objects, '52', 'merchant category code');

  const account = objects
    .filter((object) => Number(object.id) >= 26 && Number(object.id) <= 51)
    .map((object) => parseDataObjects(object.value, `field ${object.id}`))
    .find((subfields) => single(subfields, '00', 'the merchant account')?.toLowerCase() === PIX_GUI);
  if (!account) throw new BrCodeError(`The BR Code has no merchant account information for ${PIX_GUI} (fields 26-51)`);
  const key = single(account, '01', 'the merchant account');
  const locationUrl = single(account, '25', 'the merchant account');
  if ((key === undefined) === (locationUrl === undefined)) throw new BrCodeError('The PIX merchant account must hold either a key (01) or a location URL (25)');
  const description = single(account, '02', 'the merchant account');

  const amount = single(objects, '54', 'the payload');
  let amountCentavos: number | undefined;
  if (amount !== undefined) {
    try {
      amountCentavos = decimalToCentavos(amount);
    } catch {
      throw new BrCodeError(`The amount (field 54) is not a decimal amount: ${amount}`);
    }
  }
  const additional = single(objects, '62', 'the payload');
  const txid = additional === undefined ? undefined : single(parseDataObjects(additional, 'field 62'), '05', 'field 62');

  const result: PixBrCode = {
    merchantName: mandatory(objects, '59', 'merchant name'),
    merchantCity: mandatory(objects, '60', 'merchant city'),
  };
  if (key !== undefined) result.key = key;
  if (locationUrl !== undefined) result.locationUrl = locationUrl;
  if (amountCentavos !== undefined) result.amountCentavos = amountCentavos;
  if (txid !== undefined && txid !== NO_TXID) result.txid = txid;
  if (description !== undefined) result.description = description;
  return result;
}
