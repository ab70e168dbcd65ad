import { describe, expect, it } from '@jest/globals';
import { applicationServerKey, sameKey, subscriptionInput, WebPushError } from './web-push';

// A VAPID public key as web-push generates it: an uncompressed P-256 point, base64url without padding.
const VAPID_KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

describe('Web Push', () => {
  it('turns the VAPID key into the 65 bytes PushManager.subscribe takes', () => {
    const key = applicationServerKey(VAPID_KEY);
    expect(key).toBeInstanceOf(Uint8Array);
    expect(key.length).toBe(65);
    expect(key[0]).toBe(0x04);
    expect([...applicationServerKey('-_8')]).toEqual([0xfb, 0xff]);
  });

  it('tells whether a subscription was made with this key', () => {
    const key = applicationServerKey(VAPID_KEY);
    expect(sameKey(key.slice().buffer, key)).toBe(true);
    const other = key.slice();
    other[10] = (other[10]! + 1) % 256;
    expect(sameKey(other.buffer, key)).toBe(false);
    expect(sameKey(null, key)).toBe(false);
  });

  it('sends the subscription as the graph takes it, and refuses an incomplete one', () => {
    expect(subscriptionInput({ endpoint: 'https://push.example/abc', keys: { p256dh: 'BPk', auth: 'c2Vj' } })).toEqual({ endpoint: 'https://push.example/abc', p256dh: 'BPk', auth: 'c2Vj' });
    expect(() => subscriptionInput({ endpoint: 'https://push.example/abc', keys: {} })).toThrow(WebPushError);
  });
});
