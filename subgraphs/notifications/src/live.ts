// New in-app notifications to the subscribers of `notificationAdded`, on every replica: published on
// notifications' own bus (in-process embedded, Redis pub/sub across replicas), filtered per person.
import { PushIterator, type EventBus, type Logger } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { NotificationView } from './store.js';

const ADDED = 'notification.added';

type Wire = Omit<NotificationView, 'createdAt' | 'readAt'> & { createdAt: string; readAt: string | null };

export class LiveNotifications {
  constructor(
    private readonly bus: EventBus,
    private readonly logger: Logger,
  ) {}

  publish(recipientId: string, notification: NotificationView) {
    const wire: Wire = { ...notification, createdAt: notification.createdAt.toISOString(), readAt: notification.readAt?.toISOString() ?? null };
    // A lost live update costs only the badge's immediacy: the list has the row, and the bell reads it.
    this.bus
      .publish({ id: randomUUID(), type: ADDED, aggregateId: recipientId, payload: { recipientId, notification: wire }, createdAt: new Date().toISOString() })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'live notification not published'));
  }

  watch(recipientId: string): AsyncIterableIterator<NotificationView> {
    let unsubscribe = () => {};
    const added = new PushIterator<NotificationView>(() => unsubscribe());
    unsubscribe = this.bus.subscribe((event) => {
      if (event.type !== ADDED || event.payload.recipientId !== recipientId) return;
      const wire = event.payload.notification as Wire;
      added.push({ ...wire, createdAt: new Date(wire.createdAt), readAt: wire.readAt ? new Date(wire.readAt) : null });
    });
    return added;
  }
}
