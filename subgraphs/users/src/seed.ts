// Demo accounts for the embedded default (never seeded into a configured production database).
import { DEMO_PASSWORD, demoUsers } from '@medpay/demo-data';
import { hashPassword } from './passwords.js';
import type { UserStore } from './user-store.js';

export async function seedDemoUsers(users: UserStore): Promise<number> {
  if ((await users.findMany([demoUsers[0]!.id])).length > 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of demoUsers) await users.create({ ...user, email: user.email, passwordHash });
  return demoUsers.length;
}
