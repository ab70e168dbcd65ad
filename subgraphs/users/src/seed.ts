// Demo accounts for the embedded default (never seeded into a configured production database).
import { DEMO_PASSWORD, demoUsers } from '@medpay/demo-data';
import type { Consents } from './consent.js';
import { recordPatientRegistered } from './outbox-store.js';
import { hashPassword } from './passwords.js';
import type { UserStore } from './user-store.js';

/** Demo accounts have accepted the texts in force when they were seeded (a later version asks them again). */
export async function seedDemoUsers(users: UserStore, consents: Consents): Promise<number> {
  if ((await users.findMany([demoUsers[0]!.id])).length > 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Demo patients are announced like any sign-up, so that analytics counts them.
  for (const user of demoUsers) {
    await users.create({ ...user, email: user.email, passwordHash }, user.roles.includes('PATIENT') ? recordPatientRegistered : undefined);
    await consents.accept(user.id, consents.current, '127.0.0.1');
  }
  return demoUsers.length;
}
