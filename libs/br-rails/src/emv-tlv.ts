// EMV MPM data objects: a two-digit id, a two-digit length, then the value. BR Codes nest them one level
// (templates such as 26 and 62 hold data objects of their own).

export class BrCodeError extends Error {}

export interface DataObject {
  id: string;
  value: string;
}

export function encodeDataObject(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new BrCodeError(`Data object id must be two digits, got ${JSON.stringify(id)}`);
  if (value.length > 99) throw new BrCodeError(`Field ${id} is ${value.length} characters long; the maximum is 99`);
  return id + String(value.length).padStart(2, '0') + value;
}

/** Splits a run of data objects; `where` names the enclosing template in error messages. */
export function parseDataObjects(text: string, where = 'payload'): DataObject[] {
  const objects: DataObject[] = [];
  let position = 0;
  while (position < text.length) {
    const header = text.slice(position, position + 4);
    if (!/^\d{4}$/.test(header)) throw new BrCodeError(`Malformed TLV in ${where} at position ${position}: expected a two-digit id and length, found ${JSON.stringify(header)}`);
    const id = header.slice(0, 2);
    const length = Number(header.slice(2));
    const value = text.slice(position + 4, position + 4 + length);
    if (value.length !== length) throw new BrCodeError(`Malformed TLV in ${where}: field ${id} declares ${length} characters but only ${value.length} remain`);
    objects.push({ id, value });
    position += 4 + length;
  }
  return objects;
}
